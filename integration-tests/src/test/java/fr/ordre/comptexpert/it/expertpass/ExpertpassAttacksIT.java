package fr.ordre.comptexpert.it.expertpass;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ordre.comptexpert.companion.DeviceKey;
import fr.ordre.comptexpert.companion.ExpertpassCompanion;
import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.HttpExpertpass;
import fr.ordre.comptexpert.it.support.LoginPage;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each attack on Expertpass is refused, and leaves a Keycloak event saying which. */
@ExtendWith(TestEnvironment.class)
class ExpertpassAttacksIT {

    /** A login page open in a real browser, and its QR as the phone reads it. */
    private record Screen(WebDriver browser, String url, String code) implements AutoCloseable {
        static Screen open(TestEnvironment.Env env) {
            WebDriver browser = Browser.open("fr");
            new LoginPage(browser).open(env.demoClient().authorize(env.demoApp().redirectUri()).url());
            return new Screen(browser, Expertpass.scanQr(browser), Expertpass.shownCode(browser));
        }

        String wrongCode() {
            return code.equals("42") ? "43" : "42";
        }

        @Override
        public void close() {
            browser.quit();
        }
    }

    private static ExpertpassCompanion enrolled(TestEnvironment.Env env, String username) {
        return Expertpass.enrol(env, username, "Phone " + username);
    }

