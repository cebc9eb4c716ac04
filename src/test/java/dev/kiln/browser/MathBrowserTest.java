package dev.kiln.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.kiln.HeadlessChromium;
import dev.kiln.KilnRun;
import dev.kiln.Tools;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 22, math: a post with kramdown's math ($$…$$ inline and on its own, an align block with
 * {@code \\} row breaks) is typeset in a real headless Chromium by the KaTeX the default theme bundles,
 * every request going to the site itself; a post without math loads no renderer. A screenshot of the
 * typeset post is saved as target/screenshots/math-post.png for a person to look at.
 */
@Timeout(180)
class MathBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String INSTALL = "apt-get install chromium chromium-driver";

    @TempDir
    Path tmp;

    private HttpServer server;
    private ChromeDriver browser;
    private String base;

    @BeforeEach
    void buildServeAndOpenBrowser() throws IOException {
        Path chromium = Tools.require(INSTALL, "chromium", "chromium-browser");
        Path chromedriver = Tools.require(INSTALL, "chromedriver");
        Path source = tmp.resolve("blog");
        KilnRun.write(source.resolve("content/site.yml"), "title: Math test\nurl: https://example.com\n");
        KilnRun.write(source.resolve("content/posts/2024-01-01-math.md"), "---\ntitle: Some math\n---\n"
                + "Euler's identity, $$e^{i\\pi} + 1 = 0$$, is inline.\n\n"
                + "$$\n\\begin{align}\na &= b + c \\\\\n  &= d\n\\end{align}\n$$\n\n"
                + "A sum: $$\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}$$.\n\n"
                + "```\n\\(not typeset\\) in code\n```\n");
        KilnRun.write(source.resolve("content/posts/2024-01-02-prose.md"), "---\ntitle: Just prose\n---\nNo formulas here.\n");
        Path site = tmp.resolve("site");
        KilnRun run = KilnRun.of("build", "--source", source.toString(), "--output", site.toString());
        assertEquals(0, run.exitCode(), run.err());
        server = serve(site);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        browser = HeadlessChromium.start(chromium, chromedriver, tmp.resolve("profile"), WAIT, WAIT, "--window-size=1000,900",
                "--hide-scrollbars", "--force-color-profile=srgb");
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void mathIsTypesetWithTheBundledRendererAndNothingLeavesTheSite() throws IOException {
        open("/2024/01/01/math/");
        new WebDriverWait(browser, WAIT).withMessage("KaTeX did not typeset the formulas")
                .until(d -> ((Number) script("return document.querySelectorAll('.post-content .katex').length;")).intValue() >= 3);
        script("return document.fonts.ready.then(() => true);");

        assertEquals(3L, script("return document.querySelectorAll('.post-content .katex').length;"), "three formulas");
        assertEquals(1L, script("return document.querySelectorAll('.post-content .katex-display').length;"), "one display formula");
        assertEquals(0L, script("return document.querySelectorAll('.katex-error').length;"), "no TeX errors");
        // The align block's \\ reached KaTeX as written and broke the rows (KaTeX's MathML: two mtr).
        assertEquals(2L, script("return document.querySelectorAll('.katex-display math mtable mtr').length;"), "two rows");
        String tex = (String) script("return document.querySelector('.katex-display annotation').textContent;");
        assertTrue(tex.contains("a &= b + c \\\\"), "the TeX KaTeX got: " + tex);
        // The prose outside the typeset formulas (whose MathML keeps the TeX for screen readers) and code.
        String text = (String) script("const c = document.querySelector('.post-content').cloneNode(true);"
                + " c.querySelectorAll('.katex, pre').forEach(k => k.remove()); return c.textContent;");
        assertFalse(text.contains("\\begin") || text.contains("\\frac") || text.contains("\\("), "no raw TeX is left: " + text);
        assertEquals("\\(not typeset\\) in code\n", script("return document.querySelector('.post-content pre').textContent;"),
                "code keeps its text");
        assertEquals(Boolean.TRUE, script("return document.fonts.check('1em KaTeX_Main');"), "KaTeX's font loaded");

        List<String> requests = (List<String>) script("return performance.getEntriesByType('resource').map(e => e.name);");
        assertTrue(requests.stream().anyMatch(r -> r.endsWith("/assets/katex/katex.min.js")), requests.toString());
        assertTrue(requests.stream().anyMatch(r -> r.endsWith(".woff2")), "fonts came from the site: " + requests);
        assertTrue(requests.stream().allMatch(r -> r.startsWith(base + "/")), "every request stays on the site: " + requests);

        Files.createDirectories(Path.of("target/screenshots"));
        long height = ((Number) script("return document.documentElement.scrollHeight;")).longValue();
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", 1000, "height", height, "scale", 1)));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        Files.write(Path.of("target/screenshots/math-post.png"), png);
        assertTrue(png.length > 10_000, "the screenshot shows a page: " + png.length + " bytes");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPostWithoutMathLoadsNoRenderer() {
        open("/2024/01/02/prose/");
        List<String> requests = (List<String>) script("return performance.getEntriesByType('resource').map(e => e.name);");
        assertTrue(requests.stream().noneMatch(r -> r.contains("katex") || r.contains("math.js")), requests.toString());
        assertEquals(0L, script("return document.querySelectorAll('script[src*=katex], link[href*=katex]').length;"));
    }

    private void open(String path) {
        browser.get(base + path);
        new WebDriverWait(browser, WAIT).until(d -> "complete".equals(script("return document.readyState;")));
    }

    private Object script(String js) {
        return browser.executeScript(js);
    }

    /** Serves {@code site} on 127.0.0.1 as a host does: {@code /x/} is {@code /x/index.html}, a missing file 404. */
    private static HttpServer serve(Path site) throws IOException {
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", "5"); // see AccessibilityBrowserTest.serve
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                Path file = site.resolve(path.substring(1) + (path.endsWith("/") ? "index.html" : "")).normalize();
                if (!file.startsWith(site) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(file);
                String name = file.getFileName().toString();
                exchange.getResponseHeaders().set("Content-Type", name.endsWith(".html") ? "text/html; charset=utf-8"
                        : name.endsWith(".js") ? "text/javascript; charset=utf-8" : name.endsWith(".css") ? "text/css"
                        : name.endsWith(".woff2") ? "font/woff2" : "application/octet-stream");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        http.start();
        return http;
    }
}
