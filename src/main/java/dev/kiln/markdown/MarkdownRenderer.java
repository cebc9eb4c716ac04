package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.abbreviation.AbbreviationExtension;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.toc.TocExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.parser.MutableListOptions;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.ParserEmulationProfile;
import com.vladsch.flexmark.util.ast.DoNotDecorate;
import com.vladsch.flexmark.util.ast.DoNotLinkDecorate;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import dev.kiln.text.MarkdownLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders a Markdown body (front matter already removed) the way a Jekyll/kramdown author expects.
 *
 * <p>Built once and shared: flexmark's parser and renderer are immutable, and every document gets
 * its own tree.
 */
public final class MarkdownRenderer {

    private static final Pattern MORE = Pattern.compile("<!--\\s*more\\s*-->");
    /**
     * What an excerpt must lose to be shown on another page beside other excerpts: footnote
     * references (their notes are not there), heading anchors, and ids (they would repeat).
     */
    private static final Pattern EXCERPT_ONLY_ON_ITS_PAGE = Pattern.compile(
            "<sup id=\"fnref[^\"]*\"><a [^>]*class=\"footnote\"[^>]*>[^<]*</a></sup>|<a class=\"anchor\"[^>]*>#</a>| id=\"[^\"]*\"");

    private static final Pattern ROOT_RELATIVE = Pattern.compile("(\\s(?:href|src)=\")(/(?!/))");

    private final String baseurl;
    /** Whether GitHub's emoji shortcodes become emoji ({@code emoji: true} in site.yml). */
    private final boolean emoji;
    /** kramdown options for every document (site.yml's {@code kramdown:}), as a document's {@code {::options}} sets them. */
    private final Map<String, String> siteOptions;
    private final Parser parser;
    /** The same parser without autolinking, about a fifth faster: used when no text could hold a bare URL. */
    private final Parser parserWithoutAutolink;
    private final HtmlRenderer renderer;
    private final KramdownTreeRewriter rewriter = new KramdownTreeRewriter();

    /**
     * @param safeMode when true, raw HTML (blocks and inline) is left out of the output
     * @param baseurl the sub-path the site lives under: root-relative links get it, since {@code /about/} in
     *                Markdown means the site's root
     * @param thumbnails where the site publishes an embed's thumbnail: the site's rule, given by the stage that knows it
     */
    public MarkdownRenderer(boolean safeMode, String baseurl, ThumbnailUrls thumbnails) {
        this(safeMode, baseurl, thumbnails, false, Map.of());
    }

    /** @param emoji whether {@code :tada:} in text becomes the emoji, as Jekyll's jemoji plugin does */
    public MarkdownRenderer(boolean safeMode, String baseurl, ThumbnailUrls thumbnails, boolean emoji) {
        this(safeMode, baseurl, thumbnails, emoji, Map.of());
    }