    @Test
    void replayedApprovalIsRefused(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "expert-comptable", true);
        ExpertpassCompanion phone = enrolled(env, username);
        try (Screen screen = Screen.open(env)) {
            String body = phone.decisionBody(screen.url(), screen.code(), "approve", ExpertpassCompanion.now());
            assertEquals(200, ExpertpassCompanion.post(screen.url() + "/decision", body).status());
            ExpertpassCompanion.Result replay = ExpertpassCompanion.post(screen.url() + "/decision", body);
            assertEquals(409, replay.status(), replay.toString());
            Expertpass.assertEvent(env, "LOGIN_ERROR", Expertpass.userId(env, username), "ordre_expertpass_replay");
        }
    }

    @Test
    void signatureByAnotherKeyIsRefused(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "agc-83-ter", true);
        ExpertpassCompanion phone = enrolled(env, username);
        DeviceKey other = DeviceKey.generate();
        ExpertpassCompanion forger = new ExpertpassCompanion(new DeviceKey(phone.key().api(), phone.key().deviceId(),
                "forged", username, other.privateKey(), other.publicKey()));
        try (Screen screen = Screen.open(env)) {
            ExpertpassCompanion.Result forged = forger.approve(screen.url(), screen.code());
            assertEquals(403, forged.status(), forged.toString());
            assertEquals("bad_signature", forged.field("error"));
            Expertpass.assertEvent(env, "LOGIN_ERROR", Expertpass.userId(env, username), "ordre_expertpass_bad_signature");
            // The real phone can still use that QR: a forged signature does not burn it.
            assertEquals(200, phone.approve(screen.url(), screen.code()).status());
        }
    }

    @Test
    void revokedDeviceIsRefused(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "memorialiste", true);
        ExpertpassCompanion phone = enrolled(env, username);
        String userId = Expertpass.userId(env, username);
        String credentialId = phone.key().deviceId().substring(phone.key().deviceId().indexOf('.') + 1);
        assertEquals(204, env.admin().delete(Expertpass.REALM + "/users/" + userId + "/credentials/" + credentialId).statusCode());
        try (Screen screen = Screen.open(env)) {
            ExpertpassCompanion.Result refused = phone.approve(screen.url(), screen.code());
            assertEquals(403, refused.status(), refused.toString());
            assertEquals(403, phone.devices().status());
        }
        Expertpass.assertEvent(env, "LOGIN_ERROR", userId, "ordre_expertpass_device_revoked");
    }

    @Test
    void codeMismatchIsRefusedAndTheQrIsBurnt(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "agc-83-quater", true);
        ExpertpassCompanion phone = enrolled(env, username);
        try (Screen screen = Screen.open(env)) {
            ExpertpassCompanion.Result wrong = phone.approve(screen.url(), screen.wrongCode());
            assertEquals(403, wrong.status(), wrong.toString());
            assertEquals("code_mismatch", wrong.field("error"));
            Expertpass.assertEvent(env, "LOGIN_ERROR", Expertpass.userId(env, username), "ordre_expertpass_code_mismatch");
            // One try per QR: the right code no longer works on it, and the page shows why with a new QR.
            assertEquals(409, phone.approve(screen.url(), screen.code()).status());
            Expertpass.awaitText(screen.browser(), "ne correspond pas");
        }
    }

    @Test
    void ineligibleProfileIsRefusedAtSignInAndAtEnrolment(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "expert-comptable", true);
        ExpertpassCompanion phone = enrolled(env, username);
        String userId = Expertpass.userId(env, username);
        JsonNode user = env.admin().get(Expertpass.REALM + "/users/" + userId);
        ((com.fasterxml.jackson.databind.node.ObjectNode) user.get("attributes")).set("ordreProfile",
                new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(List.of("etudiant")));
        assertEquals(204, env.admin().put(Expertpass.REALM + "/users/" + userId, user).statusCode());
        try (Screen screen = Screen.open(env)) {
            ExpertpassCompanion.Result refused = phone.approve(screen.url(), screen.code());
            assertEquals(403, refused.status(), refused.toString());
            assertEquals("ineligible", refused.field("error"));
        }
        Expertpass.assertEvent(env, "LOGIN_ERROR", userId, "ordre_expertpass_ineligible");

        // An étudiant asked to activate Expertpass is told why, and carries on.
        String student = Expertpass.createUser(env, "etudiant", true);
        WebDriver browser = Browser.open("fr");
        try {
            LoginPage login = new LoginPage(browser).open(env.demoClient().authorize(env.demoApp().redirectUri()).url());
            login.signIn(student, Expertpass.PASSWORD);
            login.waitFor(By.id("ordre-expertpass-ineligible"));
            assertTrue(browser.getPageSource().contains("n''est pas disponible".replace("''", "'")));
            browser.findElement(By.id("ordre-expertpass-ineligible-continue")).click();
            login.awaitRedirect(env.demoApp().redirectUri());
        } finally {
            browser.quit();
        }
        Expertpass.assertEvent(env, "UPDATE_CREDENTIAL_ERROR", Expertpass.userId(env, student), "ordre_expertpass_ineligible");
    }

    @Test
    void enrolmentReferenceWorksOnce(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "membre-ece", true);
        WebDriver browser = Browser.open("fr");
        try {
            LoginPage login = new LoginPage(browser).open(env.demoClient().authorize(env.demoApp().redirectUri()).url());
            login.signIn(username, Expertpass.PASSWORD);
            login.waitFor(By.id("ordre-expertpass-enrol"));
            String url = Expertpass.scanQr(browser);
            String nonce = ExpertpassCompanion.get(url).field("nonce");
            assertEquals(201, ExpertpassCompanion.enrol(url, "First phone").result().status());

            // A second phone replays the same reference with a valid proof of its own key.
            DeviceKey second = DeviceKey.generate();
            String ref = url.substring(url.lastIndexOf('/') + 1);
            String message = String.join("\n", "ordre-expertpass/v1/enrol", ref, nonce, second.publicKey(), "Second phone");
            ExpertpassCompanion.Result again = ExpertpassCompanion.post(url, new com.fasterxml.jackson.databind.ObjectMapper()
                    .valueToTree(Map.of("deviceName", "Second phone", "publicKey", second.publicKey(),
                            "signature", second.sign(message))).toString());
            assertEquals(409, again.status(), again.toString());
            assertEquals(404, ExpertpassCompanion.get(url).status(), "a used reference is not shown any more");
        } finally {
            browser.quit();
        }
        Expertpass.assertEvent(env, "UPDATE_CREDENTIAL_ERROR", Expertpass.userId(env, username), "ordre_expertpass_enrolment_used");
    }

    @Test
    void tamperedQrIsRefused(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "expert-comptable", true);
        ExpertpassCompanion phone = enrolled(env, username);
        try (Screen screen = Screen.open(env)) {
            String id = screen.url().substring(screen.url().lastIndexOf('/') + 1);
            char flipped = id.charAt(5) == 'A' ? 'B' : 'A';
            String tampered = screen.url().substring(0, screen.url().lastIndexOf('/') + 1) + id.substring(0, 5) + flipped + id.substring(6);
            assertEquals(404, phone.show(tampered).status());
            ExpertpassCompanion.Result refused = phone.approve(tampered, screen.code());
            assertEquals(404, refused.status(), refused.toString());
            Expertpass.assertEvent(env, "LOGIN_ERROR", null, "ordre_expertpass_unknown_challenge");
            ExpertpassCompanion.Result garbage = ExpertpassCompanion.post(screen.url() + "/decision", "{not json");
            assertEquals(400, garbage.status(), garbage.toString());
        }
    }

    @Test
    void expiredChallengeIsRefused(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "expert-comptable", true);
        ExpertpassCompanion phone = enrolled(env, username);
        String configId = ExpertpassFlowConfig.set(env, Map.of("challenge-lifespan-seconds", "5"));
        try (Screen screen = Screen.open(env)) {
            // Gone if the page reloads: it must rotate its QR in place.
            ((JavascriptExecutor) screen.browser()).executeScript("window.ordreTestMarker = 1;");
            Expertpass.sleep(6500);
            ExpertpassCompanion.Result late = phone.approve(screen.url(), screen.code());
            assertEquals(410, late.status(), late.toString());
            Expertpass.assertEvent(env, "LOGIN_ERROR", Expertpass.userId(env, username), "ordre_expertpass_expired");
            // Meanwhile the open page rotated its QR: the new one works, and the page, now waiting on the new
            // QR's watch token, signs in by itself.
            String previous = screen.url();
            ExpertpassCompanion.Result approved = null;
            for (int scan = 0; scan < 4 && (approved == null || approved.status() == 410); scan++) {
                // The QRs live 5 s here: take a code only when the QR did not change while reading it.
                String fresh = Expertpass.scanNewQr(screen.browser(), previous);
                String code = Expertpass.shownCode(screen.browser());
                previous = fresh;
                if (fresh.equals(Expertpass.scanQr(screen.browser()))) {
                    assertEquals(1L, ((JavascriptExecutor) screen.browser()).executeScript("return window.ordreTestMarker;"),
                            "the page rotated its QR without reloading");
                    approved = phone.approve(fresh, code);
                }
            }
            assertTrue(approved != null && approved.status() == 200, String.valueOf(approved));
            new LoginPage(screen.browser()).awaitRedirect(env.demoApp().redirectUri());
        } finally {
            ExpertpassFlowConfig.remove(env, configId);
        }
    }

    /** error_description follows Accept-Language (realm default French, else English); error does not. */
    @Test
    void errorTextIsInTheNegotiatedLanguage(TestEnvironment.Env env) {
        byte[] id = new byte[32];
        new SecureRandom().nextBytes(id);
        // The shape of a real challenge id (43 chars of base64url), one that no page ever showed.
        String unknown = env.keycloak().realmUrl() + "/comptexpert/expertpass/v1/challenges/"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        String french = "Ce QR code est inconnu ou expiré\u00A0: scannez celui qui s'affiche maintenant à l'écran.";
        String english = "This QR code is unknown or expired: scan the one on the screen now.";
        assertError(HttpExpertpass.get(unknown, Map.of()), "fr", french);
        assertError(HttpExpertpass.get(unknown, Map.of("Accept-Language", "de-DE,de;q=0.9")), "fr", french);
        assertError(HttpExpertpass.get(unknown, Map.of("Accept-Language", "en")), "en", english);
        assertError(HttpExpertpass.get(unknown, Map.of("Accept-Language", "en-GB,en;q=0.9,fr;q=0.8")), "en", english);
    }

    private static void assertError(HttpResponse<String> response, String language, String description) {
        assertEquals(404, response.statusCode(), response.body());
        assertEquals(language, response.headers().firstValue("Content-Language").orElse(null), response.headers().toString());
        JsonNode body = HttpExpertpass.json(response.body());
        assertEquals("unknown_challenge", body.path("error").asText());
        assertEquals(description, body.path("error_description").asText());
    }
}
