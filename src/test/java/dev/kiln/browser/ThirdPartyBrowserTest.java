package dev.kiln.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.kiln.HeadlessChromium;
import dev.kiln.KilnRun;
import dev.kiln.Tools;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 23: a post with an embed, giscus comments and Plausible analytics configured makes no request
 * to another site until the reader clicks. Every request the page and its frames make is read from
 * Chromium's DevTools performance log (Network.requestWillBeSent), before and after the click; requests
 * that leave the site go to a local proxy that refuses them, so the test needs no network.
 */
@Timeout(180)
class ThirdPartyBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String INSTALL = "apt-get install chromium chromium-driver";
    private static final String POST = "/2026/11/05/talk/";

    @TempDir
    Path tmp;

    private HttpServer server;
    private RecordingProxy proxy;
    private ChromeDriver browser;
    private String base;

    @BeforeEach
    void buildServeAndOpenBrowser() throws IOException {
        Path chromium = Tools.require(INSTALL, "chromium", "chromium-browser");
        Path chromedriver = Tools.require(INSTALL, "chromedriver");
        Path site = tmp.resolve("site");
        KilnRun run = KilnRun.of("build", "--source", "src/test/resources/sites/comments-giscus", "--output", site.toString());
        assertEquals(0, run.exitCode(), run.err());
        server = serve(site);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        proxy = new RecordingProxy();
        browser = HeadlessChromium.start(chromium, chromedriver, tmp.resolve("profile"), WAIT, WAIT, true, "--window-size=1000,900",
                "--proxy-server=http://127.0.0.1:" + proxy.port(), "--proxy-bypass-list=127.0.0.1");
    }

    @AfterEach
    void close() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop(0);
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void nothingLeavesTheSiteBeforeAClickThenOnlyWhatWasClicked() throws Exception {
        browser.get(base + POST);
        new WebDriverWait(browser, WAIT).until(d -> "complete".equals(browser.executeScript("return document.readyState;")));
        // What a page loads by itself it loads by now: scripts are deferred, nothing waits for a timer.
        Thread.sleep(1500);
        assertEquals(List.of(), elsewhere(), "requests to other sites before any click");
        List<String> resources = (List<String>) browser.executeScript("return performance.getEntriesByType('resource').map(e => e.name);");
        assertTrue(resources.stream().allMatch(r -> r.startsWith(base + "/")), "every request stays on the site: " + resources);
        assertEquals(0L, browser.executeScript("return document.querySelectorAll('iframe').length;"));
        assertEquals(Boolean.FALSE, browser.executeScript("return document.querySelector('.comments-frame').hidden;"),
                "the script shows the comments' button");

        browser.findElement(By.cssSelector(".embed-card")).click();
        new WebDriverWait(browser, WAIT).withMessage("the click did not load the player")
                .until(d -> elsewhere().contains("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"));
        assertEquals("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
                browser.executeScript("return document.querySelector('iframe.embed-frame').src;"));
        assertEquals("Never gonna give you up", browser.executeScript("return document.querySelector('iframe.embed-frame').title;"));
        assertEquals(Boolean.TRUE, browser.executeScript("return document.activeElement.matches('iframe.embed-frame');"), "focus moves to the player");
        new WebDriverWait(browser, WAIT).withMessage("the reader's click did not start the analytics")
                .until(d -> elsewhere().contains("https://plausible.io/js/script.js"));
        assertEquals("giscus.example.org", browser.executeScript("return document.querySelector('script[src=\"https://plausible.io/js/script.js\"]').dataset.domain;"));

        assertEquals(List.of("https://plausible.io/js/script.js", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
                elsewhere().stream().distinct().sorted().toList(), "only what the reader asked for: the comments are further down");

        browser.executeScript("window.scrollTo(0, document.body.scrollHeight);");
        new WebDriverWait(browser, WAIT).withMessage("scrolling to the comments did not load them")
                .until(d -> elsewhere().contains("https://giscus.app/client.js"));
        assertEquals("ada/blog-comments", browser.executeScript("return document.querySelector('script[src=\"https://giscus.app/client.js\"]').dataset.repo;"));
    }

    @Test
    void theCommentsButtonLoadsThemWithoutScrolling() throws Exception {
        browser.get(base + POST);
        new WebDriverWait(browser, WAIT).until(d -> "complete".equals(browser.executeScript("return document.readyState;")));
        browser.executeScript("document.querySelector('.comments-button').click();");
        new WebDriverWait(browser, WAIT).withMessage("the button did not load the comments")
                .until(d -> elsewhere().contains("https://giscus.app/client.js"));
        assertEquals(List.of("https://giscus.app/client.js"), elsewhere().stream().distinct().toList(),
                "a script's click is no reader's gesture: no analytics, no player");
        assertEquals(0L, browser.executeScript("return document.querySelectorAll('.comments-button').length;"), "the button is gone");
    }

    private static final Json JSON = new Json();
    private final List<String> requested = new java.util.ArrayList<>();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** Every URL the page and its frames requested so far that is not on the site (data: and the like aside). */
    private List<String> elsewhere() {
        for (org.openqa.selenium.logging.LogEntry entry : browser.manage().logs().get("performance")) {
            // Read as JSON, not with a pattern: Chromium 150's events hold values long enough to overflow a regex's stack.
            Map<String, Object> message = asMap(asMap(JSON.toType(entry.getMessage(), Map.class)).get("message"));
            if ("Network.requestWillBeSent".equals(message.get("method"))) {
                Object url = asMap(asMap(message.get("params")).get("request")).get("url");
                if (url instanceof String u) {
                    requested.add(u);
                }
            }
        }
        return requested.stream().filter(u -> u.startsWith("http") && !u.startsWith(base + "/")).toList();
    }

    /** An HTTP proxy that records the first line of each request (CONNECT host:port, or GET url) and refuses it. */
    private static final class RecordingProxy implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<String> requests = new CopyOnWriteArrayList<>();
        private final Thread thread;

        RecordingProxy() throws IOException {
            thread = new Thread(this::serve, "recording-proxy");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        List<String> requests() {
            return List.copyOf(requests);
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    client.setSoTimeout(5000);
                    InputStream in = client.getInputStream();
                    StringBuilder line = new StringBuilder();
                    for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                        line.append((char) c);
                    }
                    String first = line.toString().strip();
                    if (!first.isEmpty()) {
                        String[] parts = first.split(" ");
                        requests.add(parts[0] + " " + (parts.length > 1 ? parts[1] : ""));
                    }
                    OutputStream out = client.getOutputStream();
                    out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // a client that went away, or the socket closed: go on or stop
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
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
                        : "application/octet-stream");
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
