package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ext.attributes.AttributeNode;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The nested list of a document's headings: as {@code <nav class="toc">} for {@code [TOC]} and a theme's table of
 * contents, and as kramdown writes it where a list marked {@code {:toc}} stood ({@code <ul id="markdown-toc">}, each
 * link with the id {@code markdown-toc-<heading id>} and the heading's own markup, footnote marks and links left out),
 * so a Jekyll theme's {@code #markdown-toc} styles still apply.
 *
 * <p>Headings marked {@code {:.no_toc}} are left out, as in kramdown. A heading nests under the
 * nearest earlier heading of a smaller level, so skipped levels do not leave empty items.
 */
final class TableOfContents {

    private record Entry(Heading heading, String id, List<Entry> children) {}

    private TableOfContents() {}

    /** The HTML, or null when the document has no listed heading. */
    static String html(Document document, Function<Heading, String> idOf) {
        List<Entry> entries = entries(document, idOf);
        if (entries.isEmpty()) {
            return null;
        }
        StringBuilder html = new StringBuilder("<nav class=\"toc\">\n");
        appendList(entries, "ul", null, html, entry -> "<a href=\"#" + Escaping.escapeHtml(entry.id(), true) + "\">"
                + Escaping.escapeHtml(PlainText.of(entry.heading()).strip(), false) + "</a>");
        return html.append("</nav>\n").toString();
    }

    /**
     * kramdown's: a list of the kind that was marked ({@code ul} or {@code ol}) with its attributes, {@code id}
     * {@code markdown-toc} unless it has one; {@code markup} gives a heading's inner HTML.
     */
    static String kramdownHtml(Document document, Function<Heading, String> idOf, boolean ordered, Map<String, String> attributes,
                               Function<Heading, String> markup) {
        List<Entry> entries = entries(document, idOf);
        Map<String, String> listAttributes = new LinkedHashMap<>(attributes);
        listAttributes.putIfAbsent("id", "markdown-toc");
        StringBuilder html = new StringBuilder();
        String prefix = listAttributes.get("id");
        appendList(entries, ordered ? "ol" : "ul", listAttributes, html, entry -> "<a href=\"#" + Escaping.escapeHtml(entry.id(), true)
                + "\" id=\"" + Escaping.escapeHtml(prefix + "-" + entry.id(), true) + "\">" + markup.apply(entry.heading()) + "</a>");
        return html.toString();
    }

    private static List<Entry> entries(Document document, Function<Heading, String> idOf) {
        Entry root = new Entry(null, null, new ArrayList<>());
        List<Entry> open = new ArrayList<>(List.of(root));
        boolean[] levels = levels(FootnoteRenderer.OPTIONS.get(document).text("toc_levels", "1..6"));
        for (Node node : document.getDescendants()) {
            if (!(node instanceof Heading heading) || !levels[Math.min(heading.getLevel(), 6)] || isExcluded(document, heading)) {
                continue;
            }
            String id = idOf.apply(heading);
            if (id == null || id.isEmpty()) {
                continue;
            }
            while (open.size() > 1 && open.get(open.size() - 1).heading().getLevel() >= heading.getLevel()) {
                open.remove(open.size() - 1);
            }
            Entry entry = new Entry(heading, id, new ArrayList<>());
            open.get(open.size() - 1).children().add(entry);
            open.add(entry);
        }
        return root.children();
    }

    /**
     * The heading levels listed, from kramdown's option {@code toc_levels} ({@code 2..3} or {@code 2,3}); all
     * six when it is neither, as kramdown keeps its default for a value it cannot read.
     */
    static boolean[] levels(String option) {
        boolean[] levels = new boolean[7];
        java.util.regex.Matcher range = java.util.regex.Pattern.compile("\\s*([1-6])\\s*\\.\\.\\s*([1-6])\\s*").matcher(option);
        if (range.matches()) {
            for (int level = Integer.parseInt(range.group(1)); level <= Integer.parseInt(range.group(2)); level++) {
                levels[level] = true;
            }
        } else if (option.matches("\\s*[1-6](\\s*,\\s*[1-6])*\\s*")) {
            for (String level : option.split(",")) {
                levels[Integer.parseInt(level.strip())] = true;
            }
        } else {
            java.util.Arrays.fill(levels, true);
        }
        return levels;
    }

    private static void appendList(List<Entry> entries, String tag, Map<String, String> attributes, StringBuilder html,
                                   Function<Entry, String> link) {
        html.append('<').append(tag);
        if (attributes != null) {
            attributes.forEach((name, value) -> html.append(' ').append(name).append("=\"")
                    .append(Escaping.escapeHtml(value, true)).append('"'));
        }
        html.append(">\n");
        for (Entry entry : entries) {
            html.append("<li>").append(link.apply(entry));
            if (!entry.children().isEmpty()) {
                html.append('\n');
                appendList(entry.children(), tag, null, html, link);
            }
            html.append("</li>\n");
        }
        html.append("</").append(tag).append(">\n");
    }

    private static boolean isExcluded(Document document, Heading heading) {
        List<AttributesNode> lists = AttributesExtension.NODE_ATTRIBUTES.get(document).get(heading);
        if (lists == null) {
            return false;
        }
        for (AttributesNode list : lists) {
            for (Node attribute : list.getChildren()) {
                if (attribute instanceof AttributeNode named && named.isClass()
                        && List.of(named.getValue().toString().split("\\s+")).contains("no_toc")) {
                    return true;
                }
            }
        }
        return false;
    }
}
