package fr.ordre.comptexpert.it.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.ordre.comptexpert.it.support.Axe;
import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.LoginPage;
import fr.ordre.comptexpert.it.support.MailServer;
import fr.ordre.comptexpert.it.support.RegistrationPages;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The set-password page and the links that open it, read where people read them: in another browser than
 * the one that asked (a phone's mail app). Each link is opened in a second, fresh Chromium; the person must
 * end on our page saying the password is set, never on a Keycloak error, and "Se connecter" must work.
 */
@ExtendWith(TestEnvironment.class)
class SetPasswordIT {

    static final String NEW_PASSWORD = "Nouveau-Bilan-2026!";

    private final List<String> problems = new ArrayList<>();

    @Test
    void aRegistrationLinkOpenedInAnotherBrowserEndsOnPasswordCreatedWithAWayToSignIn(TestEnvironment.Env env) {
        String suffix = Users.suffix();
        String username = "camille." + suffix;
        String email = username + "@a11y.example";
        WebDriver asker = Browser.open("fr");
        WebDriver phone = Browser.open("fr");
        try {
            RegistrationPages pages = new RegistrationPages(asker);
            pages.openFromLogin(
                    env.demoClient().authorize(env.demoApp().redirectUri()).url());
            pages.identity("etudiant", "Autrenavigateur", "Camille", "05/05/2001", email);
            pages.identifiant(username);
            assertEquals("SENT", pages.step());
            String link = env.mail().await(email, 1, Duration.ofSeconds(30)).link(MailServer.ACTION_LINK);

            phone.get(link);
            new RegistrationPages(phone).await(By.id("password-new"));
            assertEquals(
                    "Créez votre mot de passe",
                    phone.findElement(By.id("kc-page-title")).getText());
            rulesAreShownAndTickedAsThePersonTypes(phone);
            onceNextToItsField(phone);
            check(phone, "set-password");

            new RegistrationPages(phone).setPassword(NEW_PASSWORD);
            passwordSetPageThenSignIn(env, phone, username, "Votre mot de passe est créé", "password-created");
        } finally {
            asker.quit();
            phone.quit();
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void aRecoveryLinkOpenedInAnotherBrowserEndsOnNewPasswordSavedWithAWayToSignIn(TestEnvironment.Env env) {
        String username = Users.create(env, "oubli", "etudiant", "fr", List.of());
        WebDriver asker = Browser.open("fr");
        WebDriver phone = Browser.open("fr");
        try {
            asker.get(Users.serviceAuthorization(env, "bibliordre", null));
            asker.findElement(By.linkText("Identifiant ou mot de passe oublié")).click();
            asker.findElement(By.id("username")).sendKeys(username);
            asker.findElement(By.id("ordre-forgot-submit")).click();
            new RegistrationPages(asker).await(By.id("ordre-forgot-sent"));
            String link = env.mail()
                    .await(Users.email(username), 1, Duration.ofSeconds(30))
                    .link(MailServer.ACTION_LINK);

            phone.get(link);
            new RegistrationPages(phone).await(By.id("password-new"));
            assertEquals(
                    "Choisissez un nouveau mot de passe",
                    phone.findElement(By.id("kc-page-title")).getText());
            assertTrue(phone.findElements(By.name("logout-sessions")).isEmpty(), "no \"sign out other devices\" box");
            assertEquals(
                    "Enregistrer mon nouveau mot de passe",
                    phone.findElement(By.id("ordre-password-submit")).getText());
            check(phone, "set-password-recovery");

            new RegistrationPages(phone).setPassword(NEW_PASSWORD);
            passwordSetPageThenSignIn(
                    env, phone, username, "Votre nouveau mot de passe est enregistré", "password-saved");
        } finally {
            asker.quit();
            phone.quit();
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    /** The rules are listed before any typing, and the script ticks them as the person types. */
    private static void rulesAreShownAndTickedAsThePersonTypes(WebDriver browser) {
        WebElement length = browser.findElement(By.cssSelector("#ordre-password-rules li[data-check=length]"));
        assertTrue(length.getText().contains("12 caractères"), length.getText());
        assertFalse(length.getAttribute("class").contains("ordre-rule--met"));
        browser.findElement(By.id("password-new")).sendKeys("abcdefghijkl");
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> length.getAttribute("class").contains("ordre-rule--met"));
        WebElement upper = browser.findElement(By.cssSelector("#ordre-password-rules li[data-check=upperCase]"));
        assertFalse(upper.getAttribute("class").contains("ordre-rule--met"), "no capital letter typed yet");
        browser.findElement(By.id("password-new")).clear();
    }

    /** A password the policy refuses: the server says why, once, under the field; the form stays. */
    private static void onceNextToItsField(WebDriver browser) {
        new RegistrationPages(browser).setPassword("abcdefghijklm");
        new RegistrationPages(browser).await(By.id("input-error-password-new"));
        String error = browser.findElement(By.id("input-error-password-new")).getText();
        assertFalse(error.isBlank());
        String body = browser.findElement(By.tagName("body")).getText();
        assertEquals(body.indexOf(error), body.lastIndexOf(error), "the error is shown once:\n" + body);
        assertTrue(browser.findElement(By.id("password-new"))
                .getAttribute("aria-describedby")
                .contains("input-error-password-new"));
    }

    private void passwordSetPageThenSignIn(
            TestEnvironment.Env env, WebDriver browser, String username, String title, String shot) {
        new RegistrationPages(browser).await(By.id("ordre-password-set"));
        assertEquals(title, browser.findElement(By.id("kc-page-title")).getText());
        String page = browser.findElement(By.tagName("body")).getText();
        assertFalse(page.contains("redirect_uri") || page.contains("Paramètre invalide"), page);
        check(browser, shot);

        browser.findElement(By.id("ordre-password-set-signin")).click();
        LoginPage login = new LoginPage(browser);
        login.waitFor(By.id("username"));
        login.signIn(username, NEW_PASSWORD);
        login.awaitRedirect(env.keycloak().realmUrl() + "/account");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> !d.findElement(By.tagName("body")).getText().isBlank());
        String account = browser.findElement(By.tagName("body")).getText();
        assertFalse(account.contains("Paramètre invalide") || account.contains("Invalid parameter"), account);
    }

    private void check(WebDriver browser, String name) {
        problems.addAll(Axe.atBothWidths(browser, name, List.of()));
    }
}
