package dev.kiln;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's Chromium driven through chromedriver, headless and quiet, as every browser test starts it. */
public final class HeadlessChromium {
    private HeadlessChromium() {}

    /**
     * @param profile a fresh folder for the browser's profile
     * @param wait how long starting the driver and loading a page may take
     * @param scriptWait how long an asynchronous script may take
     * @param extraArguments further Chromium switches, such as a window size
     */
    public static ChromeDriver start(Path chromium, Path chromedriver, Path profile, Duration wait, Duration scriptWait,
                                     String... extraArguments) {
        return start(chromium, chromedriver, profile, wait, scriptWait, false, extraArguments);
    }

    /**
     * As {@link #start(Path, Path, Path, Duration, Duration, String...)}; with {@code performanceLog}, the
     * DevTools events of every page (requests included) are kept for {@code logs().get("performance")}.
     */
    public static ChromeDriver start(Path chromium, Path chromedriver, Path profile, Duration wait, Duration scriptWait,
                                     boolean performanceLog, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"));
        arguments.addAll(List.of(extraArguments));
        arguments.add("--user-data-dir=" + profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toString());
        options.addArguments(arguments);
        if (performanceLog) {
            options.setCapability("goog:loggingPrefs", java.util.Map.of("performance", "ALL"));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withTimeout(wait)
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(wait).scriptTimeout(scriptWait);
        return browser;
    }

    /**
     * The text of the element with {@code id} ({@code "body"}: the page's body), read in one script, so
     * no element handle is kept that a reload could leave stale; null while the page has no such element.
     */
    public static String text(WebDriver browser, String id) {
        return (String) ((JavascriptExecutor) browser).executeScript("""
                const e = arguments[0] === 'body' ? document.body : document.getElementById(arguments[0]);
                return e ? e.innerText : null;""", id);
    }

    /**
     * A wait for what a page shows while a reload may replace its document at any moment: a read that
     * fails because the document went away ("stale element", "node does not belong to the document",
     * "execution context destroyed") is tried again, up to {@code timeout}; the last such error is the
     * cause of the timeout's failure.
     */
    public static WebDriverWait waitThroughReloads(WebDriver browser, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.ignoring(WebDriverException.class);
        return wait;
    }
}
