package dev.kiln.markdown;

import dev.kiln.text.HtmlText;
import java.util.Map;

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
        /** The opening tag of an element whose content is read as blocks of Markdown. */
        OPEN,
        /** Its closing tag. */
        CLOSE,
        /** The opening tag of an element whose content is one paragraph's text, rendered without {@code <p>}. */
        SPAN_OPEN,
        /** Its closing tag, on the same line as the text. */
        SPAN_CLOSE,
        /** What {@code {::comment}} and {@code {::nomarkdown}} give: HTML too, but no element of the author's. */
        EXTENSION,
        /** A block attribute list on a line of its own, for the block before it; {@code html} is its text. */
        IAL_AFTER,
        /** One after a blank line, for the block after it. */
        IAL_BEFORE,
        /** kramdown's end-of-block marker, {@code ^} on a line of its own: it ends what is open there and shows nothing. */
        END,
        /** A comment or a {@code <script>} in a paragraph's text, as written: raw HTML inside the paragraph. */
        SPAN_HTML,
        /** Display math, {@code \[…\]}: TeX is no HTML, so safe mode keeps it. */
        MATH
    }

    /** Whether kramdown gives an attribute list for this block to the element its HTML starts with. */
    boolean takesAttributes() {
        return (kind == Kind.HTML || kind == Kind.OPEN || kind == Kind.SPAN_OPEN) && firstTag() != null;
    }

    /** Whether its HTML is one element without content ({@code <hr>}, {@code <div/>}): kramdown reads a blank line after it. */
    boolean empty() {
        KramdownPreprocessor.Tag tag = firstTag();
        return kind == Kind.HTML && tag != null && tag.end() == html.length()
                && (tag.selfClosing() || KramdownPreprocessor.VOID_ELEMENTS.contains(tag.lowerName()));
    }

    /**
     * This block with {@code values} given to its first tag as kramdown gives an attribute list to an HTML element:
     * a class is added to the classes the tag has, any other attribute replaces the tag's own (in its place) or is
     * added at the tag's end. The rest of the author's HTML is left as written.
     */
    RawBlock withAttributes(Map<String, String> values) {
        KramdownPreprocessor.Tag tag = firstTag();
        if (tag == null || values.isEmpty()) {
            return this;
        }
        StringBuilder text = new StringBuilder(html);
        int end = tag.end() - (tag.selfClosing() ? 2 : 1);
        while (Character.isWhitespace(html.charAt(end - 1))) {
            end--;
        }
        StringBuilder added = new StringBuilder();
        values.forEach((name, value) -> {
            if (!tag.attributes().containsKey(name)) {
                added.append(' ').append(name).append("=\"").append(HtmlText.escape(value)).append('"');
            }
        });
        text.insert(end, added);
        // The tag's own, replaced from the last to the first so that the places of those before stay right.
        values.entrySet().stream().filter(entry -> tag.attributes().containsKey(entry.getKey()))
                .sorted((a, b) -> Integer.compare(tag.attributes().get(b.getKey()).start(), tag.attributes().get(a.getKey()).start()))
                .forEach(entry -> {
                    KramdownPreprocessor.Tag.Attribute own = tag.attributes().get(entry.getKey());
                    String value = HtmlText.escape(entry.getValue());
                    if (entry.getKey().equals("class") && !own.value().isBlank()) {
                        value = own.value().strip().replace("\"", "&quot;") + " " + value;
                    }
                    text.replace(own.start(), own.end(), entry.getKey() + "=\"" + value + "\"");
                });
        return new RawBlock(kind, text.toString());
    }

    private KramdownPreprocessor.Tag firstTag() {
        KramdownPreprocessor.Tag tag = html.startsWith("<") ? KramdownPreprocessor.Tag.at(html, 0) : null;
        return tag == null || tag.closing() ? null : tag;
    }
}
