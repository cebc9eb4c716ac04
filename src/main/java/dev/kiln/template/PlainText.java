package dev.kiln.template;

/** Plain text from rendered HTML, for meta descriptions. */
final class PlainText {
    private PlainText() {}

    static String of(String html) {
        String text = html.replaceAll("(?s)<[^>]*>", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
        return text.replaceAll("\\s+", " ").strip();
    }

    /** At most {@code max} characters, cut at a word boundary with an ellipsis. */
    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        String head = (cut > max / 2 ? text.substring(0, cut) : text.substring(0, max - 1)).stripTrailing();
        return head.replaceAll("[\\s.,;:!?-]+$", "") + "…";
    }
}