    /** @param siteOptions kramdown options every document starts with (site.yml's {@code kramdown:}); its own {@code {::options}} win */
    public MarkdownRenderer(boolean safeMode, String baseurl, ThumbnailUrls thumbnails, boolean emoji, Map<String, String> siteOptions) {
        this.baseurl = baseurl;
        this.emoji = emoji;
        this.siteOptions = Map.copyOf(siteOptions);
        KramdownExtension kramdown = new KramdownExtension(safeMode, thumbnails);
        List<Extension> common = List.of(
                TablesExtension.create(),
                StrikethroughExtension.create(),
                FootnoteExtension.create(),
                AbbreviationExtension.create(),
                DefinitionExtension.create(),
                TypographicExtension.create(),
                TocExtension.create(),
                AutolinkExtension.create(),
                kramdown);
        MutableDataSet options = new MutableDataSet()
                // Heading ids as Jekyll's GFM ids: lower case, spaces to '-', '-' and '_' kept, rest dropped.
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, false)
                .set(HtmlRenderer.HEADER_ID_GENERATOR_TO_DASH_CHARS, " ")
                .set(HtmlRenderer.HEADER_ID_GENERATOR_NON_DASH_CHARS, "-_")
                .set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, false)
                .set(HtmlRenderer.HEADER_ID_GENERATOR_RESOLVE_DUPES, true)
                .set(HtmlRenderer.SUPPRESS_HTML, safeMode)
                // kramdown starts a paragraph, not an HTML block, with a span element (<img>, <a>, <br/>) at a line's start,
                // and a block with any other (KramdownPreprocessor reads most; flexmark those in quotes and deep in lists).
                .set(Parser.HTML_BLOCK_START_ONLY_ON_BLOCK_TAGS, true)
                .set(Parser.HTML_BLOCK_TAGS, blockTags())
                // A script link is text, whatever its case or leading blanks (flexmark's default, "javascript:.*",
                // let JaVaScRiPt: through); LinkAttributeProvider also drops the ones written with entities.
                .set(HtmlRenderer.SUPPRESSED_LINKS, "(?is)[\\x00-\\x20]*(?:javascript|vbscript):.*")
                // kramdown: a later definition of an abbreviation replaces an earlier one.
                .set(AbbreviationExtension.ABBREVIATIONS_KEEP, com.vladsch.flexmark.util.ast.KeepType.LAST)
                .set(TablesExtension.COLUMN_SPANS, false)
                .set(TablesExtension.APPEND_MISSING_COLUMNS, true)
                .set(TablesExtension.DISCARD_EXTRA_COLUMNS, true)
                .set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        kramdownLists().setIn(options);
        // flexmark's attribute parser is left out on purpose: KramdownAttributeParser replaces it.
        MutableDataSet parserOptions = new MutableDataSet(options).set(Parser.EXTENSIONS, common);
        List<Extension> withoutAutolink = common.stream().filter(e -> !(e instanceof AutolinkExtension)).toList();
        MutableDataSet plainParserOptions = new MutableDataSet(options).set(Parser.EXTENSIONS, withoutAutolink);
        // Footnotes are parsed by flexmark and rendered kramdown's way (FootnoteRenderer).
        List<Extension> rendering = new ArrayList<>(common.stream().filter(e -> !(e instanceof FootnoteExtension)).toList());
        rendering.add(0, AttributesExtension.create());
        MutableDataSet rendererOptions = new MutableDataSet(options).set(Parser.EXTENSIONS, rendering);
        this.parser = CopyFreeInlineParser.install(Parser.builder(parserOptions)).build();
        this.parserWithoutAutolink = CopyFreeInlineParser.install(Parser.builder(plainParserOptions)).build();
        this.renderer = HtmlRenderer.builder(rendererOptions).build();
    }

    /**
     * Where a relative link to a Markdown file leads ({@code [Images](images.md)}): the URL, without the baseurl, of
     * the page made from that file, or null when the site makes none (the link then stays as written).
     */
    @FunctionalInterface
    public interface SourceLinks {
        SourceLinks NONE = link -> null;

        String url(MarkdownLink link);
    }

    /** Where the site publishes the copy of a YouTube video's thumbnail, by the video's id (without the baseurl). */
    @FunctionalInterface
    public interface ThumbnailUrls {
        String url(String videoId);
    }

    /** The elements that start an HTML block where flexmark reads them: its own list, and the media and embedding ones. */
    private static List<String> blockTags() {
        List<String> tags = new ArrayList<>(Parser.HTML_BLOCK_TAGS.getDefaultValue());
        tags.addAll(List.of("audio", "canvas", "embed", "noscript", "object", "picture", "svg", "template", "textarea", "video"));
        return tags;
    }

    /**
     * List items as kramdown reads them (flexmark's kramdown profile: a sublist indented by two spaces
     * under {@code 2. item} stays in the item, one list for {@code -} and {@code *} items, no
     * {@code start} number), except that a list may interrupt a paragraph, as in Jekyll's GFM input.
     */
    private static MutableListOptions kramdownLists() {
        MutableListOptions lists = ParserEmulationProfile.KRAMDOWN.getOptions();
        return lists.setItemInterrupt(new ListOptions.MutableItemInterrupt(lists.getItemInterrupt())
                .setBulletItemInterruptsParagraph(true)
                .setOrderedItemInterruptsParagraph(true)
                .setOrderedNonOneItemInterruptsParagraph(true));
    }

    public RenderedMarkdown render(String markdown) {
        return render(markdown, SourceLinks.NONE);
    }

    public RenderedMarkdown render(String markdown, SourceLinks sourceLinks) {
        return render(markdown, sourceLinks, null);
    }

    /** @param mediaSubpath the folder of the document's images ({@code media_subpath:}, Chirpy's), or null */
    public RenderedMarkdown render(String markdown, SourceLinks sourceLinks, String mediaSubpath) {
        int tooDeep = NestingLimit.tooDeepInText(markdown);
        if (tooDeep >= 0) {
            return tooDeep(markdown, tooDeep);
        }
        KramdownPreprocessor.Result prepared = KramdownPreprocessor.needless(markdown)
                ? KramdownPreprocessor.Result.unchanged(markdown, siteOptions)
                : KramdownPreprocessor.process(markdown, siteOptions);
        if (prepared.problemAt() >= 0) {
            return refused(markdown, prepared.problemAt(), prepared.problem(), prepared.hint());
        }
        Document document = NestingLimit.parse(this::parse, prepared.text().text());
        if (document == null) {
            return tooDeep(markdown, prepared.text().originOffset(NestingLimit.likelyDeepest(prepared.text().text())));
        }
        Node deepNode = NestingLimit.tooDeepInTree(document);
        if (deepNode != null) {
            return tooDeep(markdown, prepared.text().originOffset(deepNode.getStartOffset()));
        }
        rewriter.rewrite(document, prepared.definitions(), prepared.raw(), prepared.tableMarks());
        if (emoji && markdown.indexOf(':') >= 0) {
            EmojiShortcodes.rewrite(document);
        }
        List<RenderedMarkdown.Problem> problems = new ArrayList<>();
        List<String> thumbnails = List.of();
        if (EmbedRewriter.mayHold(markdown)) {
            SourceLines lines = new SourceLines(markdown);
            for (EmbedRewriter.Problem p : EmbedRewriter.rewrite(document)) {
                int offset = prepared.text().originOffset(p.offset());
                problems.add(new RenderedMarkdown.Problem(p.message(), p.hint(), lines.line(offset), lines.column(offset)));
            }
            thumbnails = EmbedRewriter.thumbnails(document);
        }
        if (sourceLinks != SourceLinks.NONE && SourceLinkRewriter.mayHold(markdown)) {
            SourceLinkRewriter.rewrite(document, sourceLinks, baseurl);
        }
        if (mediaSubpath != null) {
            MediaSubpath.rewrite(document, mediaSubpath);
        }
        document.set(FootnoteRenderer.OPTIONS, prepared.options());
        document.set(HeadingIds.INSIDE_HTML, prepared.insideHtml());
        document.set(FootnoteRenderer.PRESENT, prepared.text().text().contains("[^"));
        String html = html(document);
        List<Node> excerpt = excerptBlocks(document);
        String text = PlainText.of(document);
        return new RenderedMarkdown(
                withBaseurl(html),
                withBaseurl(renderBlocks(excerpt)),
                dev.kiln.text.PlainText.collapseSpaces(excerpt.stream().map(PlainText::of).collect(Collectors.joining(" "))),
                withBaseurl(TableOfContents.html(document, Heading::getAnchorRefId)),
                text,
                dev.kiln.text.PlainText.countWords(text),
                LinkCollector.links(document, prepared.text()), problems, hasMath(document, prepared), thumbnails);
    }

    private static boolean hasMath(Document document, KramdownPreprocessor.Result prepared) {
        if (!prepared.text().text().contains("$$")) {
            return false;
        }
        if (prepared.raw().values().stream().anyMatch(raw -> raw.kind() == RawBlock.Kind.MATH)) {
            return true;
        }
        for (Node node : document.getDescendants()) {
            if (node instanceof MathSpan) {
                return true;
            }
        }
        return false;
    }

    private static RenderedMarkdown tooDeep(String markdown, int offset) {
        return refused(markdown, offset, NestingLimit.MESSAGE, NestingLimit.HINT);
    }

    private static RenderedMarkdown refused(String markdown, int offset, String message, String hint) {
        SourceLines lines = new SourceLines(markdown);
        return RenderedMarkdown.refused(new RenderedMarkdown.Problem(message, hint, lines.line(offset), lines.column(offset)));
    }

    /**
     * Autolinking only ever changes text nodes holding a trigger, outside code and links (the extension's
     * own exclusions), so a document whose text has none is parsed once without it (most posts: their URLs
     * sit in link destinations and code blocks, not in text). Triggers are
     * found once in the whole Markdown, and text nodes are checked by their offsets, not copied out.
     */
    private Document parse(String markdown) {
        Document document = parserWithoutAutolink.parse(markdown);
        LinkTriggers triggers = LinkTriggers.in(markdown);
        if (triggers.none()) {
            return document;
        }
        for (Node node : document.getDescendants()) {
            if (node instanceof Text && triggers.within(node.getStartOffset(), node.getEndOffset())
                    && node.getAncestorOfType(DoNotDecorate.class, DoNotLinkDecorate.class) == null) {
                return parser.parse(markdown);
            }
        }
        return document;
    }

    /** Where the autolink extension's starts ("://", "www." or "@") are in a text, in order. */
    private record LinkTriggers(int[] starts, int[] ends) {
        static LinkTriggers in(String text) {
            List<int[]> found = new ArrayList<>();
            for (int i = text.indexOf("://"); i >= 0; i = text.indexOf("://", i + 1)) {
                found.add(new int[] {i, i + 3});
            }
            for (int i = text.indexOf('@'); i >= 0; i = text.indexOf('@', i + 1)) {
                found.add(new int[] {i, i + 1});
            }
            for (int i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
                if (i >= 3 && text.regionMatches(true, i - 3, "www", 0, 3)) {
                    found.add(new int[] {i - 3, i + 1});
                }
            }
            found.sort((a, b) -> Integer.compare(a[0], b[0]));
            int[] starts = new int[found.size()];
            int[] ends = new int[found.size()];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = found.get(i)[0];
                ends[i] = found.get(i)[1];
            }
            return new LinkTriggers(starts, ends);
        }

        boolean none() {
            return starts.length == 0;
        }

        /** Whether a whole trigger lies in {@code [start, end)}. */
        boolean within(int start, int end) {
            int i = java.util.Arrays.binarySearch(starts, start);
            if (i < 0) {
                i = -i - 1;
            }
            while (i > 0 && starts[i - 1] == start) {
                i--;
            }
            for (; i < starts.length && starts[i] < end; i++) {
                if (ends[i] <= end) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * flexmark's HTML of {@code node}, with the text set aside while it renders (see {@link TextRenderer});
     * rendered again the plain way in the odd case the markers cannot be told apart (a private-use
     * character in the post).
     */
    private String html(Node node) {
        Document document = node.getDocument();
        List<String> texts = new ArrayList<>();
        document.set(TextRenderer.DEFERRED, texts);
        String marked;
        try {
            marked = renderer.render(node);
        } finally {
            document.remove(TextRenderer.DEFERRED);
        }
        String html = TextRenderer.restore(marked, texts);
        return html != null ? html : renderer.render(node);
    }

    private String withBaseurl(String html) {
        if (html == null || baseurl.isEmpty()) {
            return html;
        }
        // A link that already holds the baseurl ({{ site.baseurl }}/x, {% post_url %}, Jekyll style) keeps it once.
        return ROOT_RELATIVE.matcher(html).replaceAll(m -> Matcher.quoteReplacement(
                startsWithBaseurl(html, m.end(2)) ? m.group() : m.group(1) + baseurl + "/"));
    }

    /** Whether {@code html} at {@code at} (just after a link's leading '/') continues with the baseurl. */
    private boolean startsWithBaseurl(String html, int at) {
        String rest = baseurl.substring(1);
        if (!html.startsWith(rest, at)) {
            return false;
        }
        int after = at + rest.length();
        return after < html.length() && "/\"#?".indexOf(html.charAt(after)) >= 0;
    }

    /** The blocks before a {@code <!--more-->} line, else the first paragraph, else none. */
    private static List<Node> excerptBlocks(Document document) {
        List<Node> blocks = new ArrayList<>();
        for (Node block : document.getChildren()) {
            if (block instanceof HtmlBlockBase && MORE.matcher(block.getChars().toString().strip()).matches()) {
                return blocks;
            }
            blocks.add(block);
        }
        for (Node block : document.getChildren()) {
            if (block instanceof Paragraph) {
                return List.of(block);
            }
        }
        return List.of();
    }

    private String renderBlocks(List<Node> blocks) {
        StringBuilder html = new StringBuilder();
        for (Node block : blocks) {
            html.append(html(block));
        }
        return EXCERPT_ONLY_ON_ITS_PAGE.matcher(html).replaceAll("").stripTrailing();
    }
}
