package fr.ordre.comptexpert.it.expertpass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ordre.comptexpert.companion.ExpertpassCompanion;
import fr.ordre.comptexpert.it.support.AdminApi;
import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.LoginPage;
import fr.ordre.comptexpert.it.support.OidcClient;
import fr.ordre.comptexpert.it.support.QrScreen;
import fr.ordre.comptexpert.it.support.RealmEvents;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Test helpers for Expertpass: users of a given profile, enrolment through the real page, QR reading. */
final class Expertpass {

    static final String PASSWORD = "Expertpass-Test-2026!";
    static final String REALM = "/admin/realms/ordre";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private Expertpass() {}

    /** A new user of the profile, with a password; returns its username. */
    static String createUser(TestEnvironment.Env env, String profile, boolean enrolAction) {
        String username = "ep" + SEQ.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> user = new java.util.HashMap<>(Map.of(
                "username",
                username,
                "enabled",
                true,
                "email",
                username + "@example.org",
                "emailVerified",
                true,
                "firstName",
                "Camille",
                "lastName",
                "Test",
                "attributes",
                Map.of("ordreProfile", List.of(profile)),
                "credentials",
                List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))));
        if (enrolAction) {
            user.put("requiredActions", List.of("ordre-expertpass-enrol"));
        }
        HttpResponse<String> created = env.admin().post(REALM + "/users", user);
        assertEquals(201, created.statusCode(), created.body());
        return username;
    }

    static String userId(TestEnvironment.Env env, String username) {
        return env.admin().userByUsername("ordre", username).get("id").asText();
    }

    /** Signs in with the password, meets "Activer Expertpass", scans its QR with a new companion. */
    static ExpertpassCompanion enrol(TestEnvironment.Env env, String username, String deviceName) {
        OidcClient client = env.demoClient();
        OidcClient.Authorization authorization = client.authorize(env.demoApp().redirectUri());
        WebDriver browser = Browser.open("fr");
        try {
            LoginPage login = new LoginPage(browser).open(authorization.url());
            login.signIn(username, PASSWORD);
            login.waitFor(By.id("ordre-expertpass-enrol"));
            String url = scanQr(browser);
            assertTrue(url.contains("/comptexpert/expertpass/v1/enrolments/"), url);
            ExpertpassCompanion.Enrolment enrolment = ExpertpassCompanion.enrol(url, deviceName);
            assertEquals(202, enrolment.result().status(), enrolment.result().toString());
            // The waiting page asks by itself "Activer « name » ?"; only the member's yes enrols the phone.
            confirmInBrowser(login, browser, deviceName);
            login.awaitRedirect(env.demoApp().redirectUri());
            ExpertpassCompanion.Enrolment done = enrolment.awaitConfirmation(Duration.ofSeconds(20));
            assertNotNull(done.companion(), done.result().toString());
            return done.companion();
        } finally {
            browser.quit();
        }
    }

    /** Answers yes to "Activer « deviceName » ?" on the enrolment page, once a phone has posted its key. */
    static void confirmInBrowser(LoginPage login, WebDriver browser, String deviceName) {
        login.waitFor(By.id("ordre-expertpass-confirm-question"));
        String question =
                browser.findElement(By.id("ordre-expertpass-confirm-question")).getText();
        assertTrue(question.contains(deviceName), question);
        browser.findElement(By.id("ordre-expertpass-confirm-yes")).click();
    }

    /** Decodes the QR code from a screenshot of the whole page, as a phone camera would from the screen. */
    static String scanQr(WebDriver browser) {
        return QrScreen.read(browser);
    }

    /** The first QR code that differs from the one already scanned (after a denial or a rotation). */
    static String scanNewQr(WebDriver browser, String previous) {
        return QrScreen.readOther(browser, previous);
    }

    /** The service's code exchange gives an ID token for {@code username}. */
    static void assertSignedInAs(
            OidcClient client, OidcClient.Authorization authorization, String callback, String username) {
        JsonNode tokens = client.exchange(authorization, callback);
        assertEquals(
                username,
                OidcClient.claims(tokens.get("id_token").asText())
                        .get("preferred_username")
                        .asText());
    }

    static String shownCode(WebDriver browser) {
        return browser.findElement(By.id("ordre-expertpass-code")).getText().trim();
    }

    static void awaitText(WebDriver browser, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.getPageSource().contains(text));
    }

    static JsonNode events(TestEnvironment.Env env, String type, String userId) {
        return RealmEvents.of(env, type, userId);
    }

    static void assertEvent(TestEnvironment.Env env, String type, String userId, String error) {
        RealmEvents.await(env, type, userId, error);
    }

    static void sleep(long millis) {
        RealmEvents.pause(millis);
    }

    static AdminApi admin(TestEnvironment.Env env) {
        return env.admin();
    }

    static void assertNotBlank(String value) {
        assertNotNull(value);
        assertTrue(!value.isBlank());
    }
}
