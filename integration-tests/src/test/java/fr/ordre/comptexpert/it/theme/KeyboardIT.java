package fr.ordre.comptexpert.it.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.LoginPage;
import fr.ordre.comptexpert.it.support.QrScreen;
import fr.ordre.comptexpert.it.support.RegistrationPages;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * With the keyboard alone: Tab from the top of the page reaches every field and the submit button in
 * reading order, and each element shows a focus indicator (a computed outline or box-shadow).
 */
@ExtendWith(TestEnvironment.class)
class KeyboardIT {

    /** Reads the focused element: an id (or tag and name) and whether a focus indicator is drawn. */
    private static final String FOCUSED =
            "var e = document.activeElement; if (!e || e === document.body) { return null; }"
                    + "var s = getComputedStyle(e);"
                    + "var outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;"
                    + "var shadow = s.boxShadow && s.boxShadow !== 'none';"
                    + "return {id: e.id || (e.tagName.toLowerCase() + '[' + (e.name || e.textContent.trim().slice(0, 30)) + ']'),"
                    + " visible: outline || !!shadow, style: s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor + ' / ' + s.boxShadow};";

    private static WebDriver browser;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open("fr");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void noCookies() {
        ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** Clicks the wordmark (not focusable: the focus starting point), then presses Tab until the focus leaves the page. */
    private static List<Map<?, ?>> tabThrough() {
        new Actions(browser)
                .moveToElement(browser.findElement(By.id("kc-header-wrapper")), 0, 0)
                .click()
                .perform();
        List<Map<?, ?>> visited = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            Map<?, ?> focused = (Map<?, ?>) ((JavascriptExecutor) browser).executeScript(FOCUSED);
            if (focused == null
                    || (!visited.isEmpty() && visited.get(0).get("id").equals(focused.get("id")))) {
                break;
            }
            visited.add(focused);
        }
        return visited;
    }

    private static void assertOrderAndFocusRing(List<Map<?, ?>> visited, List<String> expected) {
        List<String> ids = visited.stream().map(f -> (String) f.get("id")).toList();
        List<String> reached =
                ids.stream().filter(expected::contains).distinct().toList();
        assertEquals(expected, reached, "Tab order was " + ids);
        List<String> invisible = visited.stream()
                .filter(f -> !Boolean.TRUE.equals(f.get("visible")))
                .map(f -> f.get("id") + " (" + f.get("style") + ")")
                .toList();
        assertEquals(List.of(), invisible, "no visible focus indicator on these, Tab order " + ids);
    }

    @Test
    void signInPage(TestEnvironment.Env env) {
        new LoginPage(browser)
                .open(env.demoClient().authorize(env.demoApp().redirectUri()).url());
        QrScreen.awaitShown(browser);
        List<Map<?, ?>> visited = tabThrough();
        assertOrderAndFocusRing(
                visited,
                List.of(
                        "login-select-toggle",
                        "username",
                        "password",
                        "kc-login",
                        "ordre-expertpass-continue",
                        "ordre-help-link"));
        assertTrue(
                visited.stream()
                        .anyMatch(f -> "a[Créez votre Comptexpert]".equals(f.get("id"))
                                || String.valueOf(f.get("id")).contains("Créez")),
                "the registration link is reachable: " + visited);
    }

    @Test
    void registrationProfileStep(TestEnvironment.Env env) {
        RegistrationPages pages = new RegistrationPages(browser);
        pages.openFromLogin(
                env.demoClient().authorize(env.demoApp().redirectUri()).url());
        assertOrderAndFocusRing(
                tabThrough(),
                List.of(
                        "login-select-toggle",
                        "profile",
                        "lastName",
                        "firstName",
                        "birthDate",
                        "numero",
                        "email",
                        "ordre-register-next",
                        "ordre-back-to-login"));

        // "Autre profil" chosen with the keyboard brings its "précisez" field into the order, after the profile,
        // and takes the Tableau's birth date and numéro out of it.
        browser.findElement(By.id("profile")).sendKeys("Autre");
        assertEquals("autre", browser.findElement(By.id("profile")).getAttribute("value"));
        assertOrderAndFocusRing(
                tabThrough(),
                List.of("profile", "profileDetail", "lastName", "firstName", "email", "ordre-register-next"));
    }
}
