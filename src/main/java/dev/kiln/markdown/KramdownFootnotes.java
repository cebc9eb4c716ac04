package dev.kiln.markdown;

import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Footnote ids as kramdown writes them, {@code fn:NAME} and {@code fnref:NAME} (the name as written in
 * {@code [^NAME]}), so links to {@code #fn:1} from a Jekyll site's days still land. flexmark numbers them
 * ({@code fn-1}, {@code fnref-1}, {@code fnref-1-1} for a second reference) and has no option for it.
 */
final class KramdownFootnotes {
    /** Only the markup flexmark's footnote renderer writes, never an author's own HTML. */
    private static final Pattern FLEXMARK_IDS = Pattern.compile(
            "(<sup id=\"fnref-)(\\d+)(-\\d+)?(\"><a class=\"footnote-ref\" href=\"#fn-)(\\d+)(\">)"
                    + "|(<li id=\"fn-)(\\d+)(\">)"
                    + "|(<a href=\"#fnref-)(\\d+)(-\\d+)?(\" class=\"footnote-backref\">)");

    private KramdownFootnotes() {}

    static String withKramdownIds(String html, Document document) {
        if (!html.contains("id=\"fnref-")) {
            return html;
        }
        Map<String, String> names = new HashMap<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof FootnoteBlock block && block.getFootnoteOrdinal() > 0) {
                names.put(Integer.toString(block.getFootnoteOrdinal()), block.getText().toString());
            }
        }
        Matcher m = FLEXMARK_IDS.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        while (m.find()) {
            String replacement;
            if (m.group(1) != null) {
                replacement = "<sup id=\"fnref:" + name(names, m.group(2)) + repeat(m.group(3))
                        + "\"><a class=\"footnote-ref\" href=\"#fn:" + name(names, m.group(5)) + "\">";
            } else if (m.group(7) != null) {
                replacement = "<li id=\"fn:" + name(names, m.group(8)) + "\">";
            } else {
                replacement = "<a href=\"#fnref:" + name(names, m.group(11)) + repeat(m.group(12)) + "\" class=\"footnote-backref\">";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String name(Map<String, String> names, String ordinal) {
        return names.getOrDefault(ordinal, ordinal);
    }

    /** flexmark's "-1" for a footnote's second reference is kramdown's ":1". */
    private static String repeat(String suffix) {
        return suffix == null ? "" : ":" + suffix.substring(1);
    }
}
