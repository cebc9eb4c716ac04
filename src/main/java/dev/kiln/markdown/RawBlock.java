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
        /** A block attribute list on a line of its own, for the block before it; {@code html} is its text. */
        IAL_AFTER,
        /** One after a blank line, for the block after it. */
        IAL_BEFORE,
        /** Display math, {@code \[…\]}: TeX is no HTML, so safe mode keeps it. */
        MATH
    }
}
