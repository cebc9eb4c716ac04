package dev.kiln.markdown;

import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.attributes.AttributeNode;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.toc.TocBlock;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Adjusts a parsed tree to what a kramdown author expects, before it is rendered. */
final class KramdownTreeRewriter {

    /** flexmark hard-codes entities for dashes and ellipses; authors expect the characters. */
    private static final Map<String, String> CHARACTERS = Map.ofEntries(
            Map.entry("&hellip;", "\u2026"),
            Map.entry("&ndash;", "\u2013"),
            Map.entry("&mdash;", "\u2014"),
            Map.entry("&lsquo;", "\u2018"),
            Map.entry("&rsquo;", "\u2019"),
            Map.entry("&ldquo;", "\u201C"),
            Map.entry("&rdquo;", "\u201D"),
            Map.entry("&laquo;", "\u00AB"),
            Map.entry("&raquo;", "\u00BB"),
            Map.entry("&apos;", "\u2019"));

    void rewrite(Document document) {
        List<Node> tableOfContentsMarkers = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof TypographicSmarts smarts) {
                smarts.setTypographicText(character(smarts.getTypographicText()));
            } else if (node instanceof TypographicQuotes quotes) {
                quotes.setTypographicOpening(character(quotes.getTypographicOpening()));
                quotes.setTypographicClosing(character(quotes.getTypographicClosing()));
            } else if (node instanceof TocBlock || isKramdownTableOfContents(node)) {
                tableOfContentsMarkers.add(node);
            }
        }
        for (Node marker : tableOfContentsMarkers) {
            marker.insertBefore(new TableOfContentsBlock(marker.getChars()));
            marker.unlink();
        }
    }

    private static String character(String text) {
        return text == null ? null : CHARACTERS.getOrDefault(text, text);
    }

    /** kramdown's marker: a one-item list ({@code * toc} or {@code 1. toc}) carrying {@code {:toc}}. */
    private static boolean isKramdownTableOfContents(Node node) {
        if (!(node instanceof ListBlock list)
                || !(list.getFirstChild() instanceof ListItem item)
                || item.getNext() != null
                || !(item.getFirstChild() instanceof Paragraph paragraph)) {
            return false;
        }
        for (Node child : paragraph.getChildren()) {
            if (child instanceof AttributesNode attributes) {
                for (Node attribute : attributes.getChildren()) {
                    if (attribute instanceof AttributeNode named && named.getName().equals("toc")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
