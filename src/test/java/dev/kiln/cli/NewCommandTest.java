package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kiln new site and kiln new post, through the CLI, as a new user would run them. */
class NewCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aNewSiteBuildsAtOnceWithNoProblems() throws Exception {
        Path blog = tmp.resolve("blog");
        KilnRun run = KilnRun.of("new", "site", blog.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("  content/site.yml\n  content/posts/2026-11-25-welcome.md\n  content/about.md\n"
                + "  content/img/header.jpg\n  .gitignore\n"), run.out());
        String siteYml = KilnRun.read(blog.resolve("content/site.yml"));
        for (String key : new String[] {"title", "description", "author", "language", "url", "baseurl", "permalink",
                "timezone", "paginate", "feed_size", "menu", "safe_mode", "search"}) {
            assertTrue(siteYml.contains(key + ":"), "site.yml explains " + key);
        }
        assertEquals("""
                # Kiln writes the site here on every build.
                /site/
                # Kiln's resized images, kept between builds; commit them (delete this line) to spare a fresh clone's first build the resizing.
                /.kiln-cache/
                """, KilnRun.read(blog.resolve(".gitignore")));
        BufferedImage image = ImageIO.read(blog.resolve("content/img/header.jpg").toFile());
        assertEquals(1900, image.getWidth());
        assertEquals(600, image.getHeight());

        assertTrue(run.out().contains("set url: in content/site.yml to the address it will have (until then the build warns)"), run.out());
        KilnRun check = KilnRun.of("check", "--source", blog.toString());
        assertEquals(0, check.exitCode(), check.err());
        int line = List.of(siteYml.split("\n")).indexOf("# url: https://example.com") + 1;
        assertEquals("content/site.yml:" + line + ": warning: no url:, so the feed, sitemap, robots.txt and canonical links point at"
                + " http://localhost:4000\nhint: set url: to the address the site is published at, e.g. url: https://example.com"
                + " (kiln serve needs none)\n", check.err(), "no other problem, links included; the scaffold never publishes localhost silently");
        KilnRun build = KilnRun.of("build", "--source", blog.toString());
        assertEquals(0, build.exitCode(), build.err());
        String post = KilnRun.read(blog.resolve("site/2026/11/25/welcome/index.html"));
        assertTrue(post.contains("Welcome to my blog"), post);
        assertTrue(post.contains("/img/header.jpg"), "the masthead uses the image");
        assertTrue(Files.exists(blog.resolve("site/about/index.html")));
    }

    @Test
    void aNewSiteIsNeverWrittenIntoAFolderThatHoldsFiles() throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "mine");
        KilnRun run = KilnRun.of("new", "site", tmp.toString());
        assertEquals(1, run.exitCode());
        assertEquals("kiln: " + tmp + " is not empty; nothing was written\nhint: choose a new or empty folder for the new site\n",
                run.err());
        assertEquals("mine", KilnRun.read(tmp.resolve("notes.txt")));
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aNewPostIsDatedInTheSitesTimeZoneAndTellsItsUrl() throws Exception {
        // The test clock is 2026-11-25T12:00Z: already the 26th in Kiritimati (+14).
        KilnRun.write(tmp.resolve("content/site.yml"), "timezone: Pacific/Kiritimati\nbaseurl: /blog\n");
        KilnRun run = KilnRun.of("new", "post", "Hello, \"World\": C# & more", "--tags", "java, c#", "--draft",
                "--source", tmp.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Wrote content/posts/2026-11-26-hello-world-c-sharp-and-more.md; it will be at "
                + "/blog/2026/11/26/hello-world-c-sharp-and-more/ (a draft)\n", run.out());
        assertEquals("---\ntitle: \"Hello, \\\"World\\\": C# & more\"\ndate: 2026-11-26 02:00:00 +1400\ntags: [\"java\", \"c#\"]\n"
                        + "draft: true\n---\n\nWrite the first paragraph here: it is the excerpt on the home page.\n",
                KilnRun.read(tmp.resolve("content/posts/2026-11-26-hello-world-c-sharp-and-more.md")));
        KilnRun build = KilnRun.of("build", "--source", tmp.toString(), "--drafts");
        assertEquals(0, build.exitCode(), build.err());
        assertTrue(Files.exists(tmp.resolve("site/2026/11/26/hello-world-c-sharp-and-more/index.html")),
                "the URL it printed is where the build puts it");
    }

    @Test
    void aNewPostNeverOverwritesAndNeedsATitleWithLetters() throws Exception {
        Files.createDirectories(tmp.resolve("content"));
        assertEquals(0, KilnRun.of("new", "post", "Same", "--source", tmp.toString()).exitCode());
        Path file = tmp.resolve("content/posts/2026-11-25-same.md");
        Files.writeString(file, "my words");
        KilnRun again = KilnRun.of("new", "post", "Same", "--source", tmp.toString());
        assertEquals(1, again.exitCode());
        assertEquals("kiln: content/posts/2026-11-25-same.md already exists; nothing was overwritten\n", again.err());
        assertEquals("my words", KilnRun.read(file));
        KilnRun symbols = KilnRun.of("new", "post", "?!", "--source", tmp.toString());
        assertEquals(1, symbols.exitCode());
        assertTrue(symbols.err().contains("cannot make a file name from the title '?!'"), symbols.err());
        assertEquals(2, KilnRun.of("new", "post", "--source", tmp.toString()).exitCode(), "a title is required");
        KilnRun typo = KilnRun.of("new", "pots", "X");
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().startsWith("kiln: kiln new makes a site or a post, not 'pots'; did you mean new post?"), typo.err());
    }

    @Test
    void aNewPostReportsABrokenSiteYmlAndWritesNothing() throws Exception {
        KilnRun.write(tmp.resolve("content/site.yml"), "timezone: Mars/Olympus\n");
        KilnRun run = KilnRun.of("new", "post", "Hello", "--source", tmp.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("content/site.yml:1:11: error: unknown time zone 'Mars/Olympus'"), run.err());
        assertFalse(Files.exists(tmp.resolve("content/posts")));
    }
}
