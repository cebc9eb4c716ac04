package dev.kiln.markdown;

/**
 * What a placeholder line of {@link KramdownPreprocessor} stands for.
 *
 * @param kind how it renders
 * @param html the HTML it renders as
 */
record RawBlock(Kind kind, String html) {
    enum Kind {
        /** The author's HTML: left out in safe mode, like all raw HTML. */
        HTML,
        /** The opening tag of an element whose content is one paragraph's text, rendered without {@code <p>}. */
        SPAN_OPEN,
        /** Its closing tag, on the same line as the text. */
        SPAN_CLOSE,
        /** Display math, {@code \[…\]}: TeX is no HTML, so safe mode keeps it. */
        MATH
    }
}
