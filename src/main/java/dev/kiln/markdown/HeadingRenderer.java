package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.Set;

/**
 * Renders headings with a trailing anchor link (shown on hover by the theme), and the table of
 * contents where the author placed its marker.
 */
final class HeadingRenderer implements NodeRenderer {

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(Heading.class, this::render),
                new NodeRenderingHandler<>(TableOfContentsBlock.class, this::render));
    }

    private void render(Heading heading, NodeRendererContext context, HtmlWriter html) {
        String found = context.getNodeId(heading);
        String id = found == null || found.isEmpty() ? null : found; // auto_ids false gives none: no anchor to the page's top
        if (id != null) {
            html.attr("id", id);
        }
        html.srcPos(heading.getText()).withAttr().tagLine("h" + heading.getLevel(), () -> {
            context.renderChildren(heading);
            if (id != null) {
                html.raw("<a class=\"anchor\" href=\"#" + Escaping.escapeHtml(id, true)
                        + "\" aria-label=\"Link to this section\">#</a>");
            }
        });
    }

    /** A heading's inner HTML for a table of contents: links as their text, no footnote marks (FootnoteRenderer). */
    private static String markup(Heading heading, NodeRendererContext context) {
        NodeRendererContext entry = context.getSubContext(false);
        entry.doNotRenderLinks();
        entry.renderChildren(heading);
        return entry.getHtmlWriter().toString().strip();
    }

    private void render(TableOfContentsBlock block, NodeRendererContext context, HtmlWriter html) {
        String toc = block.kramdown()
                ? TableOfContents.kramdownHtml(block.getDocument(), context::getNodeId, block.ordered(), block.attributes(),
                        heading -> markup(heading, context))
                : TableOfContents.html(block.getDocument(), context::getNodeId);
        if (toc != null) {
            html.line().raw(toc).line();
        }
    }
}
