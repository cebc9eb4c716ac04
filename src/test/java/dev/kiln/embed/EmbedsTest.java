package dev.kiln.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.kiln.KilnRun;
import dev.kiln.model.Visibility;
import dev.kiln.pipeline.BuildResult;
import dev.kiln.pipeline.SiteBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embed tags as an author writes them in a post, built through the CLI: the placeholder card, the
 * script published only when a page needs it, and every bad tag as an error at its argument.
 */
class EmbedsTest {
    @TempDir
    Path site;

    private KilnRun build(String body) {
        KilnRun.write(site.resolve("content/site.yml"), "title: T\nurl: https://t.example\n");
        KilnRun.write(site.resolve("content/posts/2026-01-02-p.md"), "---\ntitle: P\n---\nIntro.\n\n" + body + "\n");
        return KilnRun.of("build", "--source", site.toString());
    }

    private String post() {
        return KilnRun.read(site.resolve("site/2026/01/02/p/index.html"));
    }

    private void refuses(String body, String message) {
        KilnRun run = build(body);
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains(message), run.err());
    }

    @Test
    void showsAPlainCardThatLinksToTheOriginalAndLoadsThePlayerOnlyThroughTheScript() {
        KilnRun run = build("{% youtube dQw4w9WgXcQ title=\"A <talk>\" %}");
        assertEquals(0, run.exitCode(), run.err());
        String html = post();
        assertTrue(html.contains("<a class=\"embed-card\" href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\" data-embed=\"youtube\" "
                + "data-embed-src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1\" data-embed-title=\"A &lt;talk&gt;\">"), html);
        assertFalse(html.contains("<iframe"), "no frame before a click");
        assertTrue(html.contains("<script src=\"/assets/js/third-party.js\" defer></script>"), html);
        assertTrue(KilnRun.files(site.resolve("site")).containsKey("assets/js/third-party.js"));
    }

    @Test
    void aSiteWithoutEmbedsGetsNeitherScriptNorStyles() {
        assertEquals(0, build("Just text.").exitCode());
        assertFalse(post().contains("third-party"));
        assertFalse(KilnRun.files(site.resolve("site")).containsKey("assets/js/third-party.js"));
        assertFalse(KilnRun.files(site.resolve("site")).containsKey("assets/css/third-party.css"));
    }

    @Test
    void acceptsHugoShortcodesAndTheirNamedArguments() {
        assertEquals(0, build("{{< youtube id=\"dQw4w9WgXcQ\" >}}\n\n{{% vimeo 76979871 %}}\n\n{{< gist octocat 6cad326836d38bd3a7ae >}}").exitCode());
        String html = post();
        assertTrue(html.contains("data-embed-src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1\""), html);
        assertTrue(html.contains("data-embed-src=\"https://player.vimeo.com/video/76979871?autoplay=1&amp;dnt=1\""), html);
        assertTrue(html.contains("data-embed-src=\"https://gist.github.com/octocat/6cad326836d38bd3a7ae.js\""), html);
    }

    @Test
    void worksInSafeModeAndWithLiquidTurnedOff() {
        KilnRun.write(site.resolve("content/site.yml"), "title: T\nurl: https://t.example\nsafe_mode: true\n");
        KilnRun.write(site.resolve("content/posts/2026-01-02-p.md"),
                "---\ntitle: P\nrender_with_liquid: false\n---\n{% vimeo 76979871 %}\n");
        assertEquals(0, KilnRun.of("build", "--source", site.toString()).exitCode());
        assertTrue(post().contains("data-embed-src=\"https://player.vimeo.com/video/76979871?autoplay=1&amp;dnt=1\""));
    }

    @Test
    void reportsABadVideoIdAtTheArgument() {
        refuses("{% youtube not-an-id %}",
                "content/posts/2026-01-02-p.md:6:12: error: 'not-an-id' is not a YouTube video id or URL");
    }

    @Test
    void reportsAnUnknownOptionAtIt() {
        refuses("{{< vimeo 76979871 autoplay=1 >}}", "content/posts/2026-01-02-p.md:6:20: error: vimeo has no option 'autoplay'");
    }

    @Test
    void reportsAnIframeWithoutTitleOrHttps() {
        refuses("{% iframe https://example.com/map %}", "6:4: error: iframe needs a title, which readers of screen readers hear");
        refuses("{% iframe http://example.com/map title=Map %}", "6:11: error: 'http://example.com/map' is not an https:// address");
    }

    @Test
    void takesAGistByItsIdAloneAsJekyllGistDoes() {
        // jekyll-gist writes https://gist.github.com/ID.js for {% gist ID %}; a file name may follow the id
        assertEquals(0, build("{% gist 1234567 %}\n\n{% gist 6cad326836d38bd3a7ae hello.rb %}").exitCode());
        String html = post();
        assertTrue(html.contains("href=\"https://gist.github.com/1234567\" data-embed=\"gist\" "
                + "data-embed-src=\"https://gist.github.com/1234567.js\" data-embed-title=\"Gist on GitHub\""), html);
        assertTrue(html.contains("data-embed-src=\"https://gist.github.com/6cad326836d38bd3a7ae.js?file=hello.rb\""), html);
    }

    @Test
    void reportsAGistThatIsNoIdAndAMastodonLinkThatIsNoPost() {
        refuses("{% gist hello %}", "6:9: error: 'hello' is not a gist id (hexadecimal digits)");
        refuses("{% mastodon https://mastodon.social/about %}", "6:13: error: 'https://mastodon.social/about' is not the address of a Mastodon post");
    }

    @Test
    void reportsAnEmbedInsideAParagraphAndAnUnclosedQuote() {
        refuses("Watch {% youtube dQw4w9WgXcQ %} now.", "6:7: error: an embed stands on a line of its own");
        refuses("{% youtube dQw4w9WgXcQ title=\"open %}", "6:30: error: the quote opened here is never closed");
    }

    @Test
    void reportsAnUnknownHugoShortcodeInKilnsWords() {
        refuses("{{< figure src=\"a.jpg\" >}}", "6:1: error: Hugo shortcode 'figure' is not supported");
    }

    @Test
    void fetchesAThumbnailTheAuthorAskedForOnceAndPublishesItInTheSite() throws Exception {
        BufferedImage image = new BufferedImage(48, 36, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/vi/", exchange -> {
            requests.incrementAndGet();
            boolean known = exchange.getRequestURI().getPath().equals("/vi/dQw4w9WgXcQ/hqdefault.jpg");
            byte[] body = known ? jpeg.toByteArray() : new byte[0];
            exchange.sendResponseHeaders(known ? 200 : 404, known ? body.length : -1);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            EmbedThumbnails local = new EmbedThumbnails(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/vi/"));
            KilnRun.write(site.resolve("content/site.yml"), "title: T\nurl: https://t.example\nbaseurl: /blog\n");
            KilnRun.write(site.resolve("content/posts/2026-01-02-p.md"), "---\ntitle: P\n---\n{% youtube dQw4w9WgXcQ thumbnail=true %}\n");
            Path out = site.resolve("site");
            Visibility now = Visibility.published(Instant.parse("2026-11-25T12:00:00Z"));
            BuildResult first = new SiteBuilder().thumbnailsFrom(local).buildInto(site, out, now, true);
            assertTrue(first.succeeded(), first.diagnostics().toString());
            assertEquals(1, requests.get());
            assertTrue(post().contains("<img class=\"embed-thumbnail\" src=\"/blog/embeds/youtube-dQw4w9WgXcQ.jpg\" alt=\"\" width=\"480\" height=\"360\""));
            assertTrue(java.util.Arrays.equals(jpeg.toByteArray(), Files.readAllBytes(out.resolve("embeds/youtube-dQw4w9WgXcQ.jpg"))));

            BuildResult second = new SiteBuilder().thumbnailsFrom(local).buildInto(site, out, now, true);
            assertTrue(second.succeeded(), second.diagnostics().toString());
            assertEquals(1, requests.get(), "the second build keeps the copy it published");

            KilnRun.write(site.resolve("content/posts/2026-01-02-p.md"), "---\ntitle: P\n---\n{% youtube aaaaaaaaaaa thumbnail=true %}\n");
            BuildResult missing = new SiteBuilder().thumbnailsFrom(local).buildInto(site, out, now, true);
            assertFalse(missing.succeeded());
            assertTrue(missing.diagnostics().get(0).message().contains("the thumbnail of YouTube video aaaaaaaaaaa: http://127.0.0.1:"),
                    missing.diagnostics().toString());
            assertTrue(missing.diagnostics().get(0).message().endsWith("/vi/aaaaaaaaaaa/hqdefault.jpg answered 404"));
        } finally {
            server.stop(0);
        }
    }
}
