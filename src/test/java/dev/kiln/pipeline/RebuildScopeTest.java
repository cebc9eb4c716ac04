package dev.kiln.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import dev.kiln.model.Visibility;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild renders again only the routes that depend on what changed: after an edit of one post's body, its
 * page, the pages that show its summary (its neighbours, the home page and archive and tag pages that list it),
 * the feeds that carry it and the search index, and nothing else. A copy or an identity check that silently
 * turned reuse off would still give the right bytes (IncrementalBuildTest) but fail here.
 */
class RebuildScopeTest {
    private static final Visibility EVERYTHING = new Visibility(true, true, KilnRun.CLOCK.instant());

    @TempDir
    Path site;

    @Test
    void anEditOfOnePostsBodyRendersOnlyTheRoutesThatShowIt() throws IOException {
        write("content/site.yml", "title: Scope\nurl: https://example.com\npaginate: 3\nfeed_size: 3\n");
        write("content/about.md", "---\ntitle: About\n---\nAbout.\n");
        for (int n = 1; n <= 8; n++) {
            write(post(n), text(n, "The first words of post " + n + "."));
        }
        Rebuilds preview = new Rebuilds();
        BuildResult first = preview.build(site, EVERYTHING, true);
        assertEquals(List.of(), first.diagnostics());
        assertEquals(first.profile().routes(), first.profile().rendered(), "a first build renders everything");

        BuildResult unchanged = preview.build(site, EVERYTHING, true);
        assertEquals(List.of(), unchanged.profile().renderedFiles(), "nothing changed, nothing rendered");

        write(post(5), text(5, "Other first words of post 5."));
        preview.forget(List.of(Path.of(post(5))));
        BuildResult edited = preview.build(site, EVERYTHING, true);
        assertEquals(List.of(), edited.diagnostics());
        // Newest first: 8 7 6 | 5 4 3 | 2 1 on the home pages; the feeds carry the newest three (of their tag).
        assertEquals(List.of(
                "2020/01/04/p4/index.html", // its newer neighbour links to it
                "2020/01/05/p5/index.html",
                "2020/01/06/p6/index.html", // its older neighbour links to it
                "page/2/index.html",
                "posts/index.html",
                "search/index.json",
                "tags/beta/index.html",
                "tags/gamma/feed.xml",
                "tags/gamma/index.html"), edited.profile().renderedFiles());
        assertTrue(page(edited, "2020/01/05/p5/index.html").contains("Other first words"));
    }

    @Test
    void anEditChecksTheLinksOfThePagesItChangedAndReportsWhatAColdBuildReports() throws IOException {
        write("content/site.yml", "title: Links\nurl: https://example.com\n");
        write(post(1), "---\ntitle: P1\n---\nSee [the part](/2020/01/02/p2/#part).\n");
        write(post(2), "---\ntitle: P2\n---\n## Part\n\nText.\n");
        for (int n = 3; n <= 6; n++) {
            write(post(n), text(n, "Words of post " + n + "."));
        }
        Rebuilds preview = new Rebuilds();
        BuildResult first = preview.build(site, EVERYTHING, true);
        assertEquals(List.of(), first.diagnostics());
        assertTrue(first.profile().linkCheckedPages().contains("2020/01/01/p1/index.html"), "a first build checks every page");
        assertEquals(List.of(), preview.build(site, EVERYTHING, true).profile().linkCheckedPages(), "nothing changed, nothing checked");

        write(post(4), text(4, "Words of post 4.") + "\nA last line.\n");
        preview.forget(List.of(Path.of(post(4))));
        BuildResult edited = preview.build(site, EVERYTHING, true);
        assertEquals(List.of(), edited.diagnostics());
        assertEquals(List.of("2020/01/04/p4/index.html"), edited.profile().linkCheckedPages(),
                "only the edited post's page changed (its summary did not)");

        // The heading a link of P1 points at is renamed: P1's page is unchanged, but its link now misses.
        write(post(2), "---\ntitle: P2\n---\n## Piece\n\nText.\n");
        preview.forget(List.of(Path.of(post(2))));
        BuildResult renamed = preview.build(site, EVERYTHING, true);
        assertEquals(cold().diagnostics(), renamed.diagnostics());
        assertEquals(1, renamed.diagnostics().size(), renamed.diagnostics().toString());
        assertTrue(renamed.profile().linkCheckedPages().contains("2020/01/01/p1/index.html"));

        // A line above the broken link: the page's bytes are the same, the error's line is not.
        write(post(1), "---\ntitle: P1\n---\n\nSee [the part](/2020/01/02/p2/#part).\n");
        preview.forget(List.of(Path.of(post(1))));
        BuildResult moved = preview.build(site, EVERYTHING, true);
        assertEquals(cold().diagnostics(), moved.diagnostics());
        assertEquals(renamed.diagnostics().get(0).position().line() + 1, moved.diagnostics().get(0).position().line());
    }

    @Test
    void turningEmojiOnOrOffInSiteYmlRendersThePostsAgainAsAColdBuildWould() throws IOException {
        write("content/site.yml", "title: Emoji\nurl: https://example.com\n");
        write(post(1), text(1, "Released :tada:"));
        Rebuilds preview = new Rebuilds();
        BuildResult first = preview.build(site, EVERYTHING, true);
        assertTrue(page(first, "2020/01/01/p1/index.html").contains("Released :tada:"), "off by default");

        write("content/site.yml", "title: Emoji\nurl: https://example.com\nemoji: true\n");
        preview.forget(List.of(Path.of("content/site.yml")));
        BuildResult on = preview.build(site, EVERYTHING, true);
        assertEquals(List.of(), on.diagnostics());
        assertTrue(page(on, "2020/01/01/p1/index.html").contains("Released \uD83C\uDF89"), "the post is compiled again");
        assertEquals(page(cold(), "2020/01/01/p1/index.html"), page(on, "2020/01/01/p1/index.html"));

        write("content/site.yml", "title: Emoji\nurl: https://example.com\nemoji: false\n");
        preview.forget(List.of(Path.of("content/site.yml")));
        assertTrue(page(preview.build(site, EVERYTHING, true), "2020/01/01/p1/index.html").contains("Released :tada:"));
    }

    private BuildResult cold() throws IOException {
        return new SiteBuilder().build(site, EVERYTHING, true);
    }

    private static String post(int n) {
        return "content/posts/2020-01-0" + n + "-p" + n + ".md";
    }

    private static String text(int n, String firstParagraph) {
        String tags = n <= 4 ? "[alpha]" : n == 5 ? "[beta, gamma]" : "[beta]";
        return "---\ntitle: P" + n + "\ntags: " + tags + "\n---\n" + firstParagraph + "\n\nMore of post " + n + ".\n";
    }

    private static String page(BuildResult result, String path) {
        return result.plan().files().stream().filter(f -> f.path().equals(path)).findFirst()
                .map(f -> new String(f.bytes(), StandardCharsets.UTF_8)).orElseThrow();
    }

    private void write(String path, String text) throws IOException {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
