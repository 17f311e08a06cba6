package fr.ordre.comptexpert.it.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.ordre.comptexpert.it.access.AccessFixtures;
import fr.ordre.comptexpert.it.support.Axe;
import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.LoginPage;
import fr.ordre.comptexpert.it.support.MailServer;
import fr.ordre.comptexpert.it.support.RegistrationPages;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The pages of a member's journey, in French, read for Keycloak's own words where the FAQ has others
 * ("identifiant", not "nom d'utilisateur"; "adresse e-mail", not "courriel"; a button that says what it
 * does, not "Soumettre"; an expired link that says what to do), and for notices drawn as what they are.
 */
@ExtendWith(TestEnvironment.class)
class JourneyWordingIT {

    /** Keycloak phrases that contradict the product's vocabulary or leave the person without a way forward. */
    static final List<String> FORBIDDEN = List.of(
            "nom d'utilisateur",
            "courriel",
            "soumettre",
            "action expirée",
            "mise à jour du mot de passe",
            "vous devez changer votre mot de passe",
            "se déconnecter des autres appareils",
            "paramètre invalide",
            "nous sommes désolés",
            "caractère(s)",
            "username");

    private final List<String> problems = new ArrayList<>();

    private void read(WebDriver browser, String page) {
        String text = browser.findElement(By.tagName("body"))
                .getText()
                .replace('\u00A0', ' ')
                .replace('\u202F', ' ');
        for (String phrase : FORBIDDEN) {
            if (text.toLowerCase().contains(phrase)) {
                problems.add(page + ": \"" + phrase + "\" in:\n" + text);
            }
        }
        // An alert's colour says its kind: a notice that a mail was sent is a success, never drawn as an error
        // (not even when Keycloak's authChecker.js reloads the page and the step is drawn again by a GET).
        for (WebElement alert : browser.findElements(By.cssSelector(".pf-v5-c-alert"))) {
            String classes = alert.getAttribute("class");
            boolean success =
                    alert.getText().contains("envoyé") || alert.getText().contains("Email sent");
            if (success && (classes.contains("pf-m-danger") || !"success".equals(alert.getAttribute("data-kind")))) {
                problems.add(page + ": notice \"" + alert.getText() + "\" drawn as " + classes + " (kind "
                        + alert.getAttribute("data-kind") + ")");
            }
        }
    }

