package dev.kiln.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.HeadlessChromium;
import dev.kiln.Tools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium keeps a post open while the test edits its Markdown: the text changes
 * with no navigation by the test. Chromium and chromedriver are found on PATH; where they are not
 * installed the test is skipped with a message saying what to install, and .ci/run, which installs
 * both, fails on any skipped test. Every wait is for what the page shows, bounded by {@link #WAIT}.
 */
@Timeout(240)
class LiveReloadBrowserTest {
    /** Generous: Chromium starts slowly on a loaded 2-core machine; a page that never updates still fails. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String INSTALL = "apt-get install chromium chromium-driver";

    @TempDir
    Path tmp;

    private RunningPreview preview;
    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        Path chromium = Tools.require(INSTALL, "chromium", "chromium-browser");
        Path chromedriver = Tools.require(INSTALL, "chromedriver");
        browser = HeadlessChromium.start(chromium, chromedriver, tmp.resolve("profile"), WAIT, WAIT);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (preview != null) {
            preview.close();
        }
    }

    @Test
    void anOpenPostShowsTheEditedTextWithoutNavigatingAndShowsErrorsUntilFixed() throws Exception {
        Path site = tmp.resolve("site-src");
        RunningPreview.writeSite(site);
        preview = new RunningPreview(site);
        String url = "http://127.0.0.1:" + preview.server.port() + "/2020/01/01/first/";
        browser.get(url);
        assertTrue(body().contains("The first body."), body());
        // Each edit makes the page reload (or replaces the overlay) while the test reads it: every read
        // is one script, and every wait is for what the page shows, through any reload.
        WebDriverWait wait = HeadlessChromium.waitThroughReloads(browser, WAIT);
        wait.until(d -> preview.server.openEventStreams() > 0); // the page is listening
        // A mark only this page load has: if it is gone, the page reloaded by itself.
        ((JavascriptExecutor) browser).executeScript("window.kilnTestMark = 1;");

        preview.write("content/posts/2020-01-01-first.md", "---\ntitle: First post\ntags: [java]\n---\nThe edited body.\n");
        wait.withMessage(() -> "the edit never showed; the page: " + quietly(this::body))
                .until(d -> body().contains("The edited body."));
        assertEquals(url, browser.getCurrentUrl());
        // Read through a reload still under way (a second rebuild of the same edit makes one).
        Optional<Object> mark = wait.until(d -> Optional.ofNullable(((JavascriptExecutor) d).executeScript("return window.kilnTestMark;")));
        assertEquals(Optional.empty(), mark, "the page reloaded: this page load has no mark");

        preview.write("content/posts/2020-01-01-first.md", "---\ntitle: First post\ntags: [java\n---\nTyping...\n");
        // The overlay is replaced by every errors event (a half-written file may send one first): wait for this error.
        String position = "content/posts/2020-01-01-first.md:3:7";
        wait.withMessage(() -> "no overlay naming " + position + "; it shows: " + quietly(this::overlay))
                .until(d -> overlay() != null && overlay().contains(position));
        assertTrue(body().contains("The edited body."), "the last good page stays");

        preview.write("content/posts/2020-01-01-first.md", "---\ntitle: First post\ntags: [java]\n---\nThe fixed body.\n");
        wait.withMessage(() -> "the fix never showed, or the overlay stayed; the page: " + quietly(this::body))
                .until(d -> body().contains("The fixed body.") && overlay() == null);
        assertEquals(url, browser.getCurrentUrl());
    }

    private String body() {
        String text = HeadlessChromium.text(browser, "body");
        return text == null ? "" : text;
    }

    /** The error overlay's text, or null when the page shows none. */
    private String overlay() {
        return HeadlessChromium.text(browser, "kiln-errors");
    }

    /** For a failure message: what the page shows, or why it could not be read. */
    private static String quietly(java.util.function.Supplier<String> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return "(unreadable: " + e.getMessage().lines().findFirst().orElse("") + ")";
        }
    }
}
