package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ext.attributes.AttributeNode;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The nested list of a document's headings, as {@code <nav class="toc">}.
 *
 * <p>Headings marked {@code {:.no_toc}} are left out, as in kramdown. A heading nests under the
 * nearest earlier heading of a smaller level, so skipped levels do not leave empty items.
 */
final class TableOfContents {

    private record Entry(int level, String id, String text, List<Entry> children) {}

    private TableOfContents() {}

    /** The HTML, or null when the document has no listed heading. */
    static String html(Document document, Function<Heading, String> idOf) {
        Entry root = new Entry(0, null, null, new ArrayList<>());
        List<Entry> open = new ArrayList<>(List.of(root));
        for (Node node : document.getDescendants()) {
            if (!(node instanceof Heading heading) || isExcluded(document, heading)) {
                continue;
            }
            String id = idOf.apply(heading);
            if (id == null || id.isEmpty()) {
                continue;
            }
            while (open.get(open.size() - 1).level() >= heading.getLevel()) {
                open.remove(open.size() - 1);
            }
            Entry entry = new Entry(heading.getLevel(), id, PlainText.of(heading).strip(), new ArrayList<>());
            open.get(open.size() - 1).children().add(entry);
            open.add(entry);
        }
        if (root.children().isEmpty()) {
            return null;
        }
        StringBuilder html = new StringBuilder("<nav class=\"toc\">\n");
        appendList(root.children(), html);
        return html.append("</nav>\n").toString();
    }

    private static void appendList(List<Entry> entries, StringBuilder html) {
        html.append("<ul>\n");
        for (Entry entry : entries) {
            html.append("<li><a href=\"#").append(Escaping.escapeHtml(entry.id(), true)).append("\">")
                    .append(Escaping.escapeHtml(entry.text(), false)).append("</a>");
            if (!entry.children().isEmpty()) {
                html.append('\n');
                appendList(entry.children(), html);
            }
            html.append("</li>\n");
        }
        html.append("</ul>\n");
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
