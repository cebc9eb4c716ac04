package dev.kiln.output;

import java.nio.file.Path;

/** The output folder has files Kiln did not write; replacing it would delete them. */
public final class ForeignOutputException extends Exception {
    public ForeignOutputException(Path output) {
        this(output + " is not empty and was not written by Kiln");
    }

    ForeignOutputException(String message) {
        super(message, null, false, false);
    }
}
