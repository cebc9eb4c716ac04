package dev.kiln.build;

import dev.kiln.diag.Diagnostics;
import dev.kiln.diag.SourcePosition;
import dev.kiln.frontmatter.FrontMatterParser;
import dev.kiln.frontmatter.SourceDocument;
import dev.kiln.frontmatter.YamlDocument;
import dev.kiln.frontmatter.YamlParser;
import dev.kiln.markdown.MarkdownRenderer;
import dev.kiln.markdown.RenderedMarkdown;
import dev.kiln.model.Document;
import dev.kiln.model.Site;
import dev.kiln.model.SiteAssembler;
import dev.kiln.model.SiteConfig;
import dev.kiln.model.SiteConfigReader;
import dev.kiln.model.SourceEntry;
import dev.kiln.model.Visibility;
import dev.kiln.output.OutputFile;
import dev.kiln.output.OutputPlan;
import dev.kiln.source.SourceFile;
import dev.kiln.source.SourceScanner;
import dev.kiln.source.SourceTree;
import dev.kiln.source.TextFile;
import dev.kiln.source.ThemeFile;
import dev.kiln.template.FeedRenderer;
import dev.kiln.template.RenderedPage;
import dev.kiln.template.SiteRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import dev.kiln.links.LinkChecker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one class that knows the order of the stages: scan, parse, assemble, render, plan.
 * Each stage reports into one {@link Diagnostics}; the build goes as far as it can so that all
 * errors are reported together, and produces a plan only when there are none.
 */
public final class SiteBuilder {

    public BuildResult build(Path root, Visibility visibility) throws IOException {
        return build(root, visibility, true);
    }

    /** Builds in memory; with {@code checkLinks}, a link to a page the site does not have is an error. */
    public BuildResult build(Path root, Visibility visibility, boolean checkLinks) throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        SourceTree tree = new SourceScanner().scan(root, diagnostics);

        YamlDocument configDoc = tree.siteConfig()
                .flatMap(file -> new YamlParser().parse(file.relativePath(), file.text(), 1, diagnostics))
                .orElse(YamlDocument.empty(Path.of("content/site.yml")));
        SiteConfig config = new SiteConfigReader().read(configDoc, diagnostics);

        MarkdownRenderer markdown = new MarkdownRenderer(config.safeMode());
        FrontMatterParser frontMatter = new FrontMatterParser();
        List<SourceEntry> entries = Stream.concat(
                        tree.posts().stream().map(f -> new Source(f, true)),
                        tree.pages().stream().map(f -> new Source(f, false)))
                .parallel()
                .map(source -> read(source, frontMatter, markdown, diagnostics))
                .flatMap(Optional::stream)
                .toList();

        Site site = new SiteAssembler().assemble(config, entries, visibility, diagnostics);
        SiteRenderer renderer = new SiteRenderer(tree.templates(), diagnostics);
        List<RenderedPage> pages = new ArrayList<>(renderer.render(site, diagnostics));
        boolean ownRobots = tree.staticFiles().stream().anyMatch(f -> f.relativePath().equals(Path.of("content", "robots.txt")));
        pages.addAll(new FeedRenderer(site, config.feedSize()).render(!ownRobots));

        List<OutputFile> files = new ArrayList<>();
        for (RenderedPage page : pages) {
            files.add(OutputFile.of(page.outputPath(), page.text().getBytes(StandardCharsets.UTF_8), page.origin()));
        }
        for (SourceFile file : tree.staticFiles()) {
            Path inContent = file.relativePath().subpath(1, file.relativePath().getNameCount());
            files.add(OutputFile.copy(inContent.toString().replace('\\', '/'), file.file(),
                    SourcePosition.startOf(file.relativePath())));
        }
        for (ThemeFile asset : tree.themeAssets()) {
            files.add(OutputFile.of(asset.name(), asset.bytes(), SourcePosition.startOf(Path.of(asset.displayPath()))));
        }
        OutputPlan plan = OutputPlan.of(files, diagnostics);
        if (checkLinks && !diagnostics.hasErrors()) {
            checkLinks(tree, entries, config, pages, plan, diagnostics);
        }
        if (diagnostics.hasErrors()) {
            return new BuildResult(diagnostics.sorted(), null, 0, config.baseurl());
        }
        long htmlPages = pages.stream().filter(p -> p.outputPath().endsWith(".html")).count();
        return new BuildResult(diagnostics.sorted(), plan, (int) htmlPages, config.baseurl());
    }

    private record Source(TextFile file, boolean isPost) {}

    private static void checkLinks(SourceTree tree, List<SourceEntry> entries, SiteConfig config, List<RenderedPage> pages,
                                   OutputPlan plan, Diagnostics diagnostics) {
        Map<Path, String> texts = new HashMap<>();
        Stream.concat(tree.posts().stream(), tree.pages().stream()).forEach(f -> texts.put(f.relativePath(), f.text()));
        Map<Path, List<LinkChecker.WrittenLink>> written = new HashMap<>();
        for (SourceEntry entry : entries) {
            written.put(entry.path(), entry.content().links().stream()
                    .map(l -> new LinkChecker.WrittenLink(l.url(), l.position())).toList());
        }
        List<LinkChecker.Page> checked = pages.stream()
                .map(p -> new LinkChecker.Page(p.outputPath(), p.text(), p.origin(),
                        written.getOrDefault(p.origin().file(), List.of()), texts.get(p.origin().file())))
                .toList();
        Set<String> paths = plan.files().stream().map(OutputFile::path).collect(Collectors.toSet());
        new LinkChecker(config.baseurl(), paths, checked).check(checked, diagnostics);
    }

    private static Optional<SourceEntry> read(Source source, FrontMatterParser parser, MarkdownRenderer markdown,
                                              Diagnostics diagnostics) {
        TextFile file = source.file();
        return parser.parse(file.relativePath(), file.text(), diagnostics).map(doc -> entry(source, doc, markdown));
    }

    private static SourceEntry entry(Source source, SourceDocument doc, MarkdownRenderer markdown) {
        RenderedMarkdown rendered = markdown.render(doc.body());
        Path path = source.file().relativePath();
        List<Document.Link> links = rendered.links().stream()
                .map(l -> new Document.Link(l.url(), new SourcePosition(path, doc.bodyLine() + l.line() - 1, l.column())))
                .toList();
        return new SourceEntry(path, source.isPost(), doc.frontMatter(),
                new Document.Content(rendered.html(), rendered.excerptHtml(), rendered.toc(), rendered.wordCount(), links));
    }
}
