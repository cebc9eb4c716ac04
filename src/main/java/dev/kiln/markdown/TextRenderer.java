package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.Set;

/**
 * Plain text, as flexmark's core renderer writes it, without its three regular expressions per text
 * node (unescape, line ends, escape): most text holds no backslash, entity or carriage return, and
 * text is most of a blog. The output is the same bytes.
 */
final class TextRenderer implements NodeRenderer {

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(Text.class, this::render));
    }

    private void render(Text node, NodeRendererContext context, HtmlWriter html) {
        String text = SourceSlice.text(node.getChars());
        if (text.indexOf('\\') >= 0 || text.indexOf('&') >= 0) {
            text = node.getChars().unescape();
        }
        if (text.indexOf('\r') >= 0) {
            text = Escaping.normalizeEOL(text);
        }
        html.raw(escape(text));
    }

    /** Escapes exactly what flexmark's {@code Escaping.escapeHtml(text, false)} does: {@code & < > "}. */
    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (entity != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(entity);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
