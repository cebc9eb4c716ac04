package dev.kiln.diag;

import java.util.List;

/** Thrown when a stage found errors that make later stages pointless; carries every diagnostic found so far. */
public final class BuildFailedException extends Exception {
    private final List<Diagnostic> diagnostics;

    public BuildFailedException(List<Diagnostic> diagnostics) {
        super(diagnostics.size() + " error(s)", null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
