package dev.kiln.markdown;

import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.Set;

/**
 * Renders what kramdown's block rules made of the text: raw HTML blocks, span content, math, extensions in text, table
 * footers; and embeds and task lists' checkboxes.
 */
final class RawBlockRenderer implements NodeRenderer {
    private final boolean safeMode;
    private final MarkdownRenderer.ThumbnailUrls thumbnails;

    RawBlockRenderer(boolean safeMode, MarkdownRenderer.ThumbnailUrls thumbnails) {
        this.safeMode = safeMode;
        this.thumbnails = thumbnails;
    }

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(RawBlockNode.class, this::render),
                new NodeRenderingHandler<>(SpanContentNode.class, (node, context, html) -> context.renderChildren(node)),
                new NodeRenderingHandler<>(MathSpan.class, this::render),
                new NodeRenderingHandler<>(RawSpan.class, (node, context, html) -> {
                    if (!safeMode) {
                        html.raw(node.html());
                    }
                }),
                new NodeRenderingHandler<>(FigureNode.class, this::render),
                new NodeRenderingHandler<>(TaskLists.TaskBox.class, (node, context, html) -> html.raw(node.html())),
                new NodeRenderingHandler<>(TableFootNode.class, (node, context, html) ->
                        html.withAttr().tagLineIndent("tfoot", () -> context.renderChildren(node))),
                // Kiln's own markup, not the author's HTML: safe mode keeps it (the task box above too).
                new NodeRenderingHandler<>(EmbedNode.class, (node, context, html) -> {
                    html.line();
                    html.raw(node.embed.html(node.embed.thumbnail() == null ? null : thumbnails.url(node.embed.id())));
                }));
    }

    private void render(RawBlockNode node, NodeRendererContext context, HtmlWriter html) {
        RawBlock block = node.block();
        if (safeMode && block.kind() != RawBlock.Kind.MATH || block.kind() == RawBlock.Kind.END) {
            return;
        }
        // Pre-formatted for flexmark's writer, which would strip the author's indentation from each line.
        if (block.kind() != RawBlock.Kind.SPAN_CLOSE) {
            html.line();
        }
        html.openPre().raw(block.html()).closePre();
        if (block.kind() != RawBlock.Kind.SPAN_OPEN) {
            html.line();
        }
    }

    private void render(FigureNode figure, NodeRendererContext context, HtmlWriter html) {
        html.line();
        figure.attributes().forEach(html::attr);
        html.withAttr().tagLine("figure", () -> {
            html.line();
            context.renderChildren(figure);
            html.line().raw("<figcaption>" + Escaping.escapeHtml(figure.caption(), false) + "</figcaption>").line();
        });
    }

    private void render(MathSpan math, NodeRendererContext context, HtmlWriter html) {
        if (math.display()) {
            html.line().raw("\\[" + MathSpan.escape(math.tex()) + "\\]").line();
            return;
        }
        html.raw("\\(" + MathSpan.escape(math.tex()) + "\\)");
    }
}
