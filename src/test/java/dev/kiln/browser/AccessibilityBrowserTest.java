package dev.kiln.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.kiln.HeadlessChromium;
import dev.kiln.KilnRun;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * This repository's site as built, and the markdown-features post for the Markdown the seed post does
 * not use, in a real headless Chromium: axe-core finds no accessibility violation on each kind of page
 * in the light and the dark color scheme, on a desktop screen and on a phone; no page scrolls sideways
 * on a 375 px wide phone; screenshots of the home page and the seed post at 375, 768 and 1280 px are
 * saved under target/screenshots/ for a person to look at.
 *
 * <p>axe-core is the one Deque bundles in its Maven artifact (see pom.xml). The sites are served from
 * small HTTP servers on 127.0.0.1 that answer a missing page with 404.html, as a real host does.
 * Skipped where Chromium or chromedriver is not on PATH (.ci/run installs both).
 */
@Timeout(300)
class AccessibilityBrowserTest {
    private static final String SEED_POST = "/2019/03/18/be-prepared-for-your-interview-at-amazon/";
    /**
     * Each kind of page a reader meets, by the name a failure uses for it: this repository's site,
     * and the post of the markdown-features golden site that uses every Markdown feature (tables,
     * code, footnotes, images, a table of contents, raw HTML).
     */
    private static final Map<String, String> PAGES = new LinkedHashMap<>();
    private static final String FEATURES = "features:";
    /** The golden sites with every kind of embed, and with an embed, giscus comments and analytics. */
    private static final String EMBEDS = "embeds:";
    private static final String COMMENTS = "comments:";

    static {
        PAGES.put("home", "/");
        PAGES.put("post", SEED_POST);
        PAGES.put("page", "/about/");
        PAGES.put("tag", "/tags/amazon/");
        PAGES.put("tags", "/tags/");
        PAGES.put("archive", "/posts/");
        PAGES.put("404", "/no-such-page/");
        PAGES.put("search", "/search/");
        PAGES.put("search results", "/search/?q=amazon");
        PAGES.put("every Markdown feature", FEATURES + "/2024/05/01/every-block/");
        PAGES.put("every kind of embed", EMBEDS + "/2026/11/01/a-talk-and-some-code/");
        PAGES.put("Mastodon and iframe embeds", EMBEDS + "/2026/11/02/elsewhere/");
        PAGES.put("embed, comments and analytics", COMMENTS + "/2026/11/05/talk/");
        PAGES.put("post in categories", "categories:/java/programming/2021/01/10/java-records/");
        PAGES.put("category", "categories:/categories/travel-notes/");
        PAGES.put("categories", "categories:/categories/");
        PAGES.put("post in a series, with related posts", "series-and-related:/2022/03/08/build-a-kiln-part-2/");
        PAGES.put("series", "series-and-related:/series/build-a-kiln/");
        PAGES.put("post folder with its photos", "post-files:/2026/11/01/trip/");
    }

    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    static Path tmp;

    static HttpServer server;
    static HttpServer featuresServer;
    static HttpServer embedsServer;
    static HttpServer commentsServer;
    /** Golden sites of other features, by the prefix their PAGES entries use: "categories:" serves sites/categories. */
    static final Map<String, HttpServer> SITES = new LinkedHashMap<>();
    static ChromeDriver browser;
    static String axe;

