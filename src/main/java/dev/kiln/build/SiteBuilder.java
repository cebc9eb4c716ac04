package dev.kiln.build;

import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.Diagnostics;
import dev.kiln.diag.SourcePosition;
import dev.kiln.embed.EmbedThumbnails;
import dev.kiln.frontmatter.FrontMatterParser;
import dev.kiln.frontmatter.SourceDocument;
import dev.kiln.frontmatter.YamlDocument;
import dev.kiln.frontmatter.YamlParser;
import dev.kiln.image.ImageCatalog;
import dev.kiln.image.ImageProcessor;
import dev.kiln.image.ImageRequest;
import dev.kiln.image.ImageSet;
import dev.kiln.links.LinkChecker;
import dev.kiln.liquid.LiquidRenderer;
import dev.kiln.liquid.LiquidResult;
import dev.kiln.liquid.SiteData;
import dev.kiln.liquid.SiteLookup;
import dev.kiln.markdown.MarkdownRenderer;
import dev.kiln.markdown.RenderedMarkdown;
import dev.kiln.model.Document;
import dev.kiln.model.FrontMatter;
import dev.kiln.model.FrontMatterReader;
import dev.kiln.model.Route;
import dev.kiln.model.RoutePlanner;
import dev.kiln.model.RouteTable;
import dev.kiln.model.SiteConfig;
import dev.kiln.model.SiteConfigReader;
import dev.kiln.model.SourceResult;
import dev.kiln.model.SourceSettings;
import dev.kiln.model.UrlPaths;
import dev.kiln.model.Visibility;
import dev.kiln.output.ForeignOutputException;
import dev.kiln.output.OutputFile;
import dev.kiln.output.OutputPlan;
import dev.kiln.output.SiteWriter;
import dev.kiln.source.SourceFile;
import dev.kiln.source.SourceScanner;
import dev.kiln.source.SourceTree;
import dev.kiln.source.TextFile;
import dev.kiln.source.ThemeFile;
import dev.kiln.template.SiteRendering;
import dev.kiln.template.ThemeRenderer;
import dev.kiln.text.EditedText;
import dev.kiln.text.ImageTags;
import dev.kiln.text.PlainText;
import dev.kiln.text.UrlText;
import dev.kiln.work.Parallel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The one entry point of a build and the one class that knows the order of the stages: scan,
 * read each source, plan the routes, measure and resize the images pages show, render the routes,
 * check links, and (for {@link #buildInto}) write.
 * Each stage hands its typed result and its own diagnostics to the next; the build goes as far as
 * it can so that all errors are reported together, and produces a plan only when there are none.
 * <p>
 * A builder made with {@link #remembering()} keeps what it computed for the next build of the same
 * site (the preview): a source whose text and settings are unchanged is not read again, and a route
 * whose inputs are equal to last time keeps its bytes. Its result is byte-identical to a cold build.
 */
public final class SiteBuilder {
    /** The theme's search script, left out with the rest of search when site.yml says {@code search: false}. */
    private static final String SEARCH_SCRIPT = "assets/js/search.js";
    /** The default theme's math renderer (KaTeX) and the script that starts it. */
    private static final String MATH_ASSETS = "assets/katex/";
    private static final String MATH_SCRIPT = "assets/js/math.js";
    /** The default theme's script and styles for embeds, published with the first page that has one. */
    private static final Set<String> THIRD_PARTY_ASSETS = Set.of("assets/js/third-party.js", "assets/css/third-party.css");
    private final boolean remember;
    private final SourceScanner scanner;
    private final ImageProcessor images;
    private final Map<Path, CompiledSource> sources = new ConcurrentHashMap<>();
    private Theme theme;
    private Rendered rendered;
    private Map<String, LinkChecker.PageReport> reports = Map.of();
    /**
     * What the link reports were made against: the outputs, every file's path and the settings of the
     * last build that checked links, and the sources read anew since. A build with errors renders but checks no links, so the
     * last render is not always what the reports saw.
     */
    private Map<String, Output> checkedOutputs = Map.of();
    private Set<String> checkedPaths = Set.of();
    private SiteConfig checkedConfig;
    private final Set<Path> readSinceCheck = ConcurrentHashMap.newKeySet();
    private Map<Path, ShownImages> shownImages = Map.of();
    private final RoutePlanner.Memory planned;
    private Consumer<String> onStage = stage -> { };
    private EmbedThumbnails thumbnails = new EmbedThumbnails();

    /**
     * A source's result, valid while its text and the settings are unchanged and the site gives the same
     * answers to its {@code lookups}; {@code parsed} is valid while the text and settings are unchanged.
     */
    private record CompiledSource(String text, SourceSettings settings, Parsed parsed, SourceResult result,
                                  List<SiteLookup.Lookup> lookups) {}

    private record Theme(List<ThemeFile> files, ThemeRenderer renderer) {}

    /** The outputs of the last build, by path, and what they were rendered under. */
    private record Rendered(ThemeRenderer renderer, SiteConfig config, SiteRendering rendering, Object facts,
                            Map<String, Output> byPath) {}

    /**
     * One generated file. {@code inputs} (kept only by a remembering builder) is what its bytes are a
     * function of; {@code links} is null for files that are not HTML.
     */
    private record Output(String path, Route route, Object inputs, byte[] bytes, SourcePosition origin,
                          LinkChecker.PageLinks links, String template, long nanos) {}

    public SiteBuilder() {
        this(false);
    }

    private SiteBuilder(boolean remember) {
        this.remember = remember;
        this.scanner = remember ? SourceScanner.remembering() : new SourceScanner();
        this.images = remember ? ImageProcessor.remembering() : ImageProcessor.once();
        this.planned = remember ? new RoutePlanner.Memory() : null;
    }

    /**
     * A builder for repeated builds of one site that is told of every changed file through {@link #forget},
     * as by the preview's file watcher: it reuses what did not change since its last build.
     */
    public static SiteBuilder remembering() {
        return new SiteBuilder(true);
    }

    /** Where embed thumbnails ({@code thumbnail=true}) are fetched from: a test points this at a local server. */
    public SiteBuilder thumbnailsFrom(EmbedThumbnails source) {
        this.thumbnails = source;
        return this;
    }

    /** Tells the builder which stage starts, for progress reports. */
    public SiteBuilder onStage(Consumer<String> listener) {
        this.onStage = listener;
        return this;
    }

    /**
     * Tells the builder that these files (relative to the site root) changed, appeared or went away: the
     * next build reads, compiles and renders them again, whatever their time stamps say.
     */
    public void forget(Collection<Path> changedFiles) {
        scanner.forget(changedFiles);
        images.forget(changedFiles);
        sources.keySet().removeAll(changedFiles);
        Rendered last = rendered;
        if (last != null) {
            Map<String, Output> kept = new HashMap<>(last.byPath());
            kept.values().removeIf(o -> changedFiles.contains(o.origin().file()));
            rendered = new Rendered(last.renderer(), last.config(), last.rendering(), last.facts(), kept);
        }
    }

    /**
     * Builds and, when the site has no errors, writes it to {@code output} atomically; a failed build
     * leaves {@code output} as it was.
     *
     * @throws ForeignOutputException when {@code output} holds files Kiln did not write
     */
    public BuildResult buildInto(Path root, Path output, Visibility visibility, boolean checkLinks)
            throws IOException, ForeignOutputException {
        SiteWriter.recoverInterruptedBuild(output);
        SiteWriter.checkOwnership(output);
        BuildResult result = build(root, visibility, checkLinks, output);
        if (!result.succeeded()) {
            return result;
        }
        onStage.accept("write");
        long start = System.nanoTime();
        new SiteWriter().write(result.plan(), output);
        List<BuildProfile.Timing> stages = new ArrayList<>(result.profile().stages());
        stages.add(new BuildProfile.Timing("write", millisSince(start)));
        BuildProfile profile = result.profile();
        return new BuildResult(result.diagnostics(), result.plan(), result.pages(), result.baseurl(),
                new BuildProfile(List.copyOf(stages), profile.slowestPages(), profile.slowestTemplates(), profile.rendered(),
                        profile.reused(), profile.imagesResized(), profile.imagesReused()));
    }

    /** Builds in memory; with {@code checkLinks}, a link to a page the site does not have is an error. */
    public BuildResult build(Path root, Visibility visibility, boolean checkLinks) throws IOException {
        return build(root, visibility, checkLinks, null);
    }

    /**
     * Builds in memory, reusing the resized images of {@code previousOutput} (the output folder of
     * an earlier build, only read; may be null) whose image bytes and settings are unchanged.
     */
    public BuildResult build(Path root, Visibility visibility, boolean checkLinks, Path previousOutput) throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        Map<String, Double> stages = new LinkedHashMap<>();

        long start = stage("scan");
        SourceTree tree = scanner.scan(root, diagnostics);
        stages.put("scan", millisSince(start));

        start = stage("read");
        YamlDocument configDoc = tree.siteConfig()
                .flatMap(file -> new YamlParser().parse(file.relativePath(), file.text(), 1, diagnostics))
                .orElse(YamlDocument.empty(Path.of("content/site.yml")));
        SiteConfig config = new SiteConfigReader().read(configDoc, diagnostics);
        Set<Path> recompiled = ConcurrentHashMap.newKeySet();
        // Liquid's classes load only for a site that has data files or Liquid (issue 21's start-up rule).
        Map<String, Object> data = tree.data().isEmpty() ? Map.of() : SiteData.read(tree.data(), diagnostics);
        List<SourceResult> results = read(tree, config, SourceSettings.of(config), data, visibility, recompiled);
        results.forEach(r -> r.diagnostics().forEach(diagnostics::add));
        if (remember) {
            readSinceCheck.addAll(recompiled);
        }
        stages.put("read", millisSince(start));

        start = stage("plan");
        ThemeRenderer themeRenderer = theme(tree.templates());
        themeRenderer.diagnostics().forEach(diagnostics::add);
        boolean ownRobots = tree.staticFiles().stream().anyMatch(f -> f.relativePath().equals(Path.of("content", "robots.txt")));
        RouteTable table = new RoutePlanner(config, themeRenderer::layoutFile).plan(results, visibility, !ownRobots, planned);
        stages.put("plan", millisSince(start));

        start = stage("images");
        ImageSet imageSet = images.process(imageRequests(tree, table, config.baseurl()), previousOutput, diagnostics);
        stages.put("images", millisSince(start));

        start = stage("render");
        Render render = render(themeRenderer, config, table, imageSet.catalog());
        render.problems().forEach(diagnostics::add);
        stages.put("render", millisSince(start));

        start = System.nanoTime();
        List<OutputFile> files = new ArrayList<>();
        // A page's file collides because of its slug: or permalink: line, so that is where a collision points.
        Map<Path, Document> bySource = new HashMap<>();
        Stream.concat(table.site().posts().stream(), table.site().pages().stream()).forEach(doc -> bySource.put(doc.source(), doc));
        for (Output output : render.outputs()) {
            Document doc = bySource.get(output.origin().file());
            files.add(OutputFile.of(output.path(), output.bytes(),
                    doc != null && doc.outputPath().equals(output.path()) ? doc.urlPosition() : output.origin()));
        }
        for (SourceFile file : tree.staticFiles()) {
            Path inContent = file.relativePath().subpath(1, file.relativePath().getNameCount());
            files.add(OutputFile.copy(inContent.toString().replace('\\', '/'), file.file(),
                    SourcePosition.startOf(file.relativePath())));
        }
        for (ImageSet.File copy : imageSet.files()) {
            SourcePosition origin = SourcePosition.startOf(copy.source() == null ? Path.of(ImageProcessor.MANIFEST) : copy.source());
            files.add(copy.bytes() != null ? OutputFile.of(copy.path(), copy.bytes(), origin)
                    : OutputFile.copy(copy.path(), copy.copyFrom(), origin));
        }
        thumbnails(table, previousOutput, files, diagnostics);
        boolean math = Stream.concat(table.site().posts().stream(), table.site().pages().stream()).anyMatch(d -> d.content().math());
        boolean thirdParty = Stream.concat(table.site().posts().stream(), table.site().pages().stream()).anyMatch(SiteRendering::hasEmbeds);
        for (ThemeFile asset : tree.themeAssets()) {
            if (!config.search() && asset.name().equals(SEARCH_SCRIPT)) {
                continue; // search: false leaves no trace in the site
            }
            if (!math && (asset.name().startsWith(MATH_ASSETS) || asset.name().equals(MATH_SCRIPT))) {
                continue; // the math renderer is published with the first page that has math
            }
            if (!thirdParty && THIRD_PARTY_ASSETS.contains(asset.name())) {
                continue;
            }
            files.add(OutputFile.of(asset.name(), asset.bytes(), SourcePosition.startOf(Path.of(asset.displayPath()))));
        }
        Diagnostics collisions = new Diagnostics();
        OutputPlan plan = OutputPlan.of(files, collisions);
        collisions.sorted().forEach(diagnostics::add);
        stages.put("plan outputs", millisSince(start));

        Map<String, Output> byPath = new HashMap<>();
        render.outputs().forEach(o -> byPath.put(o.path(), o));
        if (remember) {
            rendered = new Rendered(themeRenderer, config, render.rendering(), render.rendering().facts(), byPath);
        }
        if (checkLinks && !diagnostics.hasErrors()) {
            start = stage("check links");
            Map<String, String> redirects = new HashMap<>();
            table.routes().stream().filter(r -> r instanceof Route.Redirect).map(r -> (Route.Redirect) r)
                    .forEach(r -> redirects.put(r.outputPath(), UrlPaths.outputPath(r.target().url())));
            checkLinks(tree, results, remember ? readSinceCheck : recompiled, config, plan, byPath, redirects).forEach(diagnostics::add);
            stages.put("check links", millisSince(start));
        }
        BuildProfile profile = profile(stages, render, imageSet);
        if (diagnostics.hasErrors()) {
            return new BuildResult(diagnostics.sorted(), null, 0, config.baseurl(), profile);
        }
        long htmlPages = render.outputs().stream().filter(o -> o.path().endsWith(".html")).count();
        return new BuildResult(diagnostics.sorted(), plan, (int) htmlPages, config.baseurl(), profile);
    }

    /** The embed thumbnails pages show, each once: kept from the previous output, else fetched. */
    private void thumbnails(RouteTable table, Path previousOutput, List<OutputFile> files, Diagnostics diagnostics) {
        Set<String> done = new HashSet<>();
        Stream.concat(table.site().posts().stream(), table.site().pages().stream())
                .sorted(Comparator.comparing(d -> d.source().toString())).forEach(doc -> {
                    for (EmbedThumbnails.Wanted wanted : EmbedThumbnails.in(doc.content().html())) {
                        if (!done.add(wanted.path())) {
                            continue;
                        }
                        try {
                            files.add(OutputFile.of(wanted.path(), thumbnails.fetch(wanted, previousOutput),
                                    SourcePosition.startOf(doc.source())));
                        } catch (IOException e) {
                            diagnostics.add(Diagnostic.error(SourcePosition.startOf(doc.source()),
                                    "the thumbnail of YouTube video " + wanted.id() + ": " + e.getMessage(),
                                    "build again when the network is back, or remove thumbnail=true to show a plain card"));
                        }
                    }
                });
    }

    private long stage(String name) {
        onStage.accept(name);
        return System.nanoTime();
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    /**
     * Stage 2, for every Markdown file in parallel: first the front matter of all, then each body. A body
     * depends on its text and the settings, and, when it holds Liquid, on the answers it got from the rest
     * of the site (another post's URL, an include's text): a remembered result is reused while they are equal.
     */
    private List<SourceResult> read(SourceTree tree, SiteConfig config, SourceSettings settings, Map<String, Object> data,
                                    Visibility visibility,
                                    Set<Path> recompiled) {
        MarkdownRenderer markdown = new MarkdownRenderer(settings.safeMode(), settings.baseurl());
        FrontMatterParser frontMatter = new FrontMatterParser();
        FrontMatterReader reader = new FrontMatterReader(settings);
        List<Source> all = Stream.concat(tree.posts().stream().map(f -> new Source(f, true)),
                tree.pages().stream().map(f -> new Source(f, false))).toList();
        List<Parsed> parsed = Parallel.map(all, source -> {
            CompiledSource known = sources.get(source.file().relativePath());
            if (known != null && known.settings().equals(settings) && known.text().equals(source.file().text())
                    && known.parsed().source().isPost() == source.isPost()) {
                return known.parsed();
            }
            return parse(source, frontMatter, reader);
        });
        SiteFacts lookup = new SiteFacts(config, parsed.stream().filter(p -> p.front() != null)
                .map(SiteBuilder::written).toList(), tree.staticFiles(), tree.includes(), data, visibility, s -> markdown.render(s).html());
        List<SourceResult> results = Parallel.map(parsed, p -> {
            Path path = p.source().file().relativePath();
            CompiledSource known = sources.get(path);
            if (known != null && known.parsed() == p
                    && known.lookups().stream().allMatch(l -> Objects.equals(lookup.resolve(l.kind(), l.key()), l.value()))) {
                return known.result();
            }
            Compiled compiled = compile(p, markdown, lookup);
            recompiled.add(path);
            if (remember) {
                sources.put(path, new CompiledSource(p.source().file().text(), settings, p, compiled.result(), compiled.lookups()));
            }
            return compiled.result();
        });
        if (remember) {
            Set<Path> present = new HashSet<>();
            all.forEach(s -> present.add(s.file().relativePath()));
            sources.keySet().retainAll(present);
        }
        return results;
    }

    private record Source(TextFile file, boolean isPost) {}

    /** A source split and its front matter read; {@code front} is null when it could not be. */
    private record Parsed(Source source, SourceDocument doc, FrontMatter front, List<Diagnostic> diagnostics) {}

    private record Compiled(SourceResult result, List<SiteLookup.Lookup> lookups) {}

    private static Parsed parse(Source source, FrontMatterParser parser, FrontMatterReader reader) {
        TextFile file = source.file();
        Path path = file.relativePath();
        Diagnostics found = new Diagnostics();
        Optional<SourceDocument> doc = parser.parse(path, file.text(), found);
        if (doc.isEmpty()) {
            return new Parsed(source, null, null, found.sorted());
        }
        Optional<FrontMatter> front = reader.read(path, source.isPost(), doc.get().frontMatter(), found);
        return new Parsed(source, doc.get(), front.orElse(null), found.sorted());
    }

    private static SiteFacts.Written written(Parsed p) {
        return new SiteFacts.Written(p.source().file().relativePath(), p.source().isPost(), p.source().file().text(), p.front());
    }

    private static Compiled compile(Parsed parsed, MarkdownRenderer markdown, SiteFacts lookup) {
        Path path = parsed.source().file().relativePath();
        boolean isPost = parsed.source().isPost();
        if (parsed.front() == null) {
            return new Compiled(new SourceResult(path, isPost, null, null, parsed.diagnostics()), List.of());
        }
        FrontMatter front = parsed.front();
        List<Diagnostic> found = new ArrayList<>(parsed.diagnostics());
        String body = parsed.doc().body();
        int bodyLine = parsed.doc().bodyLine();
        EditedText liquid = null;
        List<SiteLookup.Lookup> lookups = List.of();
        if (front.liquid() && LiquidRenderer.mayHoldLiquid(body)) {
            LiquidResult expanded = new LiquidRenderer().render(path, body, bodyLine, lookup.page(written(parsed)), lookup);
            found.addAll(expanded.diagnostics());
            lookups = expanded.lookups();
            liquid = expanded.text();
            body = liquid.text();
        }
        SourceLinkLookup sourceLinks = new SourceLinkLookup(path, lookup);
        RenderedMarkdown rendered = markdown.render(body, sourceLinks);
        if (!sourceLinks.asked().isEmpty()) {
            lookups = Stream.concat(lookups.stream(), sourceLinks.asked().stream()).toList();
        }
        List<Document.Link> links = new ArrayList<>();
        for (RenderedMarkdown.Link l : rendered.links()) {
            links.add(new Document.Link(l.url(), bodyPosition(path, bodyLine, liquid, l.line(), l.column())));
        }
        for (RenderedMarkdown.Problem problem : rendered.problems()) {
            found.add(Diagnostic.error(bodyPosition(path, bodyLine, liquid, problem.line(), problem.column()),
                    problem.message(), problem.hint()));
        }
        return new Compiled(new SourceResult(path, isPost, front, new Document.Content(rendered.html(),
                rendered.excerptHtml(), rendered.excerptText(), rendered.toc(),
                PlainText.collapseAndShorten(rendered.text(), Document.Content.TEXT_LENGTH), rendered.wordCount(), links,
                rendered.math()),
                found), lookups);
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

    /** Image files the image stage can read; others (SVG, WebP, …) are copied and shown as they are. */
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "gif");

    /**
     * Every local JPEG, PNG and GIF that a published post or page shows (an {@code <img>} in its body,
     * Markdown or raw HTML, or its {@code background}), each once, with where it is first used.
     */
    private List<ImageRequest> imageRequests(SourceTree tree, RouteTable table, String baseurl) {
        Map<String, SourceFile> files = new HashMap<>();
        for (SourceFile file : tree.staticFiles()) {
            Path inContent = file.relativePath().subpath(1, file.relativePath().getNameCount());
            files.put("/" + inContent.toString().replace('\\', '/'), file);
        }
        Map<Path, String> texts = new HashMap<>();
        Stream.concat(tree.posts().stream(), tree.pages().stream()).forEach(f -> texts.put(f.relativePath(), f.text()));
        record ByPath(String path, Document doc) {}
        List<ByPath> documents = new ArrayList<>();
        Stream.concat(table.site().posts().stream(), table.site().pages().stream())
                .forEach(d -> documents.add(new ByPath(d.source().toString().replace('\\', '/'), d)));
        documents.sort(Comparator.comparing(ByPath::path));
        Map<String, ImageRequest> requests = new LinkedHashMap<>();
        Map<Path, ShownImages> next = new HashMap<>();
        for (ByPath byPath : documents) {
            Document doc = byPath.doc();
            String text = texts.get(doc.source());
            ShownImages known = shownImages.get(doc.source());
            ShownImages shown = known != null && known.document() == doc && known.text() == text && known.baseurl().equals(baseurl)
                    ? known : new ShownImages(doc, text, baseurl, imagesShown(doc, text, baseurl));
            next.put(doc.source(), shown);
            for (ImageUse use : shown.uses()) {
                SourceFile file = files.get(use.path());
                if (!requests.containsKey(use.path()) && isImage(file)) {
                    requests.put(use.path(), new ImageRequest(use.path(), file.relativePath(), file.file(), use.position()));
                }
            }
        }
        if (remember) {
            shownImages = next;
        }
        return List.copyOf(requests.values());
    }

    /** A site path a document shows as an image ({@code /img/x.jpg}), and where. */
    private record ImageUse(String path, SourcePosition position) {}

    /**
     * The images a document shows, valid while the document (by identity: the planner keeps an unchanged
     * one), its text and the baseurl are the same; a preview would otherwise search every page's HTML.
     */
    private record ShownImages(Document document, String text, String baseurl, List<ImageUse> uses) {}

    private static List<ImageUse> imagesShown(Document doc, String text, String baseurl) {
        List<ImageUse> uses = new ArrayList<>();
        String background = UrlText.sitePath(doc.background(), "");
        if (background != null) {
            uses.add(new ImageUse(background, keyPosition(doc.source(), text, "background")));
        }
        String html = doc.content().html();
        if (!html.contains("<img") && !html.contains("<IMG")) {
            return uses;
        }
        for (ImageTags.Tag tag : ImageTags.in(html)) {
            String path = UrlText.sitePath(tag.attribute("src"), baseurl);
            if (path != null) {
                SourcePosition usedAt = doc.content().links().stream()
                        .filter(l -> path.equals(UrlText.sitePath(l.url(), ""))).map(Document.Link::position)
                        .findFirst().orElse(SourcePosition.startOf(doc.source()));
                uses.add(new ImageUse(path, usedAt));
            }
        }
        return uses;
    }

    private static boolean isImage(SourceFile file) {
        if (file == null) {
            return false;
        }
        String name = file.relativePath().getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
    }

    /** Where a front matter key's value starts ({@code background: /img/x.jpg}), else the file's start. */
    private static SourcePosition keyPosition(Path file, String text, String key) {
        if (text != null) {
            int at = text.startsWith(key + ":") ? 0 : text.indexOf("\n" + key + ":");
            if (at >= 0) {
                int value = at == 0 ? key.length() + 1 : at + key.length() + 2;
                while (value < text.length() && text.charAt(value) == ' ') {
                    value++;
                }
                return SourcePosition.at(file, text, value);
            }
        }
        return SourcePosition.startOf(file);
    }

    /** Templates are compiled once, and again only when one of the theme's files changes. */
    private ThemeRenderer theme(List<ThemeFile> files) {
        if (theme != null && sameFiles(theme.files(), files)) {
            return theme.renderer();
        }
        ThemeRenderer renderer = new ThemeRenderer(files);
        if (remember) {
            theme = new Theme(files, renderer);
        }
        return renderer;
    }

    private static boolean sameFiles(List<ThemeFile> a, List<ThemeFile> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).name().equals(b.get(i).name()) || !a.get(i).origin().equals(b.get(i).origin())
                    || !Arrays.equals(a.get(i).bytes(), b.get(i).bytes())) {
                return false;
            }
        }
        return true;
    }

    /** {@code fresh} are the outputs rendered by this build, the others were kept from the last one. */
    private record Render(SiteRendering rendering, List<Output> outputs, List<Output> fresh, List<Diagnostic> problems) {}

    /** Stage 4, every route in parallel; a route whose inputs equal last build's keeps its bytes. */
    private Render render(ThemeRenderer themeRenderer, SiteConfig config, RouteTable table, ImageCatalog catalog) {
        boolean sameTheme = rendered != null && rendered.renderer() == themeRenderer && rendered.config().equals(config);
        SiteRendering rendering = themeRenderer.forSite(table.site(), catalog, sameTheme ? rendered.rendering() : null);
        Map<String, Output> previous = sameTheme ? rendered.byPath() : Map.of();
        Object facts = rendering.facts();
        boolean sameFacts = !previous.isEmpty() && rendered.facts().equals(facts);
        List<Route> routes = table.routes();
        Output[] outputs = new Output[routes.size()];
        List<Diagnostic> problems = new ArrayList<>();
        boolean[] kept = new boolean[routes.size()];
        Parallel.forEach(routes.size(), i -> {
            Route route = routes.get(i);
            Output known = previous.get(route.outputPath());
            // An equal route under equal facts has equal inputs: no need to gather them again.
            if (known != null && sameFacts && known.route().equals(route)) {
                outputs[i] = known;
                kept[i] = true;
                return;
            }
            Object inputs = rendering.inputs(route);
            if (known != null && known.inputs().equals(inputs)) {
                outputs[i] = new Output(known.path(), route, known.inputs(), known.bytes(), known.origin(), known.links(),
                        known.template(), known.nanos());
                kept[i] = true;
                return;
            }
            long start = System.nanoTime();
            List<Diagnostic> found = new ArrayList<>();
            SiteRendering.Page page = rendering.render(route, inputs, found);
            if (page == null) {
                synchronized (problems) {
                    problems.addAll(found);
                }
                return;
            }
            String path = route.outputPath();
            LinkChecker.PageLinks links = path.endsWith(".html") ? LinkChecker.PageLinks.of(page.text()) : null;
            outputs[i] = new Output(path, remember ? route : null, remember ? inputs : null, page.bytes(), route.origin(), links,
                    rendering.templateOf(route, inputs), System.nanoTime() - start);
        });
        List<Output> done = new ArrayList<>();
        List<Output> fresh = new ArrayList<>();
        for (int i = 0; i < outputs.length; i++) {
            if (outputs[i] != null) {
                done.add(outputs[i]);
                if (!kept[i]) {
                    fresh.add(outputs[i]);
                }
            }
        }
        return new Render(rendering, done, fresh, problems);
    }

    /**
     * Checks the links of every HTML page; a remembering builder checks again only the pages that
     * were rendered anew or whose source was read anew since the last check, those whose links lead to files that went away or changed their ids, and
     * those with broken links while the set of files changed (a link may now resolve, or get another hint).
     */
    private List<Diagnostic> checkLinks(SourceTree tree, List<SourceResult> results, Set<Path> recompiled, SiteConfig config,
                                        OutputPlan plan, Map<String, Output> outputs, Map<String, String> redirects) {
        Set<String> paths = new HashSet<>();
        plan.files().forEach(f -> paths.add(f.path()));
        boolean sameConfig = config.equals(checkedConfig);
        Map<String, Output> before = sameConfig ? checkedOutputs : Map.of();
        Set<String> pathsBefore = sameConfig ? checkedPaths : Set.of();
        // Every file counts, not only pages: a link may lead to an image or a PDF that went away.
        boolean filesChanged = pathsBefore.isEmpty() || pathsBefore.size() != paths.size() || !pathsBefore.containsAll(paths);
        Set<String> gone = new HashSet<>();
        if (filesChanged) {
            pathsBefore.stream().filter(p -> !paths.contains(p)).forEach(gone::add);
        }
        Set<String> newIds = new HashSet<>();
        for (Output output : outputs.values()) {
            Output old = before.get(output.path());
            if ((old == null || old.bytes() != output.bytes()) && output.links() != null
                    && (old == null || old.links() == null || !old.links().ids().equals(output.links().ids()))) {
                newIds.add(output.path());
            }
        }
        Map<String, LinkChecker.PageReport> lastReports = reports;
        Map<String, LinkChecker.PageReport> next = new ConcurrentHashMap<>();
        List<Output> toCheck = new ArrayList<>();
        for (Output output : outputs.values()) {
            if (output.links() == null) {
                continue;
            }
            LinkChecker.PageReport known = lastReports.get(output.path());
            // Positions in the report come from the source: a source read anew is placed anew.
            Output old = before.get(output.path());
            boolean still = known != null && old != null && old.bytes() == output.bytes() && !recompiled.contains(output.origin().file())
                    && (known.broken().isEmpty() || !filesChanged)
                    && (gone.isEmpty() && newIds.isEmpty()
                        || known.targets().stream().noneMatch(t -> gone.contains(t) || newIds.contains(t)));
            if (still) {
                next.put(output.path(), known);
            } else {
                toCheck.add(output);
            }
        }
        if (!toCheck.isEmpty()) {
            Set<Path> sources = new HashSet<>();
            toCheck.forEach(o -> sources.add(o.origin().file()));
            Map<Path, String> texts = new HashMap<>();
            Stream.concat(tree.posts().stream(), tree.pages().stream()).filter(f -> sources.contains(f.relativePath()))
                    .forEach(f -> texts.put(f.relativePath(), f.text()));
            Map<Path, List<Document.Link>> written = new HashMap<>();
            results.stream().filter(r -> r.usable() && sources.contains(r.path())).forEach(r -> written.put(r.path(), r.content().links()));
            LinkChecker checker = new LinkChecker(config.baseurl(), paths, file -> {
                Output target = outputs.get(file);
                return target == null || target.links() == null ? null : target.links().ids();
            }, redirects);
            Parallel.forEach(toCheck.size(), i -> {
                Output output = toCheck.get(i);
                Path source = output.origin().file();
                List<LinkChecker.WrittenLink> links = written.getOrDefault(source, List.of()).stream()
                        .map(l -> new LinkChecker.WrittenLink(l.url(), l.position())).toList();
                next.put(output.path(), checker.check(new LinkChecker.Page(output.path(), output.links(), output.origin(), links,
                        texts.get(source))));
            });
        }
        if (remember) {
            reports = next;
            checkedOutputs = outputs;
            checkedPaths = paths;
            checkedConfig = config;
            readSinceCheck.clear();
        }
        return LinkChecker.diagnostics(next.values());
    }

    private static BuildProfile profile(Map<String, Double> stages, Render render, ImageSet imageSet) {
        List<BuildProfile.Timing> timings = new ArrayList<>();
        stages.forEach((name, millis) -> timings.add(new BuildProfile.Timing(name, millis)));
        List<Output> fresh = render.fresh();
        List<BuildProfile.Timing> pages = fresh.stream()
                .sorted(Comparator.comparingLong(Output::nanos).reversed().thenComparing(Output::path)).limit(5)
                .map(o -> new BuildProfile.Timing(o.path(), o.nanos() / 1e6)).toList();
        Map<String, Long> byTemplate = new HashMap<>();
        fresh.forEach(o -> byTemplate.merge(o.template(), o.nanos(), Long::sum));
        List<BuildProfile.Timing> templates = byTemplate.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5).map(e -> new BuildProfile.Timing(e.getKey(), e.getValue() / 1e6)).toList();
        return new BuildProfile(List.copyOf(timings), pages, templates, fresh.size(), render.outputs().size() - fresh.size(),
                imageSet.resized(), imageSet.reused());
    }
}
