package dev.kiln.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview against edits of a site in a temporary folder. Each test waits for what it expects
 * (the reload event, a page served with the new text, the terminal's line), never for a fixed time.
 */
@Timeout(180)
class PreviewServerTest {
    private static final String FIRST = "/2020/01/01/first/";
    private static final String SECOND = "/2020/02/02/second/";

    @TempDir
    Path tmp;

    private RunningPreview preview;

    private RunningPreview start() throws Exception {
        Path site = tmp.resolve("site-src");
        RunningPreview.writeSite(site);
        preview = new RunningPreview(site);
        return preview;
    }

    @AfterEach
    void stop() {
        if (preview != null) {
            preview.close();
        }
    }

    @Test
    void editingAPostSendsAReloadEventAndServesTheChangedPage() throws Exception {
        RunningPreview p = start();
        assertTrue(p.page(FIRST).contains("The first body."));
        String version = p.listen();

        p.write("content/posts/2020-01-01-first.md", "---\ntitle: First post, edited\ntags: [java]\n---\nThe edited body.\n");
        assertNotEquals(version, p.awaitNewVersion(version));
        p.awaitServed(FIRST, "The edited body."); // an in-place write may be seen half-done first

        String page = p.page(FIRST);
        assertTrue(page.contains("The edited body."), page);
        assertFalse(page.contains("The first body."), page);
        assertTrue(p.page("/").contains("First post, edited"), "home page lists the new title");
        assertTrue(p.page(SECOND).contains("First post, edited"), "the next post's previous link has the new title");
        p.awaitTerminal("content/posts/2020-01-01-first.md edited: rebuilt");
    }

    @Test
    void newPostAppearsOnTheHomePageAndOnItsTagPage() throws Exception {
        RunningPreview p = start();
        assertFalse(p.page("/tags/web/").contains("Third post"));
        String version = p.listen();

        p.write("content/posts/2020-03-03-third.md", "---\ntitle: Third post\ntags: [web, news]\n---\nThe third body.\n");
        p.awaitNewVersion(version);
        p.awaitServed("/2020/03/03/third/", "The third body.");

        assertTrue(p.page("/").contains("Third post"));
        assertTrue(p.page("/tags/web/").contains("Third post"));
        assertTrue(p.page("/tags/news/").contains("Third post"), "a new tag gets its page");
        assertTrue(p.page("/2020/03/03/third/").contains("The third body."));
        assertTrue(p.page(SECOND).contains("Third post"), "the previous post links to it as newer");
    }

    @Test
    void deletedPostDisappearsFromTheHomePageAndItsTagPage() throws Exception {
        RunningPreview p = start();
        assertTrue(p.page("/tags/web/").contains("Second post"));
        String version = p.listen();

        Files.delete(p.root.resolve("content/posts/2020-02-02-second.md"));
        p.awaitNewVersion(version);
        p.awaitStatus(SECOND, 404);

        assertFalse(p.page("/").contains("Second post"));
        assertEquals(404, p.get("/tags/web/").statusCode(), "a tag without posts has no page");
        assertFalse(p.page("/tags/java/").contains("Second post"));
        assertEquals(404, p.get(SECOND).statusCode());
        assertFalse(p.page(FIRST).contains("Second post"), "no next link to the deleted post");
    }

    @Test
    void pathsThatTryToLeaveTheSiteAnswer400Or404() throws Exception {
        RunningPreview p = start();
        KilnRun.write(p.root.resolve("pom.xml"), "SECRET-POM");
        KilnRun.write(tmp.resolve("pom.xml"), "SECRET-POM");
        for (String path : List.of("/../pom.xml", "/%2e%2e/pom.xml", "/%2E%2E/%2e%2e/pom.xml", "/..%2fpom.xml",
                "/..%2Fpom.xml", "/assets/../../pom.xml", "/..\\pom.xml", "/%5c..%5cpom.xml", "/.%2e/pom.xml",
                "/content/site.yml", "/pom.xml", "/%00", "/%zz", "/2020/01/01/first/%2e%2e/%2e%2e/%2e%2e/%2e%2e/pom.xml")) {
            String response = p.raw(path);
            String status = response.substring(0, response.indexOf("\r\n"));
            assertTrue(status.contains(" 400 ") || status.contains(" 404 "), path + " answered " + status);
            assertFalse(response.contains("SECRET"), path + " leaked a file");
        }
    }

    @Test
    void aSymlinkToAFileOutsideTheSiteIsNeverServed() throws Exception {
        RunningPreview p = start();
        Path secret = tmp.resolve("secret.txt");
        KilnRun.write(secret, "SECRET-FILE");
        p.listen();

        Files.createSymbolicLink(p.root.resolve("content/leak.txt"), secret);
        assertLeaksNothing(p, "/leak.txt"); // before the rebuild
        String overlay = p.awaitErrors();
        assertTrue(overlay.contains("content/leak.txt:1:1"), overlay);
        assertLeaksNothing(p, "/leak.txt"); // after it
        Files.delete(p.root.resolve("content/leak.txt"));

        // A served image replaced by a link to elsewhere is refused even before the rebuild notices.
        KilnRun.write(p.root.resolve("content/img/photo.png"), "PNG");
        p.awaitServed("/img/photo.png", "PNG");
        Files.delete(p.root.resolve("content/img/photo.png"));
        Files.createSymbolicLink(p.root.resolve("content/img/photo.png"), secret);
        assertLeaksNothing(p, "/img/photo.png");
    }

    private static void assertLeaksNothing(RunningPreview p, String path) throws Exception {
        HttpResponse<String> response = p.get(path);
        assertEquals(404, response.statusCode(), path);
        assertFalse(response.body().contains("SECRET"), path);
    }

    @Test
    void yamlErrorShowsTheOverlayAndKeepsThePreviousPagesUntilItIsFixed() throws Exception {
        RunningPreview p = start();
        String version = p.listen();

        p.write("content/posts/2020-01-01-first.md", "---\ntitle: First post\ntags: [java, <b>\n---\nHalf-typed body.\n");
        String overlay = p.await("errors", e -> e.data().contains("the [ list is never closed")).data();
        assertTrue(overlay.contains("content/posts/2020-01-01-first.md:3:7"), overlay);

        String page = p.page(FIRST);
        assertTrue(page.contains("The first body."), "the last good page is still served");
        assertTrue(page.contains("id=\"kiln-errors\""), "the page carries the overlay");
        assertTrue(page.contains("content/posts/2020-01-01-first.md:3:7"), page);
        assertTrue(p.page("/").contains("Second post"), "the rest of the site too");
        p.awaitTerminal("still serving the last good site");
        assertTrue(KilnRun.withoutTimes(p.terminal()).contains("1 error in 1 file (N ms); still serving the last good site"),
                p.terminal());
        assertTrue(p.terminal().contains("content/posts/2020-01-01-first.md:3:7: error: front matter"), p.terminal());

        p.write("content/posts/2020-01-01-first.md", "---\ntitle: First post\ntags: [java]\n---\nThe fixed body.\n");
        String fixed = p.awaitNewVersion(version);
        assertNotEquals(version, fixed);
        assertEquals("", p.await("errors", e -> true).data(), "the overlay is cleared");
        p.awaitServed(FIRST, "The fixed body.");
        page = p.page(FIRST);
        assertTrue(page.contains("The fixed body."), page);
        assertFalse(page.contains("id=\"kiln-errors\""), page);
    }

    @Test
    void servesTheSiteAsAStaticHostWould() throws Exception {
        RunningPreview p = start();
        p.listen();
        p.write("content/data/list.json", "{}");
        p.write("content/feed-style.xsl", "<x/>");
        p.write("content/fonts/body.woff2", "w");
        p.write("content/img/photo.jpg", "j");
        p.write("content/js/app.js", "1");
        p.write("content/img/logo.svg", "<svg/>");
        for (String file : List.of("/data/list.json", "/feed-style.xsl", "/fonts/body.woff2", "/img/photo.jpg", "/js/app.js", "/img/logo.svg")) {
            p.awaitStatus(file, 200); // they may come in more than one rebuild
        }

        HttpResponse<String> home = p.get("/");
        assertEquals(200, home.statusCode());
        assertEquals("text/html; charset=utf-8", home.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-store", home.headers().firstValue("Cache-Control").orElseThrow());
        String body = home.body();
        int script = body.indexOf(ReloadScript.EVENTS_PATH);
        assertTrue(script > 0 && script < body.lastIndexOf("</body>"), "reload script before </body>");

        assertEquals("text/css; charset=utf-8", type(p, "/assets/css/kiln.css"));
        assertEquals("image/svg+xml", type(p, "/img/logo.svg"));
        assertEquals("image/jpeg", type(p, "/img/photo.jpg"));
        assertEquals("text/javascript; charset=utf-8", type(p, "/js/app.js"));
        assertEquals("application/json; charset=utf-8", type(p, "/data/list.json"));
        assertEquals("application/xml; charset=utf-8", type(p, "/feed-style.xsl"));
        assertEquals("font/woff2", type(p, "/fonts/body.woff2"));

        HttpResponse<String> redirect = p.get("/about?x=1");
        assertEquals(302, redirect.statusCode());
        assertEquals("/about/?x=1", redirect.headers().firstValue("Location").orElseThrow());
        assertTrue(p.page("/about/").contains("About this blog."));

        HttpResponse<String> missing = p.get("/no/such/page/");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Page not found"), "the theme's 404 page");
        assertTrue(missing.body().contains(ReloadScript.EVENTS_PATH), "it reloads too");

        HttpResponse<String> head = p.send("HEAD", FIRST);
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(String.valueOf(p.page(FIRST).getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                head.headers().firstValue("Content-Length").orElseThrow());

        for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS")) {
            HttpResponse<String> refused = p.send(method, FIRST);
            assertEquals(405, refused.statusCode(), method);
            assertEquals("GET, HEAD", refused.headers().firstValue("Allow").orElseThrow());
        }
    }

    private static String type(RunningPreview p, String path) throws Exception {
        HttpResponse<String> response = p.get(path);
        assertEquals(200, response.statusCode(), path);
        return response.headers().firstValue("Content-Type").orElseThrow();
    }

    @Test
    void mountsTheSiteAtItsBaseurl() throws Exception {
        Path site = tmp.resolve("site-src");
        RunningPreview.writeSite(site);
        KilnRun.write(site.resolve("content/site.yml"), "title: Sub\nurl: https://example.com\nbaseurl: /blog\n");
        preview = new RunningPreview(site);

        assertTrue(preview.server.address().toString().endsWith("/blog/"), preview.server.address().toString());
        assertTrue(preview.page("/blog/").contains("href=\"/blog/2020/01/01/first/\""));
        assertTrue(preview.page("/blog" + FIRST).contains("The first body."));
        assertEquals("/blog/", preview.get("/").headers().firstValue("Location").orElseThrow());
        assertEquals("/blog/", preview.get("/blog").headers().firstValue("Location").orElseThrow());
        assertEquals(404, preview.get(FIRST).statusCode(), "outside the baseurl, as on the real host");
    }

    @Test
    void linksToTheSitesPublishedAddressLeadIntoThePreview() throws Exception {
        Path site = tmp.resolve("site-src");
        RunningPreview.writeSite(site);
        KilnRun.write(site.resolve("content/site.yml"), "title: Sub\nurl: https://example.com\nbaseurl: /blog\n");
        Files.createDirectories(site.resolve("content/img"));
        Files.copy(Path.of("src/test/resources/sites/markdown-features/content/img/diagram.png"), site.resolve("content/img/a.png"));
        KilnRun.write(site.resolve("content/posts/2020-01-01-first.md"), "---\ntitle: First post\n---\n"
                + "![A]({{ site.url }}{{ site.baseurl }}/img/a.png) [about](https://EXAMPLE.com/blog/about/?from=post)"
                + " [cv](https://example.com/cv/) [old](https://example.com/blog/gone/) <img src=\"/blog/img/a.png\" srcset=\"https://example.com/blog/img/a.png 1x,"
                + "https://example.org/blog/img/a.png 2x\">\n\nCode: `src=\"https://example.com/blog/img/a.png\"`\n");
        preview = new RunningPreview(site);

        String page = preview.page("/blog" + FIRST);
        assertTrue(page.contains("<img src=\"/blog/img/a.png\" alt=\"A\""), page);
        assertTrue(page.contains("<a href=\"/blog/about/?from=post\">about</a> <a href=\"https://example.com/cv/\">cv</a>"
                + " <a href=\"https://example.com/blog/gone/\">old</a>"), "only to what the preview serves: " + page);
        assertTrue(page.contains("srcset=\"/blog/img/a.png 1x,https://example.org/blog/img/a.png 2x\""), page);
        assertTrue(page.contains("<code>src=&quot;https://example.com/blog/img/a.png&quot;</code>"), "text is no link: " + page);
        KilnRun build = KilnRun.of("build", "--source", site.toString());
        assertEquals(0, build.exitCode(), build.err());
        assertTrue(KilnRun.read(site.resolve("site/2020/01/01/first/index.html"))
                .contains("<img src=\"https://example.com/blog/img/a.png\" alt=\"A\""), "the built site keeps the address as written");
    }

    @Test
    void aChangeToCssOnlyAsksPagesToSwapStylesheets() throws Exception {
        RunningPreview p = start();
        String version = p.listen();
        // Saved as editors do (renamed into place): one change, so one rebuild each.
        p.writeAtomically("templates/assets/css/extra.css", "body { color: red }\n");
        version = p.awaitNewVersion(version);
        assertTrue(p.page("/assets/css/extra.css").contains("red"));

        p.writeAtomically("templates/assets/css/extra.css", "body { color: blue }\n");
        RunningPreview.Event site = p.await("site", e -> !RunningPreview.version(e).equals(RunningPreview.previous(e)));
        assertTrue(site.data().contains("\"cssOnly\":true"), site.data());
        assertTrue(site.data().contains("\"previous\":\"" + version + "\""), site.data());
        assertTrue(p.page("/assets/css/extra.css").contains("blue"));
        p.awaitTerminal("(CSS only: styles swapped without a reload)");
    }

    /**
     * Eight files written in a burst make one rebuild: the first rebuild line after the burst names
     * all eight (three, "and 5 more"), and a later edit, waited for, shows no rebuild came between.
     * A burst is eight writes closer together than {@link SourceWatcher#QUIET_MILLIS}; if the machine
     * is so loaded that the writing itself took longer, that attempt proves nothing and is repeated.
     */
    @Test
    void aBurstOfChangesIsRebuiltOnce() throws Exception {
        RunningPreview p = start();
        p.listen();
        for (int n = 1; n <= 5; n++) {
            int attempt = n;
            int linesBefore = p.out.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n", -1).length - 1;
            long start = System.nanoTime();
            for (int i = 1; i <= 8; i++) {
                p.write("content/posts/2021-0" + attempt + "-0" + i + "-burst.md", "---\ntitle: Burst " + attempt + "." + i + "\n---\nBody.\n");
            }
            long writingMillis = (System.nanoTime() - start) / 1_000_000;
            p.awaitUntil("the 8 posts of the burst on /posts/", () -> {
                String archive = p.page("/posts/");
                for (int i = 1; i <= 8; i++) {
                    if (!archive.contains("Burst " + attempt + "." + i + "<")) {
                        return false;
                    }
                }
                return true;
            });
            // A later, separate change: once its line shows, every rebuild of the burst has printed its own.
            p.write("content/after-burst-" + attempt + ".md", "---\ntitle: After\n---\nx\n");
            p.awaitTerminal("content/after-burst-" + attempt + ".md created: rebuilt");
            List<String> lines = p.out.toString(java.nio.charset.StandardCharsets.UTF_8).lines().skip(linesBefore).toList();
            List<String> burst = lines.subList(0, lines.size() - 1);
            if (writingMillis >= SourceWatcher.QUIET_MILLIS) {
                System.out.printf("burst: attempt %d took %d ms to write 8 files, not a burst; trying again%n", attempt, writingMillis);
                continue;
            }
            assertEquals(1, burst.size(), "one rebuild for 8 files written in " + writingMillis + " ms:\n" + String.join("\n", burst));
            assertTrue(burst.get(0).matches("content/posts/2021-0" + attempt + "-0\\d-burst\\.md created, .* and 5 more: rebuilt \\d+ of \\d+ files in \\d+ ms"),
                    burst.get(0));
            return;
        }
        throw new AssertionError("writing 8 small files took " + SourceWatcher.QUIET_MILLIS + " ms or more in 5 attempts: too loaded to test");
    }

    @Test
    void aNewFolderOfImagesIsServed() throws Exception {
        RunningPreview p = start();
        String version = p.listen();
        Path folder = Files.createDirectories(p.root.resolve("content/gallery/2020"));
        Files.writeString(folder.resolve("a.png"), "A");
        Files.writeString(folder.resolve("b.png"), "B");
        p.awaitNewVersion(version);
        // Files written right after the folder appeared may come in a later rebuild.
        p.awaitServed("/gallery/2020/a.png", "A");
        p.awaitServed("/gallery/2020/b.png", "B");
        assertEquals("A", p.page("/gallery/2020/a.png"));
        assertEquals("B", p.page("/gallery/2020/b.png"));
    }

    @Test
    void draftsAndFuturePostsAreServedWithTheirBadges() throws Exception {
        RunningPreview p = start();
        String version = p.listen();
        p.write("content/posts/2020-04-04-draft.md", "---\ntitle: A draft\ndraft: true\n---\nNot yet.\n");
        p.write("content/posts/2099-01-01-later.md", "---\ntitle: Later\n---\nOne day.\n");
        p.awaitNewVersion(version);
        p.awaitServed("/2020/04/04/draft/", "Not yet."); // the two files may come in two rebuilds
        p.awaitServed("/2099/01/01/later/", "One day.");
        String draft = p.page("/2020/04/04/draft/");
        assertTrue(draft.contains(">Draft</span>"), draft);
        String later = p.page("/2099/01/01/later/");
        assertTrue(later.contains(">Scheduled</span>"), later);
        String home = p.page("/");
        assertTrue(home.contains("A draft") && home.contains("Later"), home);
    }

    @Test
    void aPortInUseIsReportedAndPortZeroPicksAFreeOne() throws Exception {
        Path site = tmp.resolve("site-src");
        RunningPreview.writeSite(site);
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            PortInUseException e = assertThrows(PortInUseException.class, () -> PreviewServer.start(
                    new PreviewSettings(site, "127.0.0.1", busy.getLocalPort(), true),
                    RunningPreview.printing(System.out, System.err), KilnRun.CLOCK));
            assertEquals("port " + busy.getLocalPort() + " on 127.0.0.1 is already in use", e.getMessage());
        }
        preview = new RunningPreview(site);
        assertTrue(preview.server.port() > 0);
    }

    @Test
    void stoppingEndsOpenEventStreamsAndFreesThePort() throws Exception {
        RunningPreview p = start();
        p.listen();
        int port = p.server.port();
        long started = System.nanoTime();
        p.server.close();
        long millis = (System.nanoTime() - started) / 1_000_000;
        // Generous for a loaded machine, and still shorter than the 15 s an open stream waits between keepalives.
        assertTrue(millis < 10_000, "stopping took " + millis + " ms");
        p.awaitStreamEnd();
        try (ServerSocket again = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, again.getLocalPort());
        }
    }

    @Test
    void servesNonAsciiUrlsRequestedPercentEncodedAsBrowsersSendThem() throws Exception {
        Path site = tmp.resolve("site-src");
        RunningPreview.writeSite(site);
        KilnRun.write(site.resolve("content/posts/2020-03-03-bien-démarrer.md"),
                "---\ntitle: Bien démarrer\ntags: [café, 日本語]\n---\nSee [日本語](/tags/日本語/).\n");
        preview = new RunningPreview(site);
        // A browser following href="/2020/03/03/bien-démarrer/" sends the path percent-encoded as UTF-8.
        HttpResponse<String> post = preview.get("/2020/03/03/bien-d%C3%A9marrer/");
        assertEquals(200, post.statusCode());
        assertTrue(post.body().contains("<title>Bien démarrer - Preview Test</title>"), post.body());
        assertTrue(post.body().contains("href=\"/tags/café/\""), post.body());
        assertEquals(200, preview.get("/tags/caf%C3%A9/").statusCode());
        assertEquals(200, preview.get("/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/").statusCode());
        assertTrue(preview.get("/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/feed.xml").body()
                .contains("<id>https://example.com/2020/03/03/bien-d%C3%A9marrer/</id>"));
        assertEquals(404, preview.get("/tags/caf%C3%A8/").statusCode());
    }

    @Test
    void aSiteThatFailsItsFirstBuildIsServedOnceFixed() throws Exception {
        Path site = tmp.resolve("site-src");
        RunningPreview.writeSite(site);
        KilnRun.write(site.resolve("content/posts/2020-01-01-first.md"), "---\ntitle: [oops\n---\nBody\n");
        preview = new RunningPreview(site);
        HttpResponse<String> home = preview.get("/");
        assertEquals(404, home.statusCode());
        assertTrue(home.body().contains("id=\"kiln-errors\""), home.body());
        assertTrue(preview.terminal().contains("nothing to serve until it is fixed"), preview.terminal());
        String version = preview.listen();

        preview.write("content/posts/2020-01-01-first.md", "---\ntitle: First post\n---\nThe first body.\n");
        preview.awaitNewVersion(version);
        preview.awaitServed(FIRST, "The first body.");
    }

}
