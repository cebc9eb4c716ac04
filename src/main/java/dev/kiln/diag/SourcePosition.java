package dev.kiln.diag;

import java.nio.file.Path;

/** A place in a source file: path relative to the site root, 1-based line and column. */
public record SourcePosition(Path file, int line, int column) {
    public static SourcePosition startOf(Path file) {
        return new SourcePosition(file, 1, 1);
    }

    @Override
    public String toString() {
        return file.toString().replace('\\', '/') + ":" + line + ":" + column;
    }
}
