package dev.kiln.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files beside a post: a post folder with its photos, files next to a post's .md, read from the post's folder. */
class PostFilesTest {
    @TempDir
    Path site;

    private static final byte[] PNG = png();

    private static byte[] png() {
        try {
            return Files.readAllBytes(Path.of("src/test/resources/sites/markdown-features/content/img/diagram.png"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private KilnRun build(String siteYml) throws Exception {
        KilnRun.write(site.resolve("content/site.yml"), "title: T\nurl: https://t.example\n" + siteYml);
        return KilnRun.of("build", "--source", site.toString());
    }

    @Test
    void aPostFolderTakesItsNameAndDateFromTheFolderAndPublishesItsFilesBesideItsUrl() throws Exception {
        Path trip = site.resolve("content/posts/2026-11-01-trip");
        Files.createDirectories(trip.resolve("photos"));
        Files.write(trip.resolve("castle.png"), PNG);
        Files.write(trip.resolve("photos/tram.png"), PNG);
        KilnRun.write(trip.resolve("index.md"), "---\ntitle: Trip\n---\n![Castle](castle.png)\n\n![Tram](./photos/tram.png)\n");
        KilnRun run = build("baseurl: /blog\n");
        assertEquals(0, run.exitCode(), run.err());
        Path out = site.resolve("site");
        String post = KilnRun.read(out.resolve("2026/11/01/trip/index.html"));
        assertTrue(post.contains("<img src=\"/blog/2026/11/01/trip/castle.png\" alt=\"Castle\" width=\"40\" height=\"20\" />"), post);
        assertTrue(post.contains("<img src=\"/blog/2026/11/01/trip/photos/tram.png\" alt=\"Tram\" width=\"40\" height=\"20\" loading=\"lazy\""),
                post);
        assertTrue(Files.isRegularFile(out.resolve("2026/11/01/trip/castle.png")));
        assertTrue(Files.isRegularFile(out.resolve("2026/11/01/trip/photos/tram.png")));
        assertTrue(KilnRun.read(out.resolve("feed.xml")).contains("src=&quot;https://t.example/blog/2026/11/01/trip/castle.png&quot;"));
    }

    @Test
    void aFileNextToAPostsMarkdownIsReadFromThereAndTheHintSaysWhereKilnLooked() throws Exception {
        Files.createDirectories(site.resolve("content/posts"));
        Files.write(site.resolve("content/posts/cat.jpg.png"), PNG);
        KilnRun.write(site.resolve("content/posts/2026-11-02-cat.md"), "---\ntitle: Cat\n---\n![A cat](cat.jpg.png)\n");
        assertEquals(0, build("").exitCode());
        assertTrue(Files.isRegularFile(site.resolve("site/2026/11/02/cat/cat.jpg.png")));

        KilnRun.write(site.resolve("content/posts/2026-11-02-cat.md"), "---\ntitle: Cat\n---\n\n![A dog](dog.png)\n");
        KilnRun broken = build("");
        assertEquals(1, broken.exitCode());
        assertTrue(broken.err().startsWith("content/posts/2026-11-02-cat.md:5:1: error: link to dog.png does not exist (hint: a relative"
                + " link is read from the folder of content/posts/2026-11-02-cat.md, and there is no content/posts/dog.png; put the"
                + " file there)"), broken.err());
    }

    @Test
    void linksInRawHtmlAreRewrittenWhateverTheTagsCaseAndTheTextBetween() throws Exception {
        Path trip = site.resolve("content/posts/2026-11-01-trip");
        Files.createDirectories(trip);
        Files.write(trip.resolve("castle.png"), PNG);
        KilnRun.write(trip.resolve("index.md"), "---\ntitle: Trip\n---\n1 < 2, <span>x</span> <IMG SRC=\"castle.png\" ALT=\"c\">"
                + " and <a class=\"k\" href=\"castle.png\">the castle</a> <a href=\"https://x.example/castle.png\">not</a>\n");
        KilnRun run = build("");
        assertEquals(0, run.exitCode(), run.err());
        String post = KilnRun.read(site.resolve("site/2026/11/01/trip/index.html"));
        assertTrue(post.contains("SRC=\"/2026/11/01/trip/castle.png\""), post);
        assertTrue(post.contains("<a class=\"k\" href=\"/2026/11/01/trip/castle.png\">the castle</a>"), post);
        assertTrue(post.contains("<a href=\"https://x.example/castle.png\">not</a>"), post);
    }
}
