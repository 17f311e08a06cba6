package fr.ordre.comptexpert.it.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.LoginPage;
import fr.ordre.comptexpert.it.support.MailServer;
import fr.ordre.comptexpert.it.support.OidcClient;
import fr.ordre.comptexpert.it.support.RealmEvents;
import fr.ordre.comptexpert.it.support.RegistrationPages;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Deleting one's Comptexpert (Keycloak's delete-account action, as the account console starts it): the page
 * says what is lost, the deletion is an event, and the Tableau entry (held by the account's ordreNumero) is
 * free again: the same member registers anew.
 */
@ExtendWith(TestEnvironment.class)
class AccountDeletionIT {

    // A member of the demo Tableau used by no other test.
    private static final String NOM = "Soilihi";
    private static final String PRENOM = "Hugo";
    private static final String BIRTH = "25/04/1967";
    private static final String NUMERO = "MYT-466778";
    /** The address the Tableau has on file for him: registering with it binds the entry at once. */
    private static final String EMAIL = "hugo.soilihi@cabinet-demo.fr";

    private static final String PASSWORD = "Lagon-Comptable-2026!";

    @Test
    void deletingTheAccountSaysWhatIsLostAndFreesTheTableauEntry(TestEnvironment.Env env) {
        WebDriver browser = Browser.open("fr");
        try {
            register(env, browser, "hugo.soilihi");
            String userId = env.admin()
                    .userByUsername("ordre", "hugo.soilihi")
                    .get("id")
                    .asText();

            // While the account exists, a second registration of the same member gets no Tableau right, and the
            // holder is told (issue 16: the page itself says nothing).
            clearCookies(browser);
            RegistrationPages again = new RegistrationPages(browser)
                    .openFromLogin(env.demoClient()
                            .authorize(env.demoApp().redirectUri())
                            .url());
            again.identity("expert-comptable", NOM, PRENOM, BIRTH, "autre.hugo@mayotte.example");
            again.identifiant("hugo.autre");
            assertEquals("SENT", again.step(), again.pageText());
            env.mail().awaitContaining(EMAIL, NUMERO, Duration.ofSeconds(30));
            assertFalse(
                    env.admin()
                            .userByUsername("ordre", "hugo.autre")
                            .get("attributes")
                            .has("ordreNumero"),
                    "the entry is held");

            // The account console's "Supprimer le compte" is this application-initiated action.
            clearCookies(browser);
            LoginPage login = new LoginPage(browser)
                    .open(env.demoClient()
                                    .authorize(env.demoApp().redirectUri())
                                    .url() + "&kc_action=delete_account");
            login.signIn("hugo.soilihi", PASSWORD);
            login.waitFor(By.id("kc-deleteaccount-form"));
            String confirm = browser.findElement(By.tagName("body")).getText();
            assertTrue(confirm.contains("Supprimer votre Comptexpert"), confirm);
            assertTrue(
                    confirm.contains("espaces privés des sites de l’Ordre".replace('’', '\'')),
                    "what is lost: " + confirm);
            assertTrue(confirm.contains("rattachement au Tableau"), "the Tableau link goes: " + confirm);
            assertTrue(confirm.contains("Annuler"), "a way back: " + confirm);
            browser.findElement(By.id("kc-submit")).click();
            login.waitFor(By.id("kc-info-message"));
            assertTrue(browser.findElement(By.id("kc-info-message"))
                    .getText()
                    .contains("Votre Comptexpert a été supprimé"));

            assertEquals(
                    0,
                    env.admin()
                            .get("/admin/realms/ordre/users?exact=true&username=hugo.soilihi")
                            .size(),
                    "the account is gone");
            RealmEvents.await(env, "DELETE_ACCOUNT", userId, null);

            // The entry and the email are free: the same member registers again.
            clearCookies(browser);
            register(env, browser, "hugo.soilihi2");
            JsonNode user = env.admin().userByUsername("ordre", "hugo.soilihi2");
            assertEquals(
                    NUMERO, user.get("attributes").get("ordreNumero").get(0).asText());
        } finally {
            browser.quit();
        }
    }

    /** All cookies: the browser may be on the demo app's host, and Keycloak's session cookies are on another. */
    private static void clearCookies(WebDriver browser) {
        ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** Registers the member under that identifiant, sets the password from the mail, and lands in the demo app. */
    private static void register(TestEnvironment.Env env, WebDriver browser, String identifiant) {
        int mailsBefore = env.mail().to(EMAIL).size();
        OidcClient.Authorization authorization =
                env.demoClient().authorize(env.demoApp().redirectUri());
        RegistrationPages pages = new RegistrationPages(browser).openFromLogin(authorization.url());
        pages.identity("expert-comptable", NOM, PRENOM, BIRTH, EMAIL);
        assertEquals("IDENTIFIANT", pages.step(), pages.pageText());
        pages.identifiant(identifiant);
        assertEquals("SENT", pages.step(), pages.pageText());
        MailServer.Mail mail = env.mail().await(EMAIL, mailsBefore + 1, Duration.ofSeconds(30));
        browser.get(mail.link(MailServer.ACTION_LINK));
        pages.setPassword(PASSWORD);
        new LoginPage(browser).awaitRedirect(env.demoApp().redirectUri());
    }
}
