package fr.ordre.comptexpert.it.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.ordre.comptexpert.it.support.Axe;
import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.LoginPage;
import fr.ordre.comptexpert.it.support.RegistrationPages;
import fr.ordre.comptexpert.it.support.Screenshots;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The privacy notice: reached from every page's footer (sign-in, registration), French and English, accessible. */
@ExtendWith(TestEnvironment.class)
class PrivacyPageIT {

    private static final Map<String, List<String>> EXPECTED = Map.of(
            "fr",
                    List.of(
                            "Vos données personnelles",
                            "Ce que nous gardons",
                            "Pourquoi",
                            "Combien de temps",
                            "Qui les voit",
                            "Vos droits",
                            "À qui écrire",
                            "30 jours",
                            "CNIL",
                            "comptexpert@localhost"),
            "en",
                    List.of(
                            "Your personal data",
                            "What we keep",
                            "Why",
                            "For how long",
                            "Who sees it",
                            "Your rights",
                            "Whom to write to",
                            "30 days",
                            "CNIL",
                            "comptexpert@localhost"));

    @Test
    void linkedFromSignInAndRegistrationInBothLanguagesWithoutAxeViolations(TestEnvironment.Env env) {
        List<String> problems = new ArrayList<>();
        for (String language : List.of("fr", "en")) {
            for (int width : new int[] {375, 1280}) {
                WebDriver browser = Browser.open(language, width, width == 375 ? 812 : 900);
                try {
                    String authorization = env.demoClient()
                            .authorize(env.demoApp().redirectUri())
                            .url();
                    new LoginPage(browser).open(authorization);
                    browser.findElement(By.id("ordre-privacy-link")).click();
                    new LoginPage(browser).waitFor(By.id("ordre-privacy"));
                    assertEquals(
                            language, browser.findElement(By.tagName("html")).getAttribute("lang"));
                    String text = browser.findElement(By.tagName("body")).getText();
                    for (String expected : EXPECTED.get(language)) {
                        assertTrue(text.contains(expected), language + ": '" + expected + "' missing from " + text);
                    }
                    assertTrue(browser.findElements(By.id("ordre-privacy-link")).isEmpty(), "no self-link");
                    problems.addAll(Axe.violations(browser, List.of()).stream()
                            .map(v -> "privacy " + language + " " + width + ": " + v)
                            .toList());
                    if (width == 1280) {
                        problems.addAll(Screenshots.take(browser, "privacy-" + language));
                    }

                    new RegistrationPages(browser).openFromLogin(authorization);
                    assertTrue(
                            browser.findElement(By.id("ordre-privacy-link"))
                                    .getAttribute("href")
                                    .endsWith("/realms/ordre/comptexpert/confidentialite"),
                            "linked from registration");
                } finally {
                    browser.quit();
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