    @BeforeAll
    static void buildServeAndOpenBrowser() throws IOException {
        Optional<Path> chromium = onPath("chromium", "chromium-browser");
        Optional<Path> chromedriver = onPath("chromedriver");
        assumeTrue(chromium.isPresent(), "Chromium is not installed (apt-get install chromium): accessibility not checked");
        assumeTrue(chromedriver.isPresent(), "chromedriver is not installed (apt-get install chromium-driver): accessibility not checked");

        try (InputStream in = AccessibilityBrowserTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            assertNotNull(in, "axe.min.js is on the test classpath (com.deque.html.axe-core:selenium in pom.xml)");
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        Path site = tmp.resolve("site");
        KilnRun run = KilnRun.of("build", "--source", ".", "--output", site.toString());
        assertEquals(0, run.exitCode(), run.err());
        server = serve(site);
        Path features = tmp.resolve("features");
        run = KilnRun.of("build", "--source", "src/test/resources/sites/markdown-features", "--output", features.toString());
        assertEquals(0, run.exitCode(), run.err());
        featuresServer = serve(features);
        embedsServer = serve(built("embeds"));
        commentsServer = serve(built("comments-giscus"));
        for (String name : List.of("categories", "series-and-related", "post-files")) {
            SITES.put(name + ":", serve(built(name)));
        }

        browser = HeadlessChromium.start(chromium.get(), chromedriver.get(), tmp.resolve("profile"), Duration.ofSeconds(30),
                Duration.ofSeconds(60), "--hide-scrollbars", "--force-color-profile=srgb", "--window-size=1280,900");
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
        for (HttpServer http : new HttpServer[] {server, featuresServer, embedsServer, commentsServer}) {
            if (http != null) {
                http.stop(0);
            }
        }
        SITES.values().forEach(http -> http.stop(0));
    }

    /**
     * Each kind of page in each color scheme, on a desktop screen and on a phone: axe finds no violation;
     * the page really takes the scheme's background (the dark run is only worth something if the page
     * turns dark); on the 375 px phone it does not scroll sideways. One page load for all three.
     */
    @TestFactory
    Stream<DynamicTest> axeFindsNoViolationOnAnyKindOfPageInLightOrDarkColorScheme() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            for (int width : new int[] {1280, 375}) {
                for (var page : PAGES.entrySet()) {
                    tests.add(DynamicTest.dynamicTest(page.getKey() + " (" + scheme + ", " + width + " px)", () -> {
                        String what = page.getKey() + " " + page.getValue() + " in the " + scheme + " color scheme, " + width + " px wide";
                        open(page.getValue(), width, 900, scheme);
                        assertAccessible(what);
                        assertEquals(scheme.equals("dark"), script("return matchMedia('(prefers-color-scheme: dark)').matches;"), what);
                        assertEquals(scheme.equals("dark") ? "rgb(21, 23, 26)" : "rgb(255, 255, 255)",
                                script("return getComputedStyle(document.body).backgroundColor;"), what);
                        if (width == 375) {
                            assertNotWiderThanThePhone(what);
                            assertMenuOnOneRow(what);
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    private static void assertNotWiderThanThePhone(String what) {
        long scrollWidth = ((Number) script("return document.documentElement.scrollWidth;")).longValue();
        // A phone widens its layout viewport to fit content that sticks out (and shrinks the text to
        // match), so innerWidth must stay the screen's width too.
        long innerWidth = ((Number) script("return window.innerWidth;")).longValue();
        assertTrue(innerWidth == 375 && scrollWidth <= innerWidth, what + " is wider than the 375 px screen: scrollWidth "
                + scrollWidth + " px, innerWidth " + innerWidth + " px, furthest right: " + script(WIDEST_ELEMENT));
    }

    /** The theme's menu (five entries here) keeps one row on a 375 px phone, not SEARCH alone on a second one. */
    private static void assertMenuOnOneRow(String what) {
        Object tops = script("return [...document.querySelectorAll('.site-menu li')].map(li => li.getBoundingClientRect().top);");
        assertEquals(1, new java.util.HashSet<>((List<?>) tops).size(), what + ": the menu's entries start at " + tops);
    }

    @Test
    void screenshotsOfHomeAndTheSeedPostAreSavedAt375And768And1280Pixels() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        for (var page : Map.of("home", "/", "post", SEED_POST).entrySet()) {
            for (int width : new int[] {375, 768, 1280}) {
                for (String scheme : List.of("light", "dark")) {
                    open(page.getValue(), width, 900, scheme);
                    long height = ((Number) script("return document.documentElement.scrollHeight;")).longValue();
                    Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of(
                            "format", "png", "captureBeyondViewport", true,
                            "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
                    byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
                    Path file = SCREENSHOTS.resolve(page.getKey() + "-" + width + "-" + scheme + ".png");
                    Files.write(file, png);
                    assertEquals(width, pngWidth(png), file + " width");
                    assertTrue(png.length > 10_000, file + " shows a page, not a blank: " + png.length + " bytes");
                }
            }
        }
    }

    /**
     * The highlighted code of the markdown-features post: tokens take their own colours in each scheme
     * (axe above checks their contrast), copying numbered code copies the code without its numbers, and
     * screenshots of the code in both schemes are saved for a person to look at.
     */
    @Test
    void highlightedCodeIsColouredInBothSchemesAndCopiesWithoutLineNumbers() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        String post = FEATURES + "/2024/05/01/every-block/";
        Map<String, String> keywordColour = new LinkedHashMap<>();
        for (String scheme : List.of("light", "dark")) {
            open(post, 1280, 900, scheme);
            String plain = colour("code.language-python");
            String keyword = colour("code.language-python .hl-keyword");
            String string = colour("code.language-python .hl-string");
            String comment = colour("code.language-python .hl-comment");
            String number = colour("code.language-python .hl-number");
            assertEquals(5, new java.util.HashSet<>(List.of(plain, keyword, string, comment, number)).size(),
                    scheme + ": plain " + plain + ", keyword " + keyword + ", string " + string + ", comment " + comment
                            + ", number " + number);
            keywordColour.put(scheme, keyword);
            String lineNumberWidth = (String) script(
                    "return getComputedStyle(document.querySelector('code.linenos .line'), '::before').width;");
            assertTrue(lineNumberWidth.endsWith("px") && Double.parseDouble(lineNumberWidth.replace("px", "")) > 5,
                    scheme + ": line numbers take room before each line: " + lineNumberWidth);

            @SuppressWarnings("unchecked")
            List<Number> span = (List<Number>) script("""
                    const top = document.querySelector('code.language-python').closest('pre').getBoundingClientRect();
                    const end = document.querySelector('code.linenos').closest('pre').getBoundingClientRect();
                    return [Math.floor(top.left - 16), Math.floor(top.top + scrollY - 16),
                            Math.ceil(top.width + 32), Math.ceil(end.bottom - top.top + 32)];
                    """);
            Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of(
                    "format", "png", "captureBeyondViewport", true,
                    "clip", Map.of("x", span.get(0), "y", span.get(1), "width", span.get(2), "height", span.get(3), "scale", 1)));
            byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
            Path file = SCREENSHOTS.resolve("highlighted-code-" + scheme + ".png");
            Files.write(file, png);
            assertTrue(png.length > 10_000, file + " shows code, not a blank: " + png.length + " bytes");
        }
        assertTrue(!keywordColour.get("light").equals(keywordColour.get("dark")), "keywords change colour with the scheme: " + keywordColour);

        String copied = (String) script("""
                const range = document.createRange();
                range.selectNodeContents(document.querySelector('code.linenos'));
                getSelection().removeAllRanges();
                getSelection().addRange(range);
                return getSelection().toString();
                """);
        assertTrue(copied.startsWith("/** Line numbers come from") && copied.contains("@Override\npublic String greet("),
                "a copy of numbered code is the code alone:\n" + copied);
    }

    private static String colour(String selector) {
        return (String) script("return getComputedStyle(document.querySelector('" + selector + "')).color;");
    }

    // ---- helpers ----

    /** The element that sticks out furthest to the right, for the failure message. */
    private static final String WIDEST_ELEMENT = """
            let widest = null, right = 0;
            for (const e of document.querySelectorAll('body *')) {
              const r = e.getBoundingClientRect().right;
              if (r > right) { right = r; widest = e; }
            }
            if (!widest) return 'none';
            const cls = widest.className && typeof widest.className === 'string' ? '.' + widest.className.trim().replace(/\\s+/g, '.') : '';
            return '<' + widest.tagName.toLowerCase() + cls + '> right edge at ' + Math.round(right) + ' px';
            """;

    private static void open(String path, int width, int height, String scheme) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 768));
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of(
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        HttpServer http = path.startsWith(FEATURES) ? featuresServer : path.startsWith(EMBEDS) ? embedsServer
                : path.startsWith(COMMENTS) ? commentsServer : server;
        for (var site : SITES.entrySet()) {
            if (path.startsWith(site.getKey())) {
                http = site.getValue();
            }
        }
        browser.get("http://127.0.0.1:" + http.getAddress().getPort() + path.substring(path.indexOf('/')));
        // get() usually returns after the load event, but not always (a busy machine): wait for it.
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(path + " did not finish loading")
                .until(d -> "complete".equals(script("return document.readyState;")));
        if (path.contains("?q=")) { // the results come after the index loads
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                    d -> !d.findElements(By.cssSelector("#search-results li")).isEmpty());
        }
        String title = (String) script("return document.title;");
        assertEquals(path.equals("/no-such-page/"), title.startsWith("Page not found"), path + " has the title " + title);
    }

    private static Path built(String golden) {
        Path out = tmp.resolve(golden);
        KilnRun run = KilnRun.of("build", "--source", "src/test/resources/sites/" + golden, "--output", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        return out;
    }

    private static Object script(String js) {
        return browser.executeScript(js);
    }

    @SuppressWarnings("unchecked")
    private static void assertAccessible(String what) {
        browser.executeScript(axe);
        Map<String, Object> result = (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(r => done({
                  passes: r.passes.map(p => p.id),
                  violations: r.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => n.target.join(' ') + '\\n        ' + (n.failureSummary || '').replace(/\\n/g, ' '))
                  }))
                })).catch(e => done({ error: String(e) }));
                """);
        assertEquals(null, result.get("error"), "axe failed to run");
        List<String> passes = (List<String>) result.get("passes");
        assertTrue(passes.contains("color-contrast") && passes.contains("document-title"),
                "axe checked contrast and the title: " + passes);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result.get("violations");
        StringBuilder report = new StringBuilder();
        int nodes = 0;
        for (Map<String, Object> v : violations) {
            report.append("  ").append(v.get("id")).append(" (").append(v.get("impact")).append("): ")
                    .append(v.get("help")).append('\n');
            for (String node : (List<String>) v.get("nodes")) {
                report.append("      ").append(node).append('\n');
                nodes++;
            }
        }
        if (!violations.isEmpty()) {
            System.out.println("axe violations on " + what + ":\n" + report);
        }
        assertTrue(violations.isEmpty(), violations.size() + " axe violation(s) on " + nodes + " element(s) of "
                + what + ":\n" + report);
    }

    /** The width in a PNG's IHDR chunk. */
    private static int pngWidth(byte[] png) {
        return ((png[16] & 0xff) << 24) | ((png[17] & 0xff) << 16) | ((png[18] & 0xff) << 8) | (png[19] & 0xff);
    }

    /** The first of {@code names} found as an executable on PATH, as a shell would find it. */
    private static Optional<Path> onPath(String... names) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/local/bin:/usr/bin:/bin");
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    Path candidate = Path.of(dir, name);
                    if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                        return Optional.of(candidate);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Serves {@code site} on 127.0.0.1: {@code /x/} is {@code /x/index.html}, a missing file gets 404.html with 404. */
    private static HttpServer serve(Path site) throws IOException {
        // The JDK reads its request time limit once, at the JVM's first HttpServer; the preview tests that
        // run later in this JVM rely on the preview's limit (ServerLimits), so this server must not be first
        // to fix it at the JDK default (none).
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", "5");
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                Path file = site.resolve(path.substring(1) + (path.endsWith("/") ? "index.html" : "")).normalize();
                int status = 200;
                if (!file.startsWith(site) || !Files.isRegularFile(file)) {
                    file = site.resolve("404.html");
                    status = 404;
                }
                byte[] body = Files.readAllBytes(file);
                exchange.getResponseHeaders().set("Content-Type", contentType(file.getFileName().toString()));
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        http.start();
        return http;
    }

    private static String contentType(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "html" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "xml" -> "application/xml";
            case "js" -> "text/javascript; charset=utf-8";
            case "json" -> "application/json";
            default -> "application/octet-stream";
        };
    }
}
