package dev.kiln.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;

/** The text a reader sees in a tree, without markup or raw HTML; blocks end with a line break. */
final class PlainText {

    private PlainText() {}

    static String of(Node node) {
        StringBuilder text = new StringBuilder();
        append(node, text);
        return text.toString();
    }

    private static void append(Node node, StringBuilder text) {
        if (node instanceof HtmlBlockBase || node instanceof HtmlInlineBase || node instanceof AttributesNode
                || node instanceof Footnote) { // a footnote mark shows as a number, not as its label
            return;
        }
        if (node instanceof Text) {
            String chars = SourceSlice.text(node.getChars());
            // unescaping (a regular expression) changes only text with a backslash or an entity
            text.append(chars.indexOf('\\') < 0 && chars.indexOf('&') < 0 ? chars : node.getChars().unescape());
        } else if (node instanceof EmojiNode emoji) {
            text.append(emoji.emoji());
        } else if (node instanceof TypographicSmarts smarts) {
            text.append(smarts.getTypographicText());
        } else if (node instanceof TypographicQuotes quotes) {
            text.append(nullToEmpty(quotes.getTypographicOpening()));
            appendChildren(node, text);
            text.append(nullToEmpty(quotes.getTypographicClosing()));
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            text.append(' ');
        } else if ((node instanceof AutoLink || node instanceof MailLink) && !node.hasChildren()) {
            text.append(withoutAngleBrackets(node.getChars().toString()));
        } else {
            appendChildren(node, text);
        }
        if (node instanceof Block) {
            text.append('\n');
        }
    }

    private static void appendChildren(Node node, StringBuilder text) {
        for (Node child : node.getChildren()) {
            append(child, text);
        }
    }

    private static String withoutAngleBrackets(String link) {
        return link.startsWith("<") && link.endsWith(">") ? link.substring(1, link.length() - 1) : link;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
