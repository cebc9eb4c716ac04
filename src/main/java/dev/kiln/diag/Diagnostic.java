package dev.kiln.diag;

import java.util.List;

/**
 * One problem found in the sources, with where it is and how to fix it. The hint may be null.
 * {@code usedBy} lists the places that use the file it is in (the posts that include an include),
 * so that one error in a shared file is reported once, with its users, rather than once per user.
 */
public record Diagnostic(Severity severity, SourcePosition position, String message, String hint, List<SourcePosition> usedBy) {

    public Diagnostic {
        usedBy = List.copyOf(usedBy);
    }

    public Diagnostic(Severity severity, SourcePosition position, String message, String hint) {
        this(severity, position, message, hint, List.of());
    }

    /** This diagnostic, also used at {@code use}. */
    public Diagnostic usedAt(SourcePosition use) {
        return new Diagnostic(severity, position, message, hint, List.of(use));
    }

    public static Diagnostic error(SourcePosition position, String message, String hint) {
        return new Diagnostic(Severity.ERROR, position, message, hint);
    }

    public static Diagnostic warning(SourcePosition position, String message, String hint) {
        return new Diagnostic(Severity.WARNING, position, message, hint);
    }

    /** The one-line compiler-style form: {@code path:line:col: error: message (hint: ...)}. */
    public String headline() {
        return visible(position + ": " + severity.label() + ": " + message + (hint == null ? "" : " (hint: " + hint + ")"));
    }

    /**
     * Control characters written as escapes: a file name or value can hold NUL, tabs or terminal
     * escape sequences, which must neither vanish from the message nor drive the user's terminal.
     */
    public static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                out.append(String.format(java.util.Locale.ROOT, "\\x%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
