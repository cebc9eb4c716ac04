package dev.kiln.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page of a built site, served under its baseurl as a host would, in a real headless
 * Chromium: a reader types, and the posts holding the words are listed with their links, title
 * matches first; the keyboard moves through them; titles from the index show as text, never as HTML.
 */
@Timeout(300)
class SearchBrowserTest {
    private static final String INSTALL = "apt-get install chromium chromium-driver";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path tmp;

    // One site and one browser for the class: each test starts by opening a page of its own.
    private static HttpServer server;
    private static WebDriver browser;
    private static String base;

    @BeforeAll
    static void buildServeAndOpenBrowser() throws IOException {
        Path chromium = Tools.require(INSTALL, "chromium", "chromium-browser");
        Path chromedriver = Tools.require(INSTALL, "chromedriver");
        Path source = tmp.resolve("blog");
        KilnRun.write(source.resolve("content/site.yml"), "title: Search test\nurl: https://example.com\nbaseurl: /blog\n");
        KilnRun.write(source.resolve("content/posts/2019-03-18-interviews.md"), "---\ntitle: Preparing for interviews\n"
                + "tags: [career]\n---\nBring a notebook. Somewhere in this body is the word xylophone, and nowhere else.\n");
        KilnRun.write(source.resolve("content/posts/2019-01-01-notebook.md"), "---\ntitle: My notebook\n---\n"
                + "Paper and pens.\n");
        KilnRun.write(source.resolve("content/posts/2019-05-01-dessert.md"), "---\ntitle: Dessert\ntags: [cooking]\n---\n"
                + "A crème brûlée, slowly.\n");
        KilnRun.write(source.resolve("content/posts/2019-06-01-markup.md"), "---\n"
                + "title: 'Pasta <img src=x onerror=\"window.injected=1\"> & sauce'\n---\nBoil the pasta.\n");
        KilnRun.write(source.resolve("content/posts/2019-07-01-draft.md"), "---\ntitle: Draft\ndraft: true\n---\n"
                + "The xylophone of a draft.\n");
        Path site = tmp.resolve("site");
        KilnRun run = KilnRun.of("build", "--source", source.toString(), "--output", site.toString());
        assertEquals(0, run.exitCode(), run.err());
        server = serve(site, "/blog");
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/blog";

        browser = HeadlessChromium.start(chromium, chromedriver, tmp.resolve("profile"), WAIT, WAIT, "--window-size=1280,900");
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aWordOfOnePostsBodyListsThatPostAloneWithItsLinkDateAndSnippet() {
        browser.get(base + "/");
        browser.findElement(By.cssSelector(".site-menu a[href='/blog/search/']")).click();
        wait(d -> d.getCurrentUrl().equals(base + "/search/"));
        WebElement input = browser.findElement(By.cssSelector("input[type=search]"));
        assertEquals("Search for", browser.findElement(By.cssSelector("label[for=" + input.getAttribute("id") + "]")).getText());
        input.sendKeys("xylophone");
        wait(d -> status().equals("1 result for “xylophone”."));
        List<WebElement> results = results();
        assertEquals(1, results.size(), "only the published post holding the word: " + texts(results));
        WebElement link = results.get(0).findElement(By.tagName("a"));
        assertEquals("Preparing for interviews", link.getText());
        assertEquals(base + "/2019/03/18/interviews/", link.getAttribute("href"));
        assertEquals("March 18, 2019", results.get(0).findElement(By.tagName("time")).getText());
        String snippet = results.get(0).findElement(By.className("search-snippet")).getText();
        assertTrue(snippet.contains("is the word xylophone, and nowhere else."), snippet);
        assertEquals("xylophone", results.get(0).findElement(By.tagName("mark")).getText());
        assertEquals(base + "/search/?q=xylophone", browser.getCurrentUrl(), "the address keeps the query");

        input.clear();
        input.sendKeys("BRULEE");
        wait(d -> status().equals("1 result for “BRULEE”."));
        assertEquals("Dessert", results().get(0).findElement(By.tagName("a")).getText(), "case and accents do not matter");

        input.clear();
        input.sendKeys("nothing-like-this");
        wait(d -> status().equals("No results for “nothing-like-this”."));
        assertEquals(0, results().size());
    }

    @Test
    void titleMatchesComeFirstAndTheKeyboardMovesThroughTheResults() {
        browser.get(base + "/search/?q=notebook");
        wait(d -> status().equals("2 results for “notebook”."));
        WebElement input = browser.findElement(By.id("search-input"));
        assertEquals("notebook", input.getAttribute("value"), "the query from the address is searched");
        assertEquals(List.of("My notebook", "Preparing for interviews"), titles(), "the title match first, though older");

        input.click();
        input.sendKeys(Keys.ARROW_DOWN);
        assertEquals("My notebook", focused().getText());
        focused().sendKeys(Keys.ARROW_DOWN);
        assertEquals("Preparing for interviews", focused().getText());
        focused().sendKeys(Keys.ARROW_UP);
        focused().sendKeys(Keys.ARROW_UP);
        assertEquals("search-input", focused().getAttribute("id"), "up from the first result is the search box");
        input.sendKeys(Keys.TAB);
        assertEquals("My notebook", focused().getText(), "Tab goes from the box to the results");
        input.click();
        input.sendKeys(Keys.ENTER);
        assertEquals("My notebook", focused().getText(), "Enter in the box goes to the first result");
        focused().sendKeys(Keys.ENTER);
        wait(d -> d.getCurrentUrl().equals(base + "/2019/01/01/notebook/") && d.getTitle().startsWith("My notebook"));
    }

    @Test
    void titlesFromTheIndexShowAsTextNeverAsHtml() {
        browser.get(base + "/search/");
        WebElement input = browser.findElement(By.id("search-input"));
        input.sendKeys("pasta");
        wait(d -> status().equals("1 result for “pasta”."));
        assertEquals("Pasta <img src=x onerror=\"window.injected=1\"> & sauce", titles().get(0));
        assertEquals(0, browser.findElements(By.cssSelector("#search-results img")).size());
        assertEquals(null, ((JavascriptExecutor) browser).executeScript("return window.injected === undefined ? null : 1;"));
    }

    // ---- helpers ----

    private void wait(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, WAIT).until(condition::apply);
    }

    private String status() {
        return browser.findElement(By.id("search-status")).getText();
    }

    private List<WebElement> results() {
        return browser.findElements(By.cssSelector("#search-results > li"));
    }

    private List<String> titles() {
        return results().stream().map(r -> r.findElement(By.tagName("a")).getText()).toList();
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    /** Serves {@code site} under {@code prefix} as a host does: {@code /x/} is {@code /x/index.html}, anything else 404. */
    private static HttpServer serve(Path site, String prefix) throws IOException {
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", "5"); // see AccessibilityBrowserTest.serve
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                Path file = null;
                if (path.startsWith(prefix + "/")) {
                    String inSite = path.substring(prefix.length() + 1);
                    file = site.resolve(inSite + (path.endsWith("/") ? "index.html" : "")).normalize();
                }
                if (file == null || !file.startsWith(site) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(file);
                String name = file.getFileName().toString();
                exchange.getResponseHeaders().set("Content-Type", name.endsWith(".html") ? "text/html; charset=utf-8"
                        : name.endsWith(".js") ? "text/javascript; charset=utf-8"
                        : name.endsWith(".json") ? "application/json" : name.endsWith(".css") ? "text/css" : "application/octet-stream");
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
