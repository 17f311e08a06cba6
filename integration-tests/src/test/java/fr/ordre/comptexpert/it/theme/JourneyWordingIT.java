package fr.ordre.comptexpert.it.theme;

import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.LoginPage;
import fr.ordre.comptexpert.it.support.RegistrationPages;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages of a member's journey, in French, read for Keycloak's own words where the FAQ has others
 * ("identifiant", not "nom d'utilisateur"; "adresse e-mail", not "courriel"; a button that says what it
 * does, not "Soumettre"; an expired link that says what to do), and for notices drawn as what they are.
 */
@ExtendWith(TestEnvironment.class)
class JourneyWordingIT {

    /** Keycloak phrases that contradict the product's vocabulary or leave the person without a way forward. */
    static final List<String> FORBIDDEN = List.of("nom d'utilisateur", "courriel", "soumettre", "action expirée",
            "mise à jour du mot de passe", "vous devez changer votre mot de passe", "se déconnecter des autres appareils",
            "paramètre invalide", "nous sommes désolés", "caractère(s)", "username");

    private final List<String> problems = new ArrayList<>();

    private void read(WebDriver browser, String page) {
        String text = browser.findElement(By.tagName("body")).getText().replace('\u00A0', ' ').replace('\u202F', ' ');
        for (String phrase : FORBIDDEN) {
            if (text.toLowerCase().contains(phrase)) {
                problems.add(page + ": \"" + phrase + "\" in:\n" + text);
            }
        }
        // An alert's colour says its kind: a notice that a mail was sent is a success, never drawn as an error
        // (not even when Keycloak's authChecker.js reloads the page and the step is drawn again by a GET).
        for (WebElement alert : browser.findElements(By.cssSelector(".pf-v5-c-alert"))) {
            String classes = alert.getAttribute("class");
            boolean success = alert.getText().contains("envoyé") || alert.getText().contains("Email sent");
            if (success && (classes.contains("pf-m-danger") || !"success".equals(alert.getAttribute("data-kind")))) {
                problems.add(page + ": notice \"" + alert.getText() + "\" drawn as " + classes + " (kind " + alert.getAttribute("data-kind") + ")");
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
                ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size[0],
                        "height", size[1], "deviceScaleFactor", 1, "mobile", size[0] < 768));
                new LoginPage(browser).open(env.demoClient().authorize(env.demoApp().redirectUri()).url())
                        .waitFor(By.id("ordre-expertpass-details"));
                @SuppressWarnings("unchecked")
                Map<String, Object> layout = (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                        "function bottom(s) { return document.querySelector(s).getBoundingClientRect().bottom; }"
                                + "return {screen: window.innerHeight, login: bottom('#kc-login'), register: bottom('#kc-registration'),"
                                + " qr: document.querySelector('#ordre-expertpass-details').getBoundingClientRect().top,"
                                + " open: document.querySelector('#ordre-expertpass-details').open};");
                String where = size[0] + "x" + size[1] + ": " + layout;
                double screen = ((Number) layout.get("screen")).doubleValue();
                assertTrue(((Number) layout.get("login")).doubleValue() <= screen, "sign-in button in the first screen, " + where);
                assertTrue(((Number) layout.get("register")).doubleValue() <= screen, "registration in the first screen, " + where);
                assertTrue(((Number) layout.get("qr")).doubleValue() >= ((Number) layout.get("register")).doubleValue(),
                        "the QR panel after them, " + where);
                assertEquals(size[0] >= 768, layout.get("open"), "QR shown on a desktop, behind a button on a phone, " + where);
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void signInRegistrationSetPasswordUsedLinkForgotAndHelpSpeakComptexpert(TestEnvironment.Env env) {
        WebDriver browser = Browser.open("fr");
        try {
            String authorization = env.demoClient().authorize(env.demoApp().redirectUri()).url();
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

            String link = env.mail().await(email, 1, Duration.ofSeconds(30)).link("action-token");
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

            browser.findElement(By.linkText("Identifiant ou mot de passe oublié")).click();
            pages.await(By.id("ordre-forgot-form"));
            read(browser, "forgot");
            browser.findElement(By.id("ordre-help-link")).click();
            pages.await(By.id("ordre-help"));
            read(browser, "help");
            // From a page rendered by our providers (no authenticationSession attribute) the way back is the sign-in page.
            browser.findElement(By.id("ordre-help-back")).click();
            login.waitFor(By.id("kc-login"));
        } finally {
            browser.quit();
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }
}
