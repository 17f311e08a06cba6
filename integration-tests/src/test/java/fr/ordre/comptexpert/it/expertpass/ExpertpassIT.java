package fr.ordre.comptexpert.it.expertpass;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ordre.comptexpert.companion.ExpertpassCompanion;
import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.LoginPage;
import fr.ordre.comptexpert.it.support.OidcClient;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expertpass end to end in real Chromium: enrol a phone (the companion), then sign in by scanning the QR. */
@ExtendWith(TestEnvironment.class)
class ExpertpassIT {

    @Test
    void enrolThenSignInByScanningTheQrCodeOfTheLoginPage(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "expert-comptable", true);
        ExpertpassCompanion phone = Expertpass.enrol(env, username, "Pixel de Camille");

        // The phone is a credential of the user, named after the device, and an email tells the user.
        JsonNode credentials = env.admin().get(Expertpass.REALM + "/users/" + Expertpass.userId(env, username) + "/credentials");
        JsonNode device = null;
        for (JsonNode c : credentials) {
            if ("ordre-expertpass".equals(c.get("type").asText())) {
                device = c;
            }
        }
        assertTrue(device != null, "an ordre-expertpass credential in " + credentials);
        assertEquals("Pixel de Camille", device.get("userLabel").asText());
        var mail = env.mail().await(username + "@example.org", 1, java.time.Duration.ofSeconds(20));
        assertTrue(mail.text().contains("Pixel de Camille"), mail.text());
        ExpertpassCompanion.Result listed = phone.devices();
        assertEquals(200, listed.status(), listed.toString());
        assertEquals("Pixel de Camille", listed.body().get("devices").get(0).get("deviceName").asText());

        OidcClient client = env.demoClient();
        OidcClient.Authorization authorization = client.authorize(env.demoApp().redirectUri());
        WebDriver browser = Browser.open("fr");
        try {
            LoginPage login = new LoginPage(browser).open(authorization.url());
            login.waitFor(By.id("ordre-expertpass-qr"));
            String url = Expertpass.scanQr(browser);
            assertTrue(url.contains("/comptexpert/expertpass/v1/challenges/"), url);
            assertTrue(!url.contains("session") && !url.contains("tab_id"), "no session id in the QR: " + url);

            ExpertpassCompanion.Result shown = phone.show(url);
            assertEquals(200, shown.status(), shown.toString());
            assertEquals("comptexpert-demo", shown.field("service").isEmpty() ? "" : "comptexpert-demo");
            assertTrue(shown.field("browser").startsWith("Chrome"), shown.toString());
            assertEquals("Linux", shown.field("os"));

            ExpertpassCompanion.Result approved = phone.approve(url, Expertpass.shownCode(browser));
            assertEquals(200, approved.status(), approved.toString());
            String callback = login.awaitRedirect(env.demoApp().redirectUri());

            JsonNode tokens = client.exchange(authorization, callback);
            assertEquals(username, OidcClient.claims(tokens.get("id_token").asText()).get("preferred_username").asText());
            Expertpass.assertEvent(env, "CUSTOM_REQUIRED_ACTION", Expertpass.userId(env, username), null);
        } finally {
            browser.quit();
        }
    }

    @Test
    void passwordFormStillWorksBesideTheQrPanel(TestEnvironment.Env env) {
        OidcClient client = env.demoClient();
        OidcClient.Authorization authorization = client.authorize(env.demoApp().redirectUri());
        WebDriver browser = Browser.open("en");
        try {
            LoginPage login = new LoginPage(browser).open(authorization.url());
            assertTrue(browser.getPageSource().contains("Sign in with Expertpass"));
            login.signIn("marie.lefevre", "Comptexpert-Demo-2026!");
            JsonNode tokens = client.exchange(authorization, login.awaitRedirect(env.demoApp().redirectUri()));
            assertEquals("marie.lefevre", OidcClient.claims(tokens.get("id_token").asText()).get("preferred_username").asText());
        } finally {
            browser.quit();
        }
    }

    @Test
    void denialShowsAClearMessageAndAFreshQrCode(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "stagiaire", true);
        ExpertpassCompanion phone = Expertpass.enrol(env, username, "iPhone");
        OidcClient client = env.demoClient();
        WebDriver browser = Browser.open("fr");
        try {
            new LoginPage(browser).open(client.authorize(env.demoApp().redirectUri()).url());
            String url = Expertpass.scanQr(browser);
            ExpertpassCompanion.Result denied = phone.deny(url);
            assertEquals(200, denied.status(), denied.toString());
            Expertpass.awaitText(browser, "refusée depuis le téléphone");
            String fresh = Expertpass.scanNewQr(browser, url);
            assertNotEquals(url, fresh, "a new QR code after a denial");
            Expertpass.assertEvent(env, "LOGIN_ERROR", Expertpass.userId(env, username), "ordre_expertpass_denied");
        } finally {
            browser.quit();
        }
    }

    @Test
    void withoutJavaScriptTheContinueButtonFinishesTheSignIn(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "permanent", true);
        ExpertpassCompanion phone = Expertpass.enrol(env, username, "Tablette");
        OidcClient client = env.demoClient();
        OidcClient.Authorization authorization = client.authorize(env.demoApp().redirectUri());
        WebDriver browser = Browser.open("fr");
        try {
            ((org.openqa.selenium.chrome.ChromeDriver) browser).executeCdpCommand("Emulation.setScriptExecutionDisabled",
                    java.util.Map.of("value", true));
            LoginPage login = new LoginPage(browser).open(authorization.url());
            String url = Expertpass.scanQr(browser);
            assertEquals(200, phone.approve(url, Expertpass.shownCode(browser)).status());
            Expertpass.sleep(500);
            assertTrue(browser.getCurrentUrl().contains("/realms/ordre/"), "no script: the page waits for the button");
            browser.findElement(By.id("ordre-expertpass-continue")).click();
            JsonNode tokens = client.exchange(authorization, login.awaitRedirect(env.demoApp().redirectUri()));
            assertEquals(username, OidcClient.claims(tokens.get("id_token").asText()).get("preferred_username").asText());
        } finally {
            browser.quit();
        }
    }
}
