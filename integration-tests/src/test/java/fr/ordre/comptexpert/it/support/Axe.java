package fr.ordre.comptexpert.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (the npm package, fetched at build time into target/axe by the integration-tests pom) run
 * inside the page in the real browser. Only serious and critical violations are reported.
 */
public final class Axe {

    /** One rule allowed to fail on one element, with the reason: never a whole rule for a whole page. */
    public record Exception(String rule, String target, String why) {}

    private static final Set<String> REPORTED = Set.of("serious", "critical");
    private static final ObjectMapper JSON = Json.MAPPER;
    private static String source;

    private Axe() {}

    private static synchronized String source() {
        if (source == null) {
            Path file = Path.of(System.getProperty("comptexpert.axe", "target/axe/node_modules/axe-core/axe.min.js"));
            if (!Files.isReadable(file)) {
                throw new IllegalStateException(
                        "axe-core not found at " + file + ": the integration-tests build fetches it"
                                + " with npm (generate-test-resources); is npm installed?");
            }
            try {
                source = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    /** The version of axe-core the page runs, e.g. "4.10.3". */
    public static String version(WebDriver driver) {
        inject(driver);
        return (String) ((JavascriptExecutor) driver).executeScript("return axe.version;");
    }

    private static void inject(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(source());
        }
    }

    /**
     * axe on the current page at the phone and the desktop widths, with the screenshots of both
     * ({@link Screenshots#take}): one line per problem, prefixed by the page's name and the width.
     */
    public static List<String> atBothWidths(WebDriver driver, String name, List<Exception> exceptions) {
        return Screenshots.take(driver, name, size -> violations(driver, exceptions).stream()
                .map(v -> name + " at " + size.name() + " px: " + v)
                .toList());
    }

    /** Runs axe on the current page; one line per serious or critical violating element not excepted. */
    public static List<String> violations(WebDriver driver, List<Exception> exceptions) {
        inject(driver);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = ((JavascriptExecutor) driver)
                .executeAsyncScript("var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']})"
                        + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                        + ".catch(function (e) { done('ERROR ' + e); });");
        String json = String.valueOf(result);
        if (json.startsWith("ERROR ")) {
            throw new IllegalStateException("axe.run failed on " + driver.getCurrentUrl() + ": " + json);
        }
        List<String> found = new ArrayList<>();
        try {
            for (JsonNode violation : JSON.readTree(json)) {
                String rule = violation.get("id").asText();
                for (JsonNode node : violation.get("nodes")) {
                    String impact =
                            node.path("impact").asText(violation.path("impact").asText());
                    if (!REPORTED.contains(impact)) {
                        continue;
                    }
                    String target = node.get("target").toString();
                    if (exceptions.stream().anyMatch(e -> e.rule().equals(rule) && target.contains(e.target()))) {
                        continue;
                    }
                    found.add(rule + " (" + impact + ") " + target + ": "
                            + violation.get("help").asText()
                            + " | " + node.path("failureSummary").asText().replace('\n', ' ')
                            + " | " + abbreviate(node.path("html").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static String abbreviate(String html) {
        return html.length() > 200 ? html.substring(0, 200) + "…" : html;
    }
}
