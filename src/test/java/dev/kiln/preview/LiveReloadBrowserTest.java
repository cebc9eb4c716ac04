package dev.kiln.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium keeps a post open while the test edits its Markdown: the text changes
 * with no navigation by the test. Skipped where Chromium or chromedriver is not installed
 * (.ci/run installs both).
 */
@Timeout(90)
class LiveReloadBrowserTest {
    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @TempDir
    Path tmp;

    private RunningPreview preview;
    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        String chromium = CHROMIUM.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        assumeTrue(chromium != null, "Chromium is not installed (apt-get install chromium)");
        assumeTrue(Files.isExecutable(Path.of(CHROMEDRIVER)), "chromedriver is not installed (apt-get install chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + tmp.resolve("profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30))
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20)).scriptTimeout(Duration.ofSeconds(10));
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
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(d -> preview.server.openEventStreams() > 0); // the page is listening
        // A mark only this page load has: if it is gone, the page reloaded by itself.
        ((JavascriptExecutor) browser).executeScript("window.kilnTestMark = 1;");

        preview.write("content/posts/2020-01-01-first.md", "---\ntitle: First post\ntags: [java]\n---\nThe edited body.\n");
        wait.until(d -> body().contains("The edited body."));
        assertEquals(url, browser.getCurrentUrl());
        assertEquals(null, ((JavascriptExecutor) browser).executeScript("return window.kilnTestMark;"));

        preview.write("content/posts/2020-01-01-first.md", "---\ntitle: First post\ntags: [java\n---\nTyping...\n");
        wait.until(d -> !d.findElements(By.id("kiln-errors")).isEmpty());
        String overlay = browser.findElement(By.id("kiln-errors")).getText();
        assertTrue(overlay.contains("content/posts/2020-01-01-first.md:3:7"), overlay);
        assertTrue(body().contains("The edited body."), "the last good page stays");

        preview.write("content/posts/2020-01-01-first.md", "---\ntitle: First post\ntags: [java]\n---\nThe fixed body.\n");
        wait.until(d -> body().contains("The fixed body.") && d.findElements(By.id("kiln-errors")).isEmpty());
        assertEquals(url, browser.getCurrentUrl());
    }

    private String body() {
        return browser.findElement(By.tagName("body")).getText();
    }
}
