package dev.kiln.text;

/** Plain-text measures shared by the stages: word counts and shortened descriptions. */
public final class PlainText {
    private PlainText() {}

    /** Words for reading time: whitespace-separated runs holding at least one letter or digit. */
    public static int countWords(CharSequence text) {
        int words = 0;
        boolean counted = false;
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            i += Character.charCount(c);
            if (c == ' ' || (c >= '\t' && c <= '\r')) { // the whitespace of regex \s
                counted = false;
            } else if (!counted && Character.isLetterOrDigit(c)) {
                words++;
                counted = true;
            }
        }
        return words;
    }

    /** Runs of whitespace as one space, trimmed. */
    public static String collapseSpaces(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** At most {@code max} characters, cut at a word boundary with an ellipsis. */
    public static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        String head = (cut > max / 2 ? text.substring(0, cut) : text.substring(0, max - 1)).stripTrailing();
        return head.replaceAll("[\\s.,;:!?-]+$", "") + "…";
    }
}
