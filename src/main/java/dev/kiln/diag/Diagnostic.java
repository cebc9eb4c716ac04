package dev.kiln.diag;

/** One problem found in the sources, with where it is and how to fix it. The hint may be null. */
public record Diagnostic(Severity severity, SourcePosition position, String message, String hint) {

    public static Diagnostic error(SourcePosition position, String message, String hint) {
        return new Diagnostic(Severity.ERROR, position, message, hint);
    }

    /** The one-line compiler-style form: {@code path:line:col: error: message (hint: ...)}. */
    public String headline() {
        return position + ": " + severity.label() + ": " + message + (hint == null ? "" : " (hint: " + hint + ")");
    }
}
