package dev.kiln.text;

/** Plain-text measures shared by the stages: word counts and shortened descriptions. */
public final class PlainText {
    private PlainText() {}

    /** Words for reading time: whitespace-separated runs holding at least one letter or digit. */
    public static int countWords(String text) {
        int words = 0;
        boolean counted = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.charAt(i);
            if (c < 0x80) { // most text: no code point decoding, no Unicode tables
                i++;
            } else {
                c = text.codePointAt(i);
                i += Character.charCount(c);
            }
            if (c == ' ' || (c >= '\t' && c <= '\r')) { // the whitespace of regex \s
                counted = false;
            } else if (!counted && (c < 0x80 ? isAsciiLetterOrDigit(c) : Character.isLetterOrDigit(c))) {
                words++;
                counted = true;
            }
        }
        return words;
    }

    private static boolean isAsciiLetterOrDigit(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Runs of whitespace as one space, trimmed. */
    public static String collapseSpaces(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /**
     * The start of {@code text} with runs of whitespace as one space, trimmed, and cut like {@link #shorten}
     * to at most {@code max} characters: the whole text is never copied, however long it is.
     */
    public static String collapseAndShorten(CharSequence text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
        boolean space = false;
        for (int i = 0; i < text.length() && out.length() <= max; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return shorten(out.toString(), max);
    }

    /** At most {@code max} characters, cut at a word boundary with an ellipsis. */
    public static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        int end = cut > max / 2 ? cut : max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never between the two halves of an emoji
        }
        String head = text.substring(0, end).stripTrailing();
        return head.replaceAll("[\\s.,;:!?-]+$", "") + "…";
    }
}
