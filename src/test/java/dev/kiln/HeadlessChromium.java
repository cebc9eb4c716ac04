package dev.kiln;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

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
        List<String> arguments = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"));
        arguments.addAll(List.of(extraArguments));
        arguments.add("--user-data-dir=" + profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toString());
        options.addArguments(arguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withTimeout(wait)
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(wait).scriptTimeout(scriptWait);
        return browser;
    }
}
