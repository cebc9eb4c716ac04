package dev.kiln.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.Diagnostics;
import dev.kiln.frontmatter.FrontMatterParser;
import dev.kiln.frontmatter.SourceDocument;
import dev.kiln.frontmatter.YamlParser;
import dev.kiln.liquid.LiquidRenderer;
import dev.kiln.liquid.LiquidResult;
import dev.kiln.liquid.SiteData;
import dev.kiln.markdown.MarkdownRenderer;
import dev.kiln.model.FrontMatterReader;
import dev.kiln.model.SiteConfig;
import dev.kiln.model.SiteConfigReader;
import dev.kiln.model.SiteUrls;
import dev.kiln.model.SourceSettings;
import dev.kiln.model.Visibility;
import dev.kiln.source.TextFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs Kiln's Liquid on the posts of src/test/resources/liquid/jekyll/, a Jekyll site with a post per
 * construct class (conditions, case, loops, variables, string, math, array, date and Jekyll filters,
 * site and page variables, includes with Jekyll-Bootstrap's), and compares each post's output with
 * what Jekyll 4.3.1 itself wrote for it (expected/NAME.txt, made by jekyll-expected.sh).
 */
class JekyllLiquidTest {
    private static final Path SITE = Path.of("src/test/resources/liquid/jekyll");
    private static final Path EXPECTED = Path.of("src/test/resources/liquid/expected");
    /** Kiln's output, for a diff with expected/ when they differ. */
    private static final Path ACTUAL = Path.of("target/liquid-actual");

    @TestFactory
    Stream<DynamicTest> eachPostPrintsWhatJekyllPrints() throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        SiteConfig config = new SiteConfigReader().read(new YamlParser().parse(Path.of("content/site.yml"),
                Files.readString(SITE.resolve("_config.yml")), 1, diagnostics).orElseThrow(), diagnostics);
        FrontMatterReader reader = new FrontMatterReader(SourceSettings.of(config));
        List<SiteFacts.Written> written = new ArrayList<>();
        List<SourceDocument> docs = new ArrayList<>();
        try (Stream<Path> posts = Files.list(SITE.resolve("_posts"))) {
            for (Path post : posts.sorted().toList()) {
                Path path = Path.of("content/posts").resolve(post.getFileName().toString());
                String text = Files.readString(post, StandardCharsets.UTF_8);
                SourceDocument doc = new FrontMatterParser().parse(path, text, diagnostics).orElseThrow();
                docs.add(doc);
                written.add(new SiteFacts.Written(path, true, text, reader.read(path, true, doc.frontMatter(), diagnostics).orElseThrow()));
            }
        }
        List<TextFile> includes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SITE.resolve("_includes"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                includes.add(new TextFile(Path.of(LiquidRenderer.INCLUDES).resolve(SITE.resolve("_includes").relativize(file).toString()),
                        Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        List<TextFile> dataFiles = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SITE.resolve("_data"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                dataFiles.add(new TextFile(SiteData.FOLDER.resolve(SITE.resolve("_data").relativize(file).toString()),
                        Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        Map<String, Object> data = SiteData.read(dataFiles, diagnostics);
        assertEquals(List.<Diagnostic>of(), diagnostics.sorted());
        MarkdownRenderer markdown = new MarkdownRenderer(false, config.baseurl(), SiteUrls::youtubeThumbnail);
        SiteFacts facts = new SiteFacts(config, written, List.of(), includes, data, Visibility.published(Instant.parse("2030-01-01T00:00:00Z")),
                s -> markdown.render(s).html());
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            SiteFacts.Written w = written.get(i);
            SourceDocument doc = docs.get(i);
            String name = w.path().getFileName().toString().replaceFirst("\\.md$", "");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                LiquidResult result = new LiquidRenderer().render(w.path(), doc.body(), doc.bodyLine(), facts.page(w), facts);
                Files.createDirectories(ACTUAL);
                Files.writeString(ACTUAL.resolve(name + ".txt"), result.text().text(), StandardCharsets.UTF_8);
                assertEquals(List.of(), result.diagnostics().stream().map(Diagnostic::headline).toList());
                assertEquals(Files.readString(EXPECTED.resolve(name + ".txt"), StandardCharsets.UTF_8), result.text().text());
            }));
        }
        return tests.stream();
    }
}
