package dev.kiln.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.CoreNodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import dev.kiln.highlight.CodeHighlighter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Renders fenced code as flexmark does ({@code <pre><code class="language-x">}, the same attributes),
 * with the code highlighted when its language is known, and its lines numbered when the info string
 * holds the word {@code linenos} (as in Jekyll's {@code {% highlight java linenos %}}), or when the site's kramdown options
 * number every block's ({@code syntax_highlighter_opts: {block: {line_numbers: true}}}).
 */
final class CodeBlockRenderer implements NodeRenderer {
    /** site.yml's kramdown option that numbers every code block's lines, as kramdown's syntax_highlighter_opts does. */
    private static final String BLOCK_LINE_NUMBERS = "syntax_highlighter_opts.block.line_numbers";
    /**
     * The word Liquid's highlight tag without linenos leaves in the info string: Jekyll numbers such code only with linenos,
     * whatever kramdown's options say.
     */
    static final String NOT_NUMBERED = "nolinenos";

    private final CodeHighlighter highlighter;

    CodeBlockRenderer(CodeHighlighter highlighter) {
        this.highlighter = highlighter;
    }

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, this::render));
    }

    private void render(FencedCodeBlock block, NodeRendererContext context, HtmlWriter html) {
        List<String> words = Arrays.stream(block.getInfo().unescape().strip().split("\\s+"))
                .filter(word -> !word.isEmpty()).toList();
        String language = words.isEmpty() ? "" : words.get(0);
        boolean numberedLines = words.stream().skip(1).anyMatch(word -> word.equals("linenos") || word.startsWith("linenos="))
                || !words.contains(NOT_NUMBERED) && FootnoteRenderer.OPTIONS.get(block.getDocument()).flag(BLOCK_LINE_NUMBERS, false);
        String code = block.getContentChars().normalizeEOL();
        html.line();
        html.srcPosWithTrailingEOL(block.getChars()).withAttr().tag("pre").openPre();
        if (!language.isEmpty()) {
            html.attr("class", "language-" + language + (numberedLines ? " linenos" : ""));
        } else if (numberedLines) {
            html.attr("class", "linenos");
        }
        html.srcPosWithEOL(block.getContentChars()).withAttr(CoreNodeRenderer.CODE_CONTENT).tag("code");
        if (numberedLines || highlighter.knows(language)) {
            html.raw(highlighter.html(language, code, numberedLines));
        } else {
            html.text(code);
        }
        html.tag("/code");
        html.tag("/pre").closePre();
        html.lineIf(context.getHtmlOptions().htmlBlockCloseTagEol);
    }
}
