package dev.kiln.markdown;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import dev.kiln.highlight.CodeHighlighter;

/**
 * Kiln's flexmark extension: kramdown attribute lists (parsing our way, attaching flexmark's way), comments and raw text,
 * emphasis as kramdown reads it,
 * headings with anchors, the table of contents, link attributes, highlighted code, and code blocks and
 * tables a keyboard can scroll.
 */
final class KramdownExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private final boolean safeMode;
    private final MarkdownRenderer.ThumbnailUrls thumbnails;
    private final CodeHighlighter highlighter = new CodeHighlighter();

    KramdownExtension(boolean safeMode, MarkdownRenderer.ThumbnailUrls thumbnails) {
        this.safeMode = safeMode;
        this.thumbnails = thumbnails;
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
        // kramdown's emphasis (EmphasisDelimiters) in place of CommonMark's
        options.set(Parser.ASTERISK_DELIMITER_PROCESSOR, false).set(Parser.UNDERSCORE_DELIMITER_PROCESSOR, false);
    }

    @Override
    public void extend(Parser.Builder parser) {
        parser.customInlineParserExtensionFactory(new InlineExtensionFactory("{", KramdownAttributeParser::new));
        parser.customInlineParserExtensionFactory(new InlineExtensionFactory("$", MathParser::new));
        parser.customDelimiterProcessor(new EmphasisDelimiters.Asterisks());
        parser.customDelimiterProcessor(new EmphasisDelimiters.Underscores());
        // Each attribute list is given its owner by AttributeOwners, after parsing.
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {}

    @Override
    public void extend(HtmlRenderer.Builder renderer, String rendererType) {
        renderer.nodeRendererFactory(options -> new HeadingRenderer());
        renderer.htmlIdGeneratorFactory(new HeadingIds.Factory());
        renderer.nodeRendererFactory(options -> new TextRenderer());
        renderer.nodeRendererFactory(options -> new CodeBlockRenderer(highlighter));
        renderer.nodeRendererFactory(options -> new RawBlockRenderer(safeMode, thumbnails));
        renderer.nodeRendererFactory(options -> new FootnoteRenderer());
        renderer.attributeProviderFactory(new LinkAttributeProvider.Factory(safeMode));
        renderer.attributeProviderFactory(new ScrollableBlockAttributeProvider.Factory());
    }
}
