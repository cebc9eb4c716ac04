package dev.kiln.text;

/**
 * Text kept on one line of Kiln's own files (the output manifest, the image cache's index): a backslash, a line feed and
 * a carriage return are written {@code \\}, {@code \n} and {@code \r}, so each entry is one line.
 */
public final class LineText {
    private LineText() {}

    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** The text {@link #escape} was given; {@code \t} is read as a tab too, for files that escape tabs. */
    public static String unescape(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
