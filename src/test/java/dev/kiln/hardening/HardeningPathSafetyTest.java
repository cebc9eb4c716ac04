package dev.kiln.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, point 2: every write stays inside the output folder. Slugs, permalinks, aliases and tags
 * that try to leave it are covered by the error fixtures (errors/path-*); this covers what a fixture
 * folder cannot hold: symbolic links and file names with control characters.
 */
class HardeningPathSafetyTest {
    @TempDir
    Path tmp;

    private Path site() {
        Path site = tmp.resolve("blog");
        KilnRun.write(site.resolve("content/posts/2020-05-01-hello.md"), "---\ntitle: Hello\n---\nHi.\n");
        return site;
    }

    private static KilnRun build(Path site) {
        return KilnRun.of("build", "--source", site.toString(), "--no-check-links");
    }

    /** Nothing may appear next to the site folder but the site itself. */
    private void assertNothingWrittenOutside(Path site) throws IOException {
        try (Stream<Path> list = Files.list(tmp)) {
            assertEquals(java.util.List.of("blog", "secrets"), list.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> list = Files.list(site)) {
            // .kiln-cache is the site's own cache of images; a build's work folders would be .kiln-new-… and the like
            assertFalse(list.anyMatch(p -> p.getFileName().toString().contains(".kiln-") && !p.getFileName().toString().equals(".kiln-cache")));
        }
        if (Files.isDirectory(site.resolve("site"))) {
            try (Stream<Path> list = Files.list(site.resolve("site"))) {
                assertFalse(list.anyMatch(p -> p.getFileName().toString().matches("\\.kiln-(new|commit|old)-.*|\\.kiln-lock")));
            }
        }
    }

    @Test
    void symlinksInContentThatPointOutsideTheSiteAreRefusedNotFollowed() throws IOException {
        Path site = site();
        KilnRun.write(tmp.resolve("secrets/passwords.txt"), "hunter2");
        KilnRun.write(tmp.resolve("secrets/diary.md"), "---\ntitle: Diary\n---\nPrivate.\n");
        Files.createSymbolicLink(site.resolve("content/passwords.txt"), tmp.resolve("secrets/passwords.txt"));
        Files.createSymbolicLink(site.resolve("content/posts/2020-05-02-diary.md"), tmp.resolve("secrets/diary.md"));
        Files.createSymbolicLink(site.resolve("content/all-secrets"), tmp.resolve("secrets"));
        Files.createDirectories(site.resolve("templates"));
        Files.createSymbolicLink(site.resolve("templates/post.mustache"), tmp.resolve("secrets/passwords.txt"));

        KilnRun run = build(site);

        assertEquals(1, run.exitCode(), run.err());
        String secrets = tmp.resolve("secrets").toRealPath().toString();
        assertEquals("content/all-secrets:1:1: error: symbolic link points outside the site: " + secrets
                + " (hint: copy the file into the site instead of linking to it)\n\n"
                + "content/passwords.txt:1:1: error: symbolic link points outside the site: " + secrets + "/passwords.txt"
                + " (hint: copy the file into the site instead of linking to it)\n\n"
                + "content/posts/2020-05-02-diary.md:1:1: error: symbolic link points outside the site: " + secrets + "/diary.md"
                + " (hint: copy the file into the site instead of linking to it)\n\n"
                + "templates/post.mustache:1:1: error: symbolic link points outside the site: " + secrets + "/passwords.txt"
                + " (hint: copy the file into the site instead of linking to it)\n"
                + "4 errors in 4 files (N ms); site/ was left unchanged\n", run.err());
        assertFalse(Files.exists(site.resolve("site")));
        assertNothingWrittenOutside(site);
    }

    /**
     * Issue 19, item 7: a link out of content/ into the site folder ({@code .env}, {@code .git}, the output)
     * is refused like a link out of the site; it was followed and {@code .env} was published.
     */
    @Test
    void symlinksOutOfContentIntoTheSiteFolderAreRefusedNotFollowed() throws IOException {
        Path site = site();
        KilnRun.write(site.resolve(".env"), "DATABASE_PASSWORD=hunter2\n");
        Files.createSymbolicLink(site.resolve("content/env.txt"), Path.of("../.env"));
        Files.createDirectories(site.resolve("templates"));
        KilnRun.write(site.resolve("content/partial.mustache"), "{{title}}");
        Files.createSymbolicLink(site.resolve("templates/post.mustache"), Path.of("../content/partial.mustache"));
        Files.createDirectories(tmp.resolve("secrets"));

        KilnRun run = build(site);

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("content/env.txt:1:1: error: symbolic link points outside content/: .env"
                + " (hint: copy the file into content/ instead of linking to it)\n\n"
                + "templates/post.mustache:1:1: error: symbolic link points outside templates/: content/partial.mustache"
                + " (hint: copy the file into templates/ instead of linking to it)\n"
                + "2 errors in 2 files (N ms); site/ was left unchanged\n", run.err());
        assertFalse(Files.exists(site.resolve("site")));
        assertNothingWrittenOutside(site);
    }

    @Test
    void symlinksThatStayInsideContentAreFine() throws IOException {
        Path site = site();
        KilnRun.write(site.resolve("content/shared/logo.svg"), "<svg/>");
        Files.createDirectories(site.resolve("content/img"));
        Files.createSymbolicLink(site.resolve("content/img/logo.svg"), Path.of("../shared/logo.svg"));
        Files.createDirectories(tmp.resolve("secrets"));

        KilnRun run = build(site);

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("<svg/>", KilnRun.read(site.resolve("site/img/logo.svg")));
        assertFalse(Files.isSymbolicLink(site.resolve("site/img/logo.svg")), "the file is copied, not the link");
        assertNothingWrittenOutside(site);
    }

    @Test
    void aBrokenSymlinkIsReportedWithItsPath() throws IOException {
        Path site = site();
        Files.createSymbolicLink(site.resolve("content/missing.jpg"), tmp.resolve("nowhere.jpg"));
        Files.createDirectories(tmp.resolve("secrets"));

        KilnRun run = build(site);

        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("content/missing.jpg:1:1: error: broken symbolic link"), run.err());
        assertNothingWrittenOutside(site);
    }

    @Test
    void controlCharactersInFileNamesAreSlugifiedOrReportedVisibly() throws IOException {
        Path site = site();
        // A post's URL comes from its file name, slugified: the control characters disappear.
        KilnRun.write(site.resolve("content/posts/2020-05-03-bell\u0007and\u001b[2Jescape.md"), "---\ntitle: Odd\n---\nOdd.\n");
        assertEquals(0, build(site).exitCode());
        assertTrue(Files.exists(site.resolve("site/2020/05/03/bell-and-2jescape/index.html")));

        // A page's URL is its path, so the name is refused, and the message shows the characters as escapes.
        KilnRun.write(site.resolve("content/we\u0001ird\tpage.md"), "A page.\n");
        Map<String, byte[]> before = KilnRun.files(site.resolve("site"));
        KilnRun run = build(site);

        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("content/we\\x01ird\\tpage.md:1:1: error: URL '/we\\x01ird\\tpage/' is not a safe site path"),
                run.err());
        assertFalse(run.err().chars().anyMatch(c -> c < 0x20 && c != '\n'), "no raw control characters reach the terminal");
        assertEquals(before.keySet(), KilnRun.files(site.resolve("site")).keySet());
    }
}
