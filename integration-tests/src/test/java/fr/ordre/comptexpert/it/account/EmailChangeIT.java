package fr.ordre.comptexpert.it.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.LoginPage;
import fr.ordre.comptexpert.it.support.MailServer;
import fr.ordre.comptexpert.it.support.RealmEvents;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import fr.ordre.comptexpert.it.theme.Users;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Changing one's email (Keycloak's update-email action, as the account console's "Mettre à jour" starts it):
 * nothing changes until the new address is verified, then the old address is told, with a way to report it.
 */
@ExtendWith(TestEnvironment.class)
class EmailChangeIT {

    private static final String REALM = "/admin/realms/ordre";

    @Test
    void theAddressChangesOnlyOnceVerifiedAndTheOldOneIsTold(TestEnvironment.Env env) {
        JsonNode config = env.admin().get(REALM + "/authentication/required-actions/UPDATE_EMAIL");
        assertTrue(config.path("enabled").asBoolean(), "update-email is enabled: " + config);

        String username = Users.create(env, "email", "etudiant", "fr", List.of());
        String oldEmail = Users.email(username);
        String newEmail = username + "@nouvelle.example";
        String userId = env.admin().userByUsername("ordre", username).get("id").asText();

        WebDriver browser = Browser.open("fr");
        try {
            String url = env.demoClient().authorize(env.demoApp().redirectUri()).url() + "&kc_action=UPDATE_EMAIL";
            LoginPage login = new LoginPage(browser).open(url);
            login.signIn(username, Users.PASSWORD);
            login.waitFor(By.id("kc-update-email-form"));
            browser.findElement(By.id("email")).clear();
            browser.findElement(By.id("email")).sendKeys(newEmail);
            browser.findElement(By.id("kc-submit")).click();
            login.waitFor(By.id("kc-info-message"));
            assertTrue(browser.getPageSource().contains(newEmail), "the page says where the link went");

            MailServer.Mail verification = env.mail().await(newEmail, 1, Duration.ofSeconds(20));
            JsonNode before = env.admin().get(REALM + "/users/" + userId);
            assertEquals(oldEmail, before.get("email").asText(), "nothing changes before the new address is verified");
            assertTrue(env.mail().to(oldEmail).isEmpty(), "no notice before the change");

            browser.get(verification.link("action-token"));
            login.waitFor(By.id("kc-info-message"));
            JsonNode after = env.admin().get(REALM + "/users/" + userId);
            assertEquals(newEmail, after.get("email").asText(), "the address changes once verified");
            assertTrue(after.get("emailVerified").asBoolean());
        } finally {
            browser.quit();
        }

        MailServer.Mail notice = env.mail().await(oldEmail, 1, Duration.ofSeconds(20));
        assertEquals("L’adresse e-mail de votre Comptexpert a été changée".replace('’', '\''), notice.subject());
        assertTrue(notice.text().contains(username), "the notice names the identifiant: " + notice.text());
        String masked = newEmail.charAt(0) + "…@nouvelle.example";
        assertTrue(notice.text().contains(masked), "the new address, masked: " + notice.text());
        assertFalse(
                notice.text().contains(newEmail) || notice.html().contains(newEmail), "never the whole new address");
        assertTrue(
                notice.html().contains("mailto:") && notice.html().contains("Signaler ce changement"),
                "a way to report it: " + notice.html());
        RealmEvents.await(env, "UPDATE_EMAIL", userId, null);
    }
}