    /** Signing in and "Créez votre Comptexpert" both in the first screen; the QR panel after them, closed on a phone. */
    @Test
    void signInAndRegistrationFitTheFirstScreenOnADesktopAndAPhone(TestEnvironment.Env env) {
        for (int[] size : new int[][] {{1280, 800}, {375, 812}}) {
            WebDriver browser = Browser.open("fr", size[0], size[1]);
            try {
                // The window size includes the browser's own bars: set the page's viewport itself.
                ((ChromeDriver) browser)
                        .executeCdpCommand(
                                "Emulation.setDeviceMetricsOverride",
                                Map.of(
                                        "width",
                                        size[0],
                                        "height",
                                        size[1],
                                        "deviceScaleFactor",
                                        1,
                                        "mobile",
                                        size[0] < 768));
                new LoginPage(browser)
                        .open(env.demoClient()
                                .authorize(env.demoApp().redirectUri())
                                .url())
                        .waitFor(By.id("ordre-expertpass-details"));
                @SuppressWarnings("unchecked")
                Map<String, Object> layout = (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) browser)
                        .executeScript(
                                "function bottom(s) { return document.querySelector(s).getBoundingClientRect().bottom; }"
                                        + "return {screen: window.innerHeight, login: bottom('#kc-login'), register: bottom('#kc-registration'),"
                                        + " qr: document.querySelector('#ordre-expertpass-details').getBoundingClientRect().top,"
                                        + " open: document.querySelector('#ordre-expertpass-details').open};");
                String where = size[0] + "x" + size[1] + ": " + layout;
                double screen = ((Number) layout.get("screen")).doubleValue();
                assertTrue(
                        ((Number) layout.get("login")).doubleValue() <= screen,
                        "sign-in button in the first screen, " + where);
                assertTrue(
                        ((Number) layout.get("register")).doubleValue() <= screen,
                        "registration in the first screen, " + where);
                assertTrue(
                        ((Number) layout.get("qr")).doubleValue() >= ((Number) layout.get("register")).doubleValue(),
                        "the QR panel after them, " + where);
                assertEquals(
                        size[0] >= 768,
                        layout.get("open"),
                        "QR shown on a desktop, behind a button on a phone, " + where);
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void signInRegistrationSetPasswordUsedLinkForgotAndHelpSpeakComptexpert(TestEnvironment.Env env) {
        WebDriver browser = Browser.open("fr");
        try {
            String authorization =
                    env.demoClient().authorize(env.demoApp().redirectUri()).url();
            LoginPage login = new LoginPage(browser).open(authorization);
            read(browser, "sign-in");
            login.signIn("marie.lefevre", "pas-le-bon-mot-de-passe");
            login.waitFor(By.id("input-error-username"));
            read(browser, "sign-in error");
            String body = browser.findElement(By.tagName("body")).getText();
            String error = browser.findElement(By.id("input-error-username")).getText();
            assertEquals(body.indexOf(error), body.lastIndexOf(error), "the sign-in error is shown once:\n" + body);

            String email = "lou." + Users.suffix() + "@a11y.example";
            RegistrationPages pages = new RegistrationPages(browser);
            pages.openFromLogin(authorization);
            read(browser, "registration profile");
            pages.identity("etudiant", "Vocabulaire", "Lou", "05/05/2001", email);
            read(browser, "registration identifiant");
            pages.identifiant(email.substring(0, email.indexOf('@')));
            assertEquals("SENT", pages.step());
            read(browser, "registration sent");

            String link = env.mail().await(email, 1, Duration.ofSeconds(30)).link(MailServer.ACTION_LINK);
            browser.get(link);
            pages.await(By.id("password-new"));
            read(browser, "set password");
            pages.setPassword("Vocabulaire-Juste-2026!");
            login.awaitRedirect(env.demoApp().redirectUri());

            ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
            browser.get(link);
            pages.await(By.id("ordre-error-signin"));
            read(browser, "used link");
            String used = browser.findElement(By.tagName("body")).getText().replace('\u00A0', ' ');
            assertTrue(used.contains("Identifiant ou mot de passe oublié"), "the used link says what to do:\n" + used);
            browser.findElement(By.id("ordre-error-signin")).click();
            login.waitFor(By.id("username"));
            read(browser, "sign-in from the used link");

            browser.findElement(By.linkText("Identifiant ou mot de passe oublié"))
                    .click();
            pages.await(By.id("ordre-forgot-form"));
            read(browser, "forgot");
            browser.findElement(By.id("ordre-help-link")).click();
            pages.await(By.id("ordre-help"));
            read(browser, "help");
            // From a page rendered by our providers (no authenticationSession attribute) the way back is the sign-in
            // page.
            browser.findElement(By.id("ordre-help-back")).click();
            login.waitFor(By.id("kc-login"));
        } finally {
            browser.quit();
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    /**
     * The account console (theme "ordre" on keycloak.v3): the Ordre's words and mark, the profile by its label,
     * no group path; axe-clean at 1280 and 375 px.
     */
    @Test
    void theAccountConsoleSpeaksComptexpertWithTheProfileByItsLabel(TestEnvironment.Env env) {
        // Through the Admin REST API (a partial import would not give the realm's default roles, which the console
        // needs).
        String username = AccessFixtures.createUser(env.admin(), "console", "expert-comptable-entreprise", "fr");
        String password = AccessFixtures.PASSWORD;
        for (int width : new int[] {1280, 375}) {
            WebDriver browser = Browser.open("fr", width, 900);
            try {
                LoginPage login = new LoginPage(browser).open(env.keycloak().realmUrl() + "/account/");
                login.signIn(username, password);
                new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30))
                        .withMessage(() -> "the profile's label in the console, " + browser.getCurrentUrl() + ":\n"
                                + browser.findElement(By.tagName("body")).getText() + "\n"
                                + dump(browser, "console-" + width) + "\n" + Browser.consoleOf(browser))
                        .until(d -> d.getPageSource().contains("value=\"Expert-comptable en entreprise\""));
                read(browser, "account console at " + width + " px");
                String text = browser.findElement(By.tagName("body")).getText();
                assertFalse(text.contains("/profils/"), "no group path:\n" + text);
                assertFalse(
                        browser.getPageSource().contains("value=\"expert-comptable-entreprise\""),
                        "the profile by its label");
                assertFalse(text.contains("Groupes"), "no group page (the theme's content.json):\n" + text);
                // An empty read-only field (this profile has no précision) is not shown (js/ordre-account.js).
                new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
                        .withMessage(() -> "empty précision hidden; scripts: "
                                + ((org.openqa.selenium.JavascriptExecutor) browser)
                                        .executeScript(
                                                "return Array.from(document.scripts).map(s => s.src).join(' ') + ' | marked: '"
                                                        + " + document.querySelectorAll('.ordre-empty-readonly').length")
                                + "\n" + Browser.consoleOf(browser))
                        .until(d -> !d.findElement(By.id("ordreProfileDetail")).isDisplayed());
                assertTrue(browser.findElement(By.id("ordreNumero")).isDisplayed(), "the numéro is shown");
                assertTrue(text.contains("Identifiant"), text);
                assertEquals(
                        List.of(),
                        Axe.violations(browser, List.of()),
                        "axe on the account console at " + width + " px");
                Object scroll = ((org.openqa.selenium.JavascriptExecutor) browser)
                        .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
                assertEquals(Boolean.FALSE, scroll, "no horizontal scroll at " + width + " px");
                if (width == 375) {
                    // docs/screenshots/account-console-*.png come from here; taken in the phone-sized window, as the
                    // console lays its header out once for the window's width (after the no-scroll check: the
                    // desktop capture leaves a header laid out for 1280 px).
                    problems.addAll(fr.ordre.comptexpert.it.support.Screenshots.take(browser, "account-console"));
                }
            } finally {
                browser.quit();
            }
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    /** The page's source in target/, for a failure's reader. */
    private static String dump(WebDriver browser, String name) {
        try {
            java.nio.file.Path file = java.nio.file.Path.of("target", name + ".html");
            java.nio.file.Files.writeString(file, browser.getPageSource());
            return "page source: " + file.toAbsolutePath();
        } catch (java.io.IOException e) {
            return "page source not written: " + e.getMessage();
        }
    }
}
