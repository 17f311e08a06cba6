package fr.ordre.comptexpert.it.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Debian Chromium through its own chromedriver: nothing is downloaded at test time. */
public final class Browser {

    private static final String CHROMIUM = System.getProperty("comptexpert.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("comptexpert.chromedriver", "/usr/bin/chromedriver");

    private Browser() {}

    public static WebDriver open(String language, int width, int height) {
        return open(language, width, height, java.util.List.of());
    }

    /** With more Chromium switches (e.g. a fake camera fed from a file, another user agent). */
    public static WebDriver open(String language, int width, int height, java.util.List<String> switches) {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException(
                    "Chromium is required for the browser tests: apt-get install chromium chromium-driver"
                            + " (looked for " + CHROMIUM + " and " + CHROMEDRIVER + ")");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=" + width + "," + height,
                "--lang=" + language);
        options.addArguments(switches);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        // The page's console is kept, for a failure message to say what the page's script reported (see consoleOf).
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** What the page's script wrote to the console (and its uncaught errors) since the last call: for failure messages. */
    public static String consoleOf(WebDriver driver) {
        try {
            StringBuilder out = new StringBuilder();
            for (org.openqa.selenium.logging.LogEntry entry :
                    driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)) {
                out.append('\n').append(entry.getLevel()).append(' ').append(entry.getMessage());
            }
            return out.toString();
        } catch (RuntimeException e) {
            return "\n(console unavailable: " + e.getMessage() + ")";
        }
    }

    public static WebDriver open(String language) {
        return open(language, 1280, 900);
    }
}
