package dev.kiln.compile;

import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.Diagnostics;
import dev.kiln.diag.SourcePosition;
import dev.kiln.embed.Embed;
import dev.kiln.frontmatter.FrontMatterParser;
import dev.kiln.frontmatter.SourceDocument;
import dev.kiln.liquid.LiquidRenderer;
import dev.kiln.liquid.LiquidResult;
import dev.kiln.liquid.SiteLookup;
import dev.kiln.markdown.MarkdownRenderer;
import dev.kiln.markdown.RenderedMarkdown;
import dev.kiln.model.Document;
import dev.kiln.model.FrontMatter;
import dev.kiln.model.FrontMatterReader;
import dev.kiln.model.SiteUrls;
import dev.kiln.model.SourceResult;
import dev.kiln.model.SourceSettings;
import dev.kiln.source.TextFile;
import dev.kiln.text.AccentEncoding;
import dev.kiln.text.EditedText;
import dev.kiln.text.PlainText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Stage 2 for one Markdown file: its front matter read ({@link #parse}), then its body through Liquid
 * and Markdown ({@link #compileBody}). A build parses every file before any body, because Liquid may
 * ask for another post's URL; {@link #compile} does both for one file, as {@code kiln new post} and
 * the Jekyll import need. Thread-safe.
 */
public final class SourceCompiler {
    private final SourceSettings settings;
    private final MarkdownRenderer markdown;
    private final FrontMatterParser parser = new FrontMatterParser();
    private final FrontMatterReader reader;

    /** A Markdown file and whether it is a post (under content/posts/) or a page. */
    public record MarkdownSource(TextFile file, boolean isPost) {
        public Path path() {
            return file.relativePath();
        }
    }

    /** A source split and its front matter read; {@code front} is null when it could not be. */
    public record ParsedSource(MarkdownSource source, SourceDocument doc, FrontMatter front, List<Diagnostic> diagnostics) {}

    /** A source's result and the questions its body asked of the rest of the site, with their answers. */
    public record CompiledSource(SourceResult result, List<SiteLookup.Lookup> lookups) {}

    public SourceCompiler(SourceSettings settings) {
        this.settings = settings;
        this.markdown = new MarkdownRenderer(settings.safeMode(), settings.baseurl(), SiteUrls::youtubeThumbnail,
                settings.emoji(), settings.kramdown());
        this.reader = new FrontMatterReader(settings);
    }

    /** Reads one file as a build does, with {@code lookup} answering what its Liquid asks of the site. */
    public static CompiledSource compile(MarkdownSource file, SourceSettings settings, SiteLookup lookup) {
        SourceCompiler compiler = new SourceCompiler(settings);
        return compiler.compileBody(compiler.parse(file), lookup);
    }

    SourceSettings settings() {
        return settings;
    }

    /** Markdown made HTML, for Liquid's {@code markdownify}. */
    public String markdownify(String text) {
        return markdown.render(text).html();
    }

    public ParsedSource parse(MarkdownSource source) {
        Path path = source.path();
        Diagnostics found = new Diagnostics();
        Optional<SourceDocument> doc = parser.parse(path, source.file().text(), found);
        if (doc.isEmpty()) {
            return new ParsedSource(source, null, null, found.sorted());
        }
        Optional<FrontMatter> front = reader.read(path, source.isPost(), doc.get().frontMatter(), found);
        return new ParsedSource(source, doc.get(), front.orElse(null), found.sorted());
    }

    /** The body of a parsed source through Liquid (when it holds any) and Markdown. */
    public CompiledSource compileBody(ParsedSource parsed, SiteLookup lookup) {
        Path path = parsed.source().path();
        boolean isPost = parsed.source().isPost();
        if (parsed.front() == null) {
            return new CompiledSource(new SourceResult(path, isPost, null, null, parsed.diagnostics()), List.of());
        }
        List<Diagnostic> found = new ArrayList<>(parsed.diagnostics());
        String body = parsed.doc().body();
        int bodyLine = parsed.doc().bodyLine();
        EditedText liquid = null;
        List<SiteLookup.Lookup> lookups = List.of();
        if (parsed.front().liquid() && LiquidRenderer.mayHoldLiquid(body)) {
            LiquidResult expanded = new LiquidRenderer().render(path, body, bodyLine, SiteFacts.page(written(parsed)), lookup);
            found.addAll(expanded.diagnostics());
            lookups = expanded.lookups();
            liquid = expanded.text();
            body = liquid.text();
        }
        if (Boolean.FALSE.equals(parsed.front().params().get("markdown"))) {
            // an HTML page (Jekyll ran only Liquid on .html files): kramdown's {::nomarkdown}, opened on the first line so lines keep their numbers
            body = "{::nomarkdown}" + body + (body.endsWith("\n") ? "" : "\n") + "{:/}\n";
        }
        SourceLinkLookup sourceLinks = new SourceLinkLookup(path, lookup);
        RenderedMarkdown rendered = markdown.render(body, sourceLinks, mediaSubpath(parsed.front()));
        List<Document.Link> links = new ArrayList<>();
        for (RenderedMarkdown.Link l : rendered.links()) {
            links.add(new Document.Link(l.url(), bodyPosition(path, bodyLine, liquid, l.line(), l.column())));
        }
        for (RenderedMarkdown.Problem problem : rendered.problems()) {
            found.add(Diagnostic.error(bodyPosition(path, bodyLine, liquid, problem.line(), problem.column()),
                    problem.message(), problem.hint()));
        }
        String html = rendered.html();
        String excerptHtml = rendered.excerptHtml();
        Map<String, String> files = Map.of();
        if (isPost) {
            // links to files beside the post: the files are published beside its URL (PostFiles)
            PostFiles.Found beside = new PostFiles.Found(new TreeMap<>(), new LinkedHashMap<>());
            String baseurl = settings.baseurl();
            html = PostFiles.rewrite(html, path, parsed.front().url(), baseurl, sourceLinks, beside);
            excerptHtml = PostFiles.rewrite(excerptHtml, path, parsed.front().url(), baseurl, sourceLinks, beside);
            files = Map.copyOf(beside.files());
            beside.encodedOtherwise().forEach((link, file) -> found.add(encodedOtherwise(parsed.source(), links, link, file)));
        }
        if (!sourceLinks.asked().isEmpty()) {
            lookups = Stream.concat(lookups.stream(), sourceLinks.asked().stream()).toList();
        }
        Document.Content content = new Document.Content(html, excerptHtml, rendered.excerptText(),
                rendered.toc(), PlainText.collapseAndShorten(rendered.text(), Document.Content.TEXT_LENGTH), rendered.wordCount(),
                links, rendered.math(), Embed.shownIn(html), rendered.thumbnails(), files);
        return new CompiledSource(new SourceResult(path, isPost, parsed.front(), content, found), lookups);
    }

    /** The folder of the document's images: Chirpy's {@code media_subpath:}, or {@code img_path:} as before its version 7. */
    private static String mediaSubpath(FrontMatter front) {
        for (String key : List.of("media_subpath", "img_path")) {
            if (front.params().get(key) instanceof String subpath && !subpath.isBlank()) {
                return subpath.strip();
            }
        }
        return null;
    }

    static SiteFacts.Written written(ParsedSource p) {
        return new SiteFacts.Written(p.source().path(), p.source().isPost(), p.source().file().text(), p.front());
    }

    /**
     * The warning for a link that names a file of content/ but for how its accented letters are encoded, at the link (the
     * first Markdown link written so, else the first place the source holds it, else the source's start).
     */
    private static Diagnostic encodedOtherwise(MarkdownSource source, List<Document.Link> links, String link, String file) {
        SourcePosition at = links.stream().filter(l -> l.url().equals(link)).map(Document.Link::position).findFirst().orElse(null);
        if (at == null) {
            int index = source.file().text().indexOf(link); // a link of raw HTML: flexmark gives no position
            at = index >= 0 ? SourcePosition.at(source.path(), source.file().text(), index) : SourcePosition.startOf(source.path());
        }
        return Diagnostic.warning(at, "link to " + link + " differs from the file content/" + file + " only in how its accented "
                + "letters are encoded: " + AccentEncoding.fileAgainstLink(file) + "; Kiln linked the file by its name",
                "rename the file or type the link again, so that the two agree");
    }

    /** Where a line and column of the Markdown body (after Liquid, if it ran) were written in the file. */
    private static SourcePosition bodyPosition(Path path, int bodyLine, EditedText liquid, int line, int column) {
        if (liquid != null) {
            int[] origin = liquid.origin(line, column);
            line = origin[0];
            column = origin[1];
        }
        return new SourcePosition(path, bodyLine + line - 1, column);
    }
}
