package fr.ordre.comptexpert.it.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.LoginPage;
import fr.ordre.comptexpert.it.support.OidcClient;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The harness is real: a browser signs a demo user in through the realm "ordre" on the real server. */
@ExtendWith(TestEnvironment.class)
class FoundationIT {

    @Test
    void demoUserSignsInWithPkceThroughTheOrdreLoginPage(TestEnvironment.Env env) {
        OidcClient client = env.demoClient();
        OidcClient.Authorization authorization = client.authorize(env.demoApp().redirectUri());
        WebDriver browser = Browser.open("fr");
        try {
            LoginPage login = new LoginPage(browser).open(authorization.url());
            assertEquals(
                    "fr",
                    browser.findElement(By.tagName("html")).getAttribute("lang"),
                    "French is the realm's default language");
            assertTrue(browser.getPageSource().contains("/login/ordre/"), "the page is rendered by theme 'ordre'");

            login.signIn("marie.lefevre", "Comptexpert-Demo-2026!");
            String callback = login.awaitRedirect(env.demoApp().redirectUri());

            JsonNode tokens = client.exchange(authorization, callback);
            JsonNode idToken = OidcClient.claims(tokens.get("id_token").asText());
            assertEquals("marie.lefevre", idToken.get("preferred_username").asText());
            assertEquals(env.keycloak().realmUrl(), idToken.get("iss").asText());
            assertEquals("comptexpert-demo", idToken.get("aud").asText());
            assertTrue(tokens.hasNonNull("refresh_token"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void realmUsesTheOrdreThemesAndFrenchFirst(TestEnvironment.Env env) {
        JsonNode realm = env.admin().get("/admin/realms/ordre");
        assertEquals("ordre", realm.get("loginTheme").asText());
        assertEquals("ordre", realm.get("emailTheme").asText());
        assertEquals("fr", realm.get("defaultLocale").asText());
    }

    @Test
    void ourProvidersAreLoaded(TestEnvironment.Env env) {
        JsonNode providers = env.admin().get("/admin/serverinfo").get("providers");
        List<String> realmResources = new ArrayList<>();
        providers.get("realm-restapi-extension").get("providers").fieldNames().forEachRemaining(realmResources::add);
        assertTrue(realmResources.contains("comptexpert"), "realm resource 'comptexpert' in " + realmResources);
    }
}
