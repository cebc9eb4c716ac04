package dev.kiln.pipeline;

import dev.kiln.compile.SiteCompiler;
import dev.kiln.card.SocialCard;
import dev.kiln.card.SocialCards;
import dev.kiln.diag.Diagnostics;
import dev.kiln.embed.EmbedThumbnails;
import dev.kiln.image.ImageProcessor;
import dev.kiln.image.ImageSet;
import dev.kiln.image.ImageUses;
import dev.kiln.links.LinkChecker;
import dev.kiln.links.SiteLinkCheck;
import dev.kiln.liquid.SiteData;
import dev.kiln.model.Document;
import dev.kiln.model.Route;
import dev.kiln.model.RoutePlanner;
import dev.kiln.model.RouteTable;
import dev.kiln.model.SiteConfig;
import dev.kiln.model.SiteConfigReader;
import dev.kiln.model.SiteUrls;
import dev.kiln.model.SourceResult;
import dev.kiln.model.UrlPaths;
import dev.kiln.model.Visibility;
import dev.kiln.output.OutputException;
import dev.kiln.output.OutputPlan;
import dev.kiln.output.OutputProblem;
import dev.kiln.output.SiteWriter;
import dev.kiln.source.SourceScanner;
import dev.kiln.source.SourceTree;
import dev.kiln.source.TextFile;
import dev.kiln.template.RouteRenderer;
import dev.kiln.template.SiteRendering;
import dev.kiln.template.Theme;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one entry point of a build and the one class that knows the order of the stages: scan,
 * read each source, plan the routes, measure and resize the images pages show, render the routes,
 * check links, and (for {@link #buildInto}) write.
 * Each stage hands its typed result and its own diagnostics to the next; the build goes as far as
 * it can so that all errors are reported together, and produces a plan only when there are none.
 * <p>
 * A build returns what it made as a {@link BuildMemory}, and the next build of the same site (the preview's)
 * takes it as an argument: a source whose text and settings are unchanged is not read again, and a route
 * whose inputs are equal to last time keeps its bytes. The result is byte-identical to a cold build.
 * The builder itself keeps nothing between builds.
 */
public final class SiteBuilder {
    private Consumer<String> onStage = stage -> { };
    private EmbedThumbnails thumbnails = new EmbedThumbnails();

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
     * Builds and, when the site has no errors, writes it to {@code output} atomically; a failed build
     * leaves {@code output} as it was. Call it with the output locked ({@link dev.kiln.output.OutputLock}).
     *
     * @throws OutputException when the site could not be written; it says whether {@code output} is unchanged
     */
    public BuildResult buildInto(Path root, Path output, Visibility visibility, boolean checkLinks)
            throws IOException, OutputException {
        return buildInto(root, output, visibility, checkLinks, warning -> { });
    }

    /** {@link #buildInto(Path, Path, Visibility, boolean)}, telling {@code warnings} of files it could not remove. */
    public BuildResult buildInto(Path root, Path output, Visibility visibility, boolean checkLinks,
                                 Consumer<OutputProblem> warnings) throws IOException, OutputException {
        SiteWriter writer = new SiteWriter();
        writer.recover(output).forEach(warnings);
        BuildResult result = build(root, visibility, checkLinks, output, true);
        if (!result.succeeded()) {
            return result;
        }
        onStage.accept("write");
        long start = System.nanoTime();
        writer.write(result.plan(), output).warnings().forEach(warnings);
        return new BuildResult(result.diagnostics(), result.plan(), result.pages(), result.baseurl(), result.siteUrl(),
                result.profile().and(new BuildProfile.Timing("write", millisSince(start))), result.memory());
    }

    /**
     * Builds in memory (keeping the images' copies in the site's image cache); with {@code checkLinks},
     * a link to a page the site does not have is an error.
     */
    public BuildResult build(Path root, Visibility visibility, boolean checkLinks) throws IOException {
        return build(root, visibility, checkLinks, null, true, BuildMemory.EMPTY);
    }

    /**
     * As above, reusing what {@code memory} (an earlier build's {@link BuildResult#memory}, told of every file
     * changed since through {@link BuildMemory#without}) made from what did not change.
     */
    public BuildResult build(Path root, Visibility visibility, boolean checkLinks, BuildMemory memory) throws IOException {
        return build(root, visibility, checkLinks, null, true, memory);
    }

    /**
     * Builds in memory, reusing the copies in the site's image cache and the embed thumbnails of
     * {@code previousOutput} (the output folder of an earlier build, only read; may be null); with
     * {@code writeCache}, image copies it makes go into the cache too, else nothing on disk changes.
     */
    public BuildResult build(Path root, Visibility visibility, boolean checkLinks, Path previousOutput, boolean writeCache)
            throws IOException {
        return build(root, visibility, checkLinks, previousOutput, writeCache, BuildMemory.EMPTY);
    }

    private BuildResult build(Path root, Visibility visibility, boolean checkLinks, Path previousOutput, boolean writeCache,
                              BuildMemory last) throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        Map<String, Double> stages = new LinkedHashMap<>();

        long start = stage("scan");
        SourceScanner.Scan scan = new SourceScanner().scan(root, diagnostics, last.scan());
        SourceTree tree = scan.tree();
        stages.put("scan", millisSince(start));

        start = stage("read");
        SiteConfig config = siteConfig(tree, diagnostics);
        // Liquid's classes load only for a site that has data files or Liquid (issue 21's start-up rule).
        Map<String, Object> data = tree.data().isEmpty() ? Map.of() : SiteData.read(tree.data(), diagnostics);
        SiteCompiler.Compilation compiled = SiteCompiler.compile(tree, config, data, visibility, last.sources(), writeCache);
        List<SourceResult> results = compiled.results();
        results.forEach(r -> r.diagnostics().forEach(diagnostics::add));
        stages.put("read", millisSince(start));

        start = stage("plan");
        Theme theme = Theme.of(tree.templates(), last.theme());
        theme.renderer().diagnostics().forEach(diagnostics::add);
        boolean ownRobots = tree.staticFiles().stream().anyMatch(f -> f.relativePath().equals(Path.of("content", "robots.txt")));
        RoutePlanner.Plan plan = new RoutePlanner(config, theme.renderer()::layoutFile).plan(results, visibility, !ownRobots,
                last.plan());
        RouteTable table = plan.table();
        stages.put("plan", millisSince(start));

        start = stage("images");
        ImageUses.Found uses = ImageUses.find(tree, table, config.baseurl(), config.url(), last.images());
        ImageSet imageSet = new ImageProcessor(last.imagesMade())
                .process(uses.requests(), root, writeCache, !diagnostics.hasErrors(), diagnostics);
        stages.put("images", millisSince(start));

        start = stage("render");
        RouteRenderer.Rendered render = RouteRenderer.render(theme, config, table, imageSet.catalog(), last.rendered());
        render.problems().forEach(diagnostics::add);
        stages.put("render", millisSince(start));

        start = stage("cards");
        SocialCards.Made cards = cards(table, config, root, writeCache);
        stages.put("cards", millisSince(start));

        start = System.nanoTime();
        OutputPlan files = new SiteFiles(thumbnails).plan(tree, config, table, imageSet, render, cards, previousOutput,
                last.outputs(), diagnostics);
        stages.put("plan outputs", millisSince(start));

        SiteLinkCheck.Memory links = last.links().read(compiled.recompiled());
        SiteLinkCheck.Checked checked = new SiteLinkCheck.Checked(List.of(), links, List.of());
        if (checkLinks && !diagnostics.hasErrors()) {
            start = stage("check links");
            checked = checkLinks(compiled.memory(), config, files, table, render, last.rendered().byPath(), links);
            checked.diagnostics().forEach(diagnostics::add);
            stages.put("check links", millisSince(start));
        }
        BuildMemory made = new BuildMemory(scan.memory(), compiled.memory(), plan.memory(), uses.memory(), imageSet.memory(),
                theme, render.memory(), checked.memory(), files.checked());
        return result(diagnostics, files, config, profile(stages, render, imageSet, compiled, checked.checked()), render, made);
    }

    private static BuildResult result(Diagnostics diagnostics, OutputPlan files, SiteConfig config, BuildProfile profile,
                                      RouteRenderer.Rendered render, BuildMemory made) {
        if (diagnostics.hasErrors()) {
            return new BuildResult(diagnostics.sorted(), null, 0, config.baseurl(), config.url(), profile, made);
        }
        long htmlPages = render.outputs().stream().filter(o -> o.links() != null).count(); // only HTML pages have links
        return new BuildResult(diagnostics.sorted(), files, (int) htmlPages, config.baseurl(), config.url(), profile, made);
    }

    /** The social card of each post that has one, made or kept from the site's cache. */
    private static SocialCards.Made cards(RouteTable table, SiteConfig config, Path root, boolean writeCache) {
        List<SocialCards.Wanted> wanted = new ArrayList<>();
        for (Document post : table.site().posts()) {
            SocialCard card = SiteRendering.socialCard(post, config);
            if (card != null) {
                wanted.add(new SocialCards.Wanted(card, SiteUrls.socialCard(card.key()), post.source()));
            }
        }
        return SocialCards.make(wanted, root, writeCache);
    }

    private static SiteConfig siteConfig(SourceTree tree, Diagnostics diagnostics) {
        return new SiteConfigReader().read(tree.siteConfig().map(TextFile::text).orElse(null), diagnostics);
    }

    private static SiteLinkCheck.Checked checkLinks(SiteCompiler.Memory compiled, SiteConfig config, OutputPlan plan,
                                                    RouteTable table, RouteRenderer.Rendered render,
                                                    Map<String, RouteRenderer.Output> lastRendered, SiteLinkCheck.Memory memory) {
        Set<String> paths = plan.paths();
        Map<String, String> redirects = new HashMap<>();
        for (Route route : table.routes()) {
            if (route instanceof Route.Redirect redirect) {
                redirects.put(redirect.outputPath(), UrlPaths.outputPath(redirect.target().url()));
            }
        }
        // Only the pages checked again ask (after one edit, a few of 12,000): the compiler's memory has each source by path.
        Map<Path, SiteCompiler.Known> known = compiled.sources();
        SiteLinkCheck.Sources sources = new SiteLinkCheck.Sources() {
            @Override
            public String text(Path source) {
                SiteCompiler.Known k = known.get(source);
                return k == null ? null : k.text();
            }

            @Override
            public List<LinkChecker.WrittenLink> links(Path source) {
                SiteCompiler.Known k = known.get(source);
                return k == null || !k.compiled().result().usable() ? List.of() : k.compiled().result().content().links().stream()
                        .map(l -> new LinkChecker.WrittenLink(l.url(), l.position())).toList();
            }
        };
        return SiteLinkCheck.check(config, paths, render.memory().byPath(), render.fresh(), lastRendered, redirects, sources, memory);
    }

    private long stage(String name) {
        onStage.accept(name);
        return System.nanoTime();
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static BuildProfile profile(Map<String, Double> stages, RouteRenderer.Rendered render, ImageSet imageSet,
                                        SiteCompiler.Compilation compiled, List<String> linkChecked) {
        List<BuildProfile.Timing> timings = new ArrayList<>();
        stages.forEach((name, millis) -> timings.add(new BuildProfile.Timing(name, millis)));
        List<RouteRenderer.Output> fresh = render.fresh();
        List<BuildProfile.Timing> pages = fresh.stream()
                .sorted(Comparator.comparingLong(RouteRenderer.Output::nanos).reversed().thenComparing(RouteRenderer.Output::path)).limit(5)
                .map(o -> new BuildProfile.Timing(o.path(), o.nanos() / 1e6)).toList();
        Map<String, Long> byTemplate = new HashMap<>();
        fresh.forEach(o -> byTemplate.merge(o.template(), o.nanos(), Long::sum));
        List<BuildProfile.Timing> templates = byTemplate.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5).map(e -> new BuildProfile.Timing(e.getKey(), e.getValue() / 1e6)).toList();
        List<String> renderedFiles = fresh.stream().map(RouteRenderer.Output::path).sorted().toList();
        return new BuildProfile(timings, pages, templates, renderedFiles, render.outputs().size() - fresh.size(),
                imageSet.work(), compiled.recompiled().size() - compiled.fromCache(), compiled.fromCache(),
                linkChecked);
    }
}
