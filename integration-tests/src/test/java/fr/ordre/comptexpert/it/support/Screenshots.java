package fr.ordre.comptexpert.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Full-page screenshots of the current page at a phone and a desktop width, through Chromium's
 * DevTools (device metrics emulation, capture beyond the viewport), into target/screenshots/.
 */
public final class Screenshots {

    /** A viewport: the phone one emulates a mobile device (meta viewport honoured). */
    public record Size(String name, int width, int height, boolean mobile) {}

    public static final Size PHONE = new Size("375", 375, 812, true);
    public static final Size DESKTOP = new Size("1280", 1280, 900, false);

    private Screenshots() {}

    public static Path directory() {
        return Path.of(System.getProperty("comptexpert.target", "target"), "screenshots");
    }

    /**
     * Takes name-375.png and name-1280.png; returns the problems seen (horizontal scroll on the phone).
     * The browser is left at its own size afterwards.
     */
    public static List<String> take(WebDriver driver, String name) {
        return take(driver, name, size -> List.of());
    }

    /**
     * As {@link #take(WebDriver, String)}, and at each size, once the page is laid out, {@code atEachSize} (e.g. an
     * axe run), whose problems are added.
     */
    public static List<String> take(
            WebDriver driver, String name, java.util.function.Function<Size, List<String>> atEachSize) {
        List<String> problems = new ArrayList<>();
        ChromeDriver chrome = (ChromeDriver) driver;
        try {
            for (Size size : List.of(PHONE, DESKTOP)) {
                chrome.executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of(
                                "width",
                                size.width(),
                                "height",
                                size.height(),
                                "deviceScaleFactor",
                                1,
                                "mobile",
                                size.mobile()));
                settle(driver);
                problems.addAll(atEachSize.apply(size));
                if (size == PHONE) {
                    Map<?, ?> widths = (Map<?, ?>)
                            ((JavascriptExecutor) driver)
                                    .executeScript(
                                            "var e = document.documentElement;"
                                                    + "return {scroll: e.scrollWidth, client: e.clientWidth, body: document.body.scrollWidth};");
                    long scroll = ((Number) widths.get("scroll")).longValue();
                    long client = ((Number) widths.get("client")).longValue();
                    if (scroll > client) {
                        problems.add(name + ": horizontal scroll at 375 px (scrollWidth " + scroll + " > clientWidth "
                                + client + ")" + widest(driver));
                    }
                }
                save(chrome, directory().resolve(name + "-" + size.name() + ".png"));
            }
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
        return problems;
    }

    private static void save(ChromeDriver chrome, Path file) {
        Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<?, ?> content = (Map<?, ?>) metrics.get("cssContentSize");
        double width = ((Number) content.get("width")).doubleValue();
        double height = Math.min(((Number) content.get("height")).doubleValue(), 8000);
        Map<String, Object> shot = chrome.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The element sticking out furthest to the right, to say what causes a horizontal scroll. */
    private static String widest(WebDriver driver) {
        Object culprit = ((JavascriptExecutor) driver)
                .executeScript(
                        "var w = document.documentElement.clientWidth, best = null, right = w;"
                                + "document.querySelectorAll('body *').forEach(function (el) {"
                                + "  var r = el.getBoundingClientRect().right; if (r > right) { right = r; best = el; } });"
                                + "return best ? best.tagName + '#' + best.id + '.' + best.className + ' right=' + right : '';");
        return culprit == null || culprit.toString().isEmpty() ? "" : ", widest: " + culprit;
    }

    /** Two animation frames: layout and paint after a viewport change. */
    private static void settle(WebDriver driver) {
        driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(10));
        ((JavascriptExecutor) driver)
                .executeAsyncScript("var done = arguments[arguments.length - 1];"
                        + "requestAnimationFrame(function () { requestAnimationFrame(function () { done(); }); });");
    }
}
