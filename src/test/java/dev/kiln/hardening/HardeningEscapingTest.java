package dev.kiln.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, point 3: every value from front matter or site.yml shows as text, in every page and file
 * that prints it; raw HTML in Markdown is the author's own and stays, unless site.yml sets safe_mode.
 * (javascript: in background is refused: see errors/escaping-javascript-background.)
 */
class HardeningEscapingTest {
    private static final String PAYLOAD = "\"><script>alert(1)</script>";
    private static final String ESCAPED = "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;";

    @TempDir
    Path site;

    private static String yamlQuoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @Test
    void aHostileTitleShowsAsTextOnEveryPageThatPrintsIt() {
        String q = yamlQuoted(PAYLOAD);
        KilnRun.write(site.resolve("content/site.yml"), "title: " + q + "\ndescription: " + q + "\nauthor: " + q
                + "\nurl: https://example.com\n");
        KilnRun.write(site.resolve("content/posts/2020-05-01-attack.md"), "---\ntitle: " + q + "\nsubtitle: " + q
                + "\ndescription: " + q + "\nauthor: " + q + "\ntags: [" + q + ", plain]\n---\nA harmless body.\n");
        KilnRun.write(site.resolve("content/about.md"), "---\ntitle: " + q + "\n---\nAbout.\n");

        KilnRun run = KilnRun.of("build", "--source", site.toString());
        assertEquals(0, run.exitCode(), run.err());

        Map<String, byte[]> files = KilnRun.files(site.resolve("site"));
        for (var file : files.entrySet()) {
            String text = new String(file.getValue(), StandardCharsets.UTF_8);
            assertFalse(text.contains("<script>alert(1)"), file.getKey() + " prints the title as HTML");
        }
        String tagSlug = "script-alert-1-script";
        List<String> pagesWithTheTitle = List.of("2020/05/01/attack/index.html", "index.html", "posts/index.html",
                "tags/" + tagSlug + "/index.html", "tags/plain/index.html", "about/index.html");
        for (String page : pagesWithTheTitle) {
            String html = new String(files.get(page), StandardCharsets.UTF_8);
            assertTrue(html.contains(ESCAPED), page + " shows the title as text");
        }
        String post = new String(files.get("2020/05/01/attack/index.html"), StandardCharsets.UTF_8);
        assertTrue(post.contains("<h1 class=\"masthead-title\">" + ESCAPED + "</h1>"), post);
        assertTrue(post.contains("<meta property=\"og:title\" content=\"" + ESCAPED + "\">"), post);
        assertTrue(post.contains("<meta property=\"og:description\" content=\"" + ESCAPED + "\">"), post);
        assertTrue(post.contains("<meta name=\"author\" content=\"" + ESCAPED + "\">"), post);
        assertTrue(post.contains("<meta property=\"article:tag\" content=\"" + ESCAPED + "\">"), post);
        assertTrue(post.contains("<title>" + ESCAPED + " - " + ESCAPED + "</title>"), post);
        String tags = new String(files.get("tags/index.html"), StandardCharsets.UTF_8);
        assertTrue(tags.contains(ESCAPED), tags);
        if (files.containsKey("feed.xml")) {
            String feed = new String(files.get("feed.xml"), StandardCharsets.UTF_8);
            assertTrue(feed.contains("&amp;lt;script&amp;gt;alert(1)"), "type=html title, escaped twice: " + feed);
        }
    }

    private static final String HOSTILE_BODY = """
            Raw HTML: <span class="note">kept unless safe</span> and <b onclick="alert(2)">bold</b>.

            <script>alert(3)</script>

            <img src="x" onerror="alert(4)">

            [plain](javascript:alert(5)) [cased](JaVaScRiPt:alert(6)) ![img](javascript:alert(7))
            [vb](vbscript:msgbox(8)) [data](data:text/html;base64,PHNjcmlwdD4=)

            [attribute list](/ok/){:onclick="alert(9)" style="color:red"} [fine](/ok/){:target="_blank"}
            """;

    private String buildPost(boolean safeMode) {
        KilnRun.write(site.resolve("content/site.yml"), "title: Safe\nsafe_mode: " + safeMode + "\n");
        KilnRun.write(site.resolve("content/posts/2020-05-01-body.md"), "---\ntitle: Body\n---\n" + HOSTILE_BODY);
        KilnRun run = KilnRun.of("build", "--source", site.toString(), "--no-check-links");
        assertEquals(0, run.exitCode(), run.err());
        String page = KilnRun.read(site.resolve("site/2020/05/01/body/index.html"));
        return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
    }

    @Test
    void safeModeStripsRawHtmlAndScriptUrlsFromMarkdown() {
        String html = buildPost(true);
        String lower = html.toLowerCase(Locale.ROOT);
        for (String forbidden : List.of("<script", "<span", "onclick", "onerror", "javascript:", "vbscript:", "data:text",
                "style=", "alert(3)")) {
            assertFalse(lower.contains(forbidden), forbidden + " in safe mode:\n" + html);
        }
        assertTrue(html.contains("<a href=\"/ok/\" target=\"_blank\" rel=\"noopener\">fine</a>"), html);
        assertTrue(html.contains("bold"), "the text of stripped elements stays: " + html);
    }

    @Test
    void withoutSafeModeRawHtmlIsTheAuthorsOwnAndStays() {
        String html = buildPost(false);
        assertTrue(html.contains("<span class=\"note\">kept unless safe</span>"), html);
        assertTrue(html.contains("<script>alert(3)</script>"), html);
    }
}
