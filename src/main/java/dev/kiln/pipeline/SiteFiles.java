package dev.kiln.pipeline;

import dev.kiln.card.SocialCards;
import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.Diagnostics;
import dev.kiln.diag.SourcePosition;
import dev.kiln.embed.EmbedThumbnails;
import dev.kiln.image.ImageSet;
import dev.kiln.model.Document;
import dev.kiln.model.RouteTable;
import dev.kiln.model.Site;
import dev.kiln.model.SiteConfig;
import dev.kiln.model.SiteUrls;
import dev.kiln.model.UrlPaths;
import dev.kiln.output.OutputFile;
import dev.kiln.output.OutputPlan;
import dev.kiln.source.SourceFile;
import dev.kiln.source.SourceTree;
import dev.kiln.source.ThemeFile;
import dev.kiln.template.RouteRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every file of a built site, as one {@link OutputPlan}: the rendered routes, content's static files, the resized
 * images, social cards and embed thumbnails, and the theme's assets a site uses (search, math and third-party
 * scripts only where pages need them). Collisions between them are errors at the line that gave each its path.
 */
final class SiteFiles {
    /** The theme's search script, left out with the rest of search when site.yml says {@code search: false}. */
    private static final String SEARCH_SCRIPT = "assets/js/search.js";
    /** The default theme's math renderer (KaTeX) and the script that starts it. */
    private static final String MATH_ASSETS = "assets/katex/";
    private static final String MATH_SCRIPT = "assets/js/math.js";
    /** The default theme's script and styles for embeds, comments and analytics, published only for a site that uses them. */
    private static final Set<String> THIRD_PARTY_ASSETS = Set.of("assets/js/third-party.js", "assets/css/third-party.css");
    private final EmbedThumbnails thumbnails;

    SiteFiles(EmbedThumbnails thumbnails) {
        this.thumbnails = thumbnails;
    }

    /** The files beside a post that it links to (compile/PostFiles), published beside its URL as well as at their own. */
    private static void besidePosts(SourceTree tree, RouteTable table, List<OutputFile> files) {
        Map<String, SourceFile> statics = new HashMap<>();
        for (SourceFile file : tree.staticFiles()) {
            statics.put(inContent(file), file);
        }
        for (Document post : table.site().posts()) {
            post.content().files().forEach((sitePath, inContent) -> {
                SourceFile file = statics.get(inContent);
                if (file != null) {
                    files.add(OutputFile.copy(UrlPaths.outputPath(sitePath), file.file(), SourcePosition.startOf(file.relativePath())));
                }
            });
        }
    }

    /** Every file of the site: the rendered routes, content's static files, resized images and the theme's assets. */
    OutputPlan plan(SourceTree tree, SiteConfig config, RouteTable table, ImageSet imageSet,
                                  RouteRenderer.Rendered render, SocialCards.Made cards, Path previousOutput,
                                  OutputPlan.Checked last, Diagnostics diagnostics) {
        List<OutputFile> files = new ArrayList<>(render.outputs().size() + tree.staticFiles().size() + imageSet.files().size() + 64);
        for (RouteRenderer.Output output : render.outputs()) {
            files.add(OutputFile.of(output.path(), output.bytes(), output.origin()));
        }
        for (SourceFile file : tree.staticFiles()) {
            files.add(OutputFile.copy(UrlPaths.outputPath(SiteUrls.staticFile(inContent(file))), file.file(),
                    SourcePosition.startOf(file.relativePath())));
        }
        besidePosts(tree, table, files);
        for (ImageSet.File copy : imageSet.files()) {
            SourcePosition origin = SourcePosition.startOf(copy.source());
            files.add(copy.bytes() != null ? OutputFile.of(copy.path(), copy.bytes(), origin)
                    : OutputFile.copy(copy.path(), copy.copyFrom(), origin));
        }
        for (SocialCards.File card : cards.files()) {
            SourcePosition origin = SourcePosition.startOf(card.source());
            files.add(card.bytes() != null ? OutputFile.of(card.path(), card.bytes(), origin) : OutputFile.copy(card.path(), card.cached(), origin));
        }
        Shown shown = Shown.of(table.site());
        thumbnails(shown.thumbnails(), previousOutput, files, diagnostics);
        boolean math = shown.math();
        boolean thirdParty = config.analytics() != null || config.comments() != null && !config.comments().provider().equals("mastodon")
                || shown.embeds();
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
            files.add(OutputFile.of(UrlPaths.outputPath(SiteUrls.themeAsset(asset.name())), asset.bytes(),
                    SourcePosition.startOf(Path.of(asset.displayPath()))));
        }
        Diagnostics collisions = new Diagnostics();
        OutputPlan plan = OutputPlan.of(files, config.keep(), collisions, last);
        if (collisions.hasErrors()) {
            collisions = new Diagnostics();
            plan = OutputPlan.of(atUrlLines(files, table, render), config.keep(), collisions, OutputPlan.Checked.NONE);
        }
        collisions.sorted().forEach(diagnostics::add);
        return plan;
    }

    /**
     * The files with each page's own file placed at its slug: or permalink: line, since that is why it collides.
     * Made only for a build with a collision: a look-up per file, which 12,000 files paid on every preview edit.
     */
    private static List<OutputFile> atUrlLines(List<OutputFile> files, RouteTable table, RouteRenderer.Rendered render) {
        Map<Path, Document> bySource = new HashMap<>();
        Stream.concat(table.site().posts().stream(), table.site().pages().stream()).forEach(doc -> bySource.put(doc.source(), doc));
        List<OutputFile> placed = new ArrayList<>(files);
        for (int i = 0; i < render.outputs().size(); i++) {
            OutputFile file = files.get(i);
            Document doc = bySource.get(file.origin().file());
            if (doc != null && UrlPaths.isOutputPath(file.path(), doc.url())) {
                placed.set(i, OutputFile.of(file.path(), file.bytes(), doc.urlPosition()));
            }
        }
        return placed;
    }

    /** Whether any document shows math or an embed, and those showing embed thumbnails: one loop (three streams were a twentieth of a preview edit). */
    private record Shown(boolean math, boolean embeds, List<Document> thumbnails) {
        static Shown of(Site site) {
            boolean math = false;
            boolean embeds = false;
            List<Document> thumbnails = new ArrayList<>();
            for (List<Document> docs : List.of(site.posts(), site.pages())) {
                for (Document doc : docs) {
                    Document.Content content = doc.content();
                    math |= content.math();
                    embeds |= content.embeds();
                    if (!content.thumbnails().isEmpty()) {
                        thumbnails.add(doc);
                    }
                }
            }
            return new Shown(math, embeds, thumbnails);
        }
    }

    /** A static file's path under content/: {@code img/cat.jpg}. */
    private static String inContent(SourceFile file) {
        return file.relativePath().subpath(1, file.relativePath().getNameCount()).toString().replace('\\', '/');
    }

    /** The embed thumbnails pages show, each once: kept from the previous output, else fetched. */
    private void thumbnails(List<Document> showing, Path previousOutput, List<OutputFile> files, Diagnostics diagnostics) {
        Set<String> done = new HashSet<>();
        showing.stream().sorted(Comparator.comparing(d -> d.source().toString())).forEach(doc -> {
                    for (String id : doc.content().thumbnails()) {
                        EmbedThumbnails.Wanted wanted = new EmbedThumbnails.Wanted(UrlPaths.outputPath(SiteUrls.youtubeThumbnail(id)), id);
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
}
