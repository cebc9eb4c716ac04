package dev.kiln.diag;

import java.nio.file.Path;

/** A place in a source file: path relative to the site root, 1-based line and column. */
public record SourcePosition(Path file, int line, int column) {
    public static SourcePosition startOf(Path file) {
        return new SourcePosition(file, 1, 1);
    }

    /**
     * The position of {@code text.charAt(index)}; columns count code points. {@code \r\n} and a
     * lone {@code \r} end lines too, so positions in text not yet normalised match the editor's.
     */
    public static SourcePosition at(Path file, String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourcePosition(file, line, text.codePointCount(lineStart, index) + 1);
    }

    @Override
    public String toString() {
        return file.toString().replace('\\', '/') + ":" + line + ":" + column;
    }
}
