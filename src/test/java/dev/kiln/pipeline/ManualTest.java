package dev.kiln.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manual, docs/, is a Kiln site: it builds with zero diagnostics, its links checked like any site's (so a
 * broken link in the manual fails the build), and both its contents page and the README list every page.
 * ValidHtmlTest checks its HTML.
 */
class ManualTest {
    static final Path MANUAL = Path.of("docs");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @TempDir
    static Path tmp;
    static KilnRun run;
    static Map<String, byte[]> site;

    @BeforeAll
    static void build() {
        run = KilnRun.of("build", "--source", MANUAL.toString(), "--output", tmp.resolve("site").toString());
        site = run.exitCode() == 0 ? KilnRun.files(tmp.resolve("site")) : Map.of(); // the errors: buildsWithZeroDiagnostics…
    }

    /** The manual's pages, by file name: writing.md, … (index.md is the contents page). */
    static List<String> pages() throws IOException {
        try (Stream<Path> files = Files.list(MANUAL.resolve("content"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".md") && !n.equals("index.md")).sorted().toList();
        }
    }

    private static List<String> links(Path markdown) throws IOException {
        List<String> links = new ArrayList<>();
        Matcher m = MARKDOWN_LINK.matcher(Files.readString(markdown));
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }

    @Test
    void buildsWithZeroDiagnosticsAndEveryLinkChecked() {
        assertEquals(0, run.exitCode(), run.err());
        // the manual has no published address yet, and the build says so (site-yml.md, "A site without its address")
        assertEquals("content/site.yml:1: warning: no url:, so the feed, sitemap, robots.txt and canonical links point at"
                + " http://localhost:4000\nhint: set url: to the address the site is published at, e.g. url: https://example.com"
                + " (kiln serve needs none)\n", run.err(), "no error, and no warning but the address");
        assertTrue(run.out().startsWith("Built "), run.out());
    }

    @Test
    void theContentsPageIsTheHomePageAndLinksEveryPageByItsUrl() throws IOException {
        String home = new String(site.get("index.html"), StandardCharsets.UTF_8);
        assertTrue(home.contains("<h1 class=\"masthead-title\">The Kiln manual</h1>"), home);
        for (String page : pages()) {
            String url = "/" + page.substring(0, page.length() - ".md".length()) + "/";
            assertTrue(site.containsKey(url.substring(1) + "index.html"), page + " is a page at " + url);
            assertTrue(home.contains("<a href=\"" + url + "\">"), "the contents page links " + url);
        }
    }

    @Test
    void theReadmeListsEveryPageOfTheManualOnceInTheOrderOfItsContentsAndItsLinksLeadToFiles() throws IOException {
        for (String link : links(Path.of("README.md"))) {
            if (!link.contains("://") && !link.startsWith("#")) {
                assertTrue(Files.exists(Path.of(link.replaceFirst("#.*", ""))), "README.md links " + link + ", which is no file");
            }
        }
        List<String> contents = listed(MANUAL.resolve("content/index.md"), "");
        assertEquals(pages(), contents.stream().sorted().toList(), "the contents page lists every page of the manual, each once");
        assertEquals(contents, listed(Path.of("README.md"), "docs/content/"), "README.md lists them too, in the same order");
    }

    /** The files that the list items of a Markdown file link first ({@code - [Images](images.md): …}), under {@code folder}. */
    private static List<String> listed(Path markdown, String folder) throws IOException {
        Pattern item = Pattern.compile("^- \\[[^]]*\\]\\(" + Pattern.quote(folder) + "([^)#/]+\\.md)\\)", Pattern.MULTILINE);
        List<String> listed = new ArrayList<>();
        Matcher m = item.matcher(Files.readString(markdown));
        while (m.find()) {
            listed.add(m.group(1));
        }
        return listed;
    }
}
