package fr.ordre.comptexpert.it.expertpass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ordre.comptexpert.companion.DeviceKey;
import fr.ordre.comptexpert.companion.ExpertpassCompanion;
import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.FormClient;
import fr.ordre.comptexpert.it.support.HttpExpertpass;
import fr.ordre.comptexpert.it.support.LoginPage;
import fr.ordre.comptexpert.it.support.OtherNetwork;
import fr.ordre.comptexpert.it.support.RealmEvents;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** Each attack on Expertpass is refused, and leaves a Keycloak event saying which. */
@ExtendWith(TestEnvironment.class)
class ExpertpassAttacksIT {

    /** A login page open in a real browser, and its QR as the phone reads it. */
    private record Screen(WebDriver browser, String url, String code) implements AutoCloseable {
        static Screen open(TestEnvironment.Env env) {
            WebDriver browser = Browser.open("fr");
            new LoginPage(browser)
                    .open(env.demoClient()
                            .authorize(env.demoApp().redirectUri())
                            .url());
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
            assertEquals(
                    200,
                    ExpertpassCompanion.post(screen.url() + "/decision", body).status());
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
        ExpertpassCompanion forger = new ExpertpassCompanion(new DeviceKey(
                phone.key().issuer(),
                phone.key().api(),
                phone.key().deviceId(),
                "forged",
                username,
                other.privateKey(),
                other.publicKey()));
        try (Screen screen = Screen.open(env)) {
            ExpertpassCompanion.Result forged = forger.approve(screen.url(), screen.code());
            assertEquals(403, forged.status(), forged.toString());
            assertEquals("bad_signature", forged.field("error"));
            Expertpass.assertEvent(
                    env, "LOGIN_ERROR", Expertpass.userId(env, username), "ordre_expertpass_bad_signature");
            // The real phone can still use that QR: a forged signature does not burn it.
            assertEquals(200, phone.approve(screen.url(), screen.code()).status());
        }
    }

    /** A phone pins the server it enrolled with: a QR naming another host is refused before any request. */
    @Test
    void relayedQrIsRefusedByThePinnedPhone(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "expert-comptable", true);
        ExpertpassCompanion phone = enrolled(env, username);
        try (Screen screen = Screen.open(env);
                QrRelay relay = new QrRelay(env.keycloak().baseUrl(), UnaryOperator.identity())) {
            ExpertpassCompanion.Result refused = phone.approve(relay.relayed(screen.url()), screen.code());
            assertEquals("foreign_host", refused.field("error"), refused.toString());
            assertEquals(0, relay.requests(), "the phone sent nothing to the relay");
            // The real QR is untouched: the member scanning the real screen still signs in.
            assertEquals(200, phone.approve(screen.url(), screen.code()).status());
        }
    }

    /** An app that signs whatever host its QR names: the server refuses a decision signed for another issuer. */
    @Test
    void foreignIssuerSignatureIsRefused(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "expert-comptable", true);
        ExpertpassCompanion phone = enrolled(env, username);
        try (Screen screen = Screen.open(env);
                QrRelay relay = new QrRelay(env.keycloak().baseUrl(), UnaryOperator.identity())) {
            ExpertpassCompanion.Result refused =
                    decideThroughRelay(phone, screen, relay, relay.url() + "/realms/ordre");
            assertEquals(403, refused.status(), refused.toString());
            assertEquals("foreign_issuer", refused.field("error"));
            Expertpass.assertEvent(
                    env, "LOGIN_ERROR", Expertpass.userId(env, username), "ordre_expertpass_foreign_issuer");
            // The relayed QR is burnt: the attacker's page gets no second try with it.
            assertEquals(409, phone.approve(screen.url(), screen.code()).status());
        }
    }

    /** A relay that shows the member an invented context (their own phone's "Safari / iOS"): the digest betrays it. */
    @Test
    void forgedContextIsRefused(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "expert-comptable", true);
        ExpertpassCompanion phone = enrolled(env, username);
        UnaryOperator<String> forge = json -> json.replaceAll("\"browser\":\"[^\"]*\"", "\"browser\":\"Safari\"")
                .replaceAll("\"os\":\"[^\"]*\"", "\"os\":\"iOS\"");
        try (Screen screen = Screen.open(env);
                QrRelay relay = new QrRelay(env.keycloak().baseUrl(), forge)) {
            assertEquals(
                    "Safari",
                    ExpertpassCompanion.get(relay.relayed(screen.url())).field("browser"));
            ExpertpassCompanion.Result refused =
                    decideThroughRelay(phone, screen, relay, phone.key().issuer());
            assertEquals(403, refused.status(), refused.toString());
            assertEquals("context_mismatch", refused.field("error"));
            Expertpass.assertEvent(
                    env, "LOGIN_ERROR", Expertpass.userId(env, username), "ordre_expertpass_context_mismatch");
            Expertpass.awaitText(screen.browser(), "refus");
        }
    }

    /**
     * The proximity signal (realm policy warn, the default): a phone on another network than the browser's is told so
     * before it decides, and the sign-in it approves anyway records it in its LOGIN event.
     */
    @Test
    void approvalFromAnotherNetworkIsFlagged(TestEnvironment.Env env) {
        Member member = memberOnTheBrowsersNetwork(env);
        String userId = member.userId();
        ExpertpassCompanion phone = member.phone();

        // Beside the browser (both from 127.0.0.1): no warning, and the sign-in says so.
        FormClient browser = new FormClient();
        HttpExpertpass.Panel panel = loginPanel(env, browser);
        ExpertpassCompanion.Result near = phone.show(panel.challengeUrl());
        assertEquals(200, near.status(), near.toString());
        assertFalse(near.otherNetwork(), near.toString());
        assertEquals(200, phone.approve(panel.challengeUrl(), panel.code()).status());
        assertEquals(
                302,
                browser.post(panel.continueAction(), Map.of("ordreExpertpass", "continue"))
                        .statusCode());
        RealmEvents.await(env, "LOGIN", userId, null, "ordre_expertpass_network", "same");

        // Scanned elsewhere (a relayed QR, or a phone on 4G): warned, still accepted, recorded.
        FormClient elsewhere = new FormClient();
        HttpExpertpass.Panel far = loginPanel(env, elsewhere);
        ExpertpassCompanion.Result approved = approveFromOtherNetwork(phone, far, "warn");
        assertEquals(200, approved.status(), approved.toString());
        RealmEvents.await(env, "CUSTOM_REQUIRED_ACTION", userId, null, "ordre_expertpass_network", "different");
        assertEquals(
                302,
                elsewhere
                        .post(far.continueAction(), Map.of("ordreExpertpass", "continue"))
                        .statusCode());
        RealmEvents.await(env, "LOGIN", userId, null, "ordre_expertpass_network", "different");
    }

    /** Under realm policy refuse, an approval from another network is refused (and the QR burnt); beside it, accepted. */
    @Test
    void approvalFromAnotherNetworkIsRefusedUnderRefuse(TestEnvironment.Env env) {
        Member member = memberOnTheBrowsersNetwork(env);
        String userId = member.userId();
        ExpertpassCompanion phone = member.phone();
        assertEquals(
                204,
                env.admin()
                        .put(Expertpass.REALM, Map.of("attributes", Map.of("ordreExpertpassProximity", "refuse")))
                        .statusCode());
        try {
            FormClient browser = new FormClient();
            HttpExpertpass.Panel panel = loginPanel(env, browser);
            ExpertpassCompanion.Result refused = approveFromOtherNetwork(phone, panel, "refuse");
            assertEquals(403, refused.status(), refused.toString());
            assertEquals("other_network", refused.field("error"));
            assertTrue(refused.field("error_description").contains("network"), refused.toString());
            Expertpass.assertEvent(env, "LOGIN_ERROR", userId, "ordre_expertpass_other_network");
            // The QR is burnt, and the browser is told why.
            assertEquals(409, phone.approve(panel.challengeUrl(), panel.code()).status());
            HttpResponse<String> page = browser.post(panel.continueAction(), Map.of("ordreExpertpass", "continue"));
            assertTrue(page.body().contains("seau que cet ordinateur"), page.body());

            // The member beside the screen still signs in.
            FormClient near = new FormClient();
            HttpExpertpass.Panel nearPanel = loginPanel(env, near);
            assertEquals(
                    200,
                    phone.approve(nearPanel.challengeUrl(), nearPanel.code()).status());
            assertEquals(
                    302,
                    near.post(nearPanel.continueAction(), Map.of("ordreExpertpass", "continue"))
                            .statusCode());
        } finally {
            assertEquals(
                    204,
                    env.admin()
                            .put(Expertpass.REALM, Map.of("attributes", Map.of("ordreExpertpassProximity", "warn")))
                            .statusCode());
        }
    }

    /** The phone reads the QR from another network (told so, with the realm's policy), then approves from there. */
    private static ExpertpassCompanion.Result approveFromOtherNetwork(
            ExpertpassCompanion phone, HttpExpertpass.Panel panel, String proximity) {
        ExpertpassCompanion.Result shown = OtherNetwork.get(panel.challengeUrl());
        assertEquals(200, shown.status(), shown.toString());
        assertTrue(shown.otherNetwork(), shown.toString());
        assertEquals(proximity, shown.field("proximity"));
        return OtherNetwork.post(
                panel.challengeUrl() + "/decision",
                phone.decisionBody(shown.body(), panel.code(), "approve", ExpertpassCompanion.now()));
    }

    /** A login page fetched over HTTP from 127.0.0.1 (the browser), its panel shown. */
    private static HttpExpertpass.Panel loginPanel(TestEnvironment.Env env, FormClient browser) {
        return HttpExpertpass.panel(
                browser,
                browser.get(
                        env.demoClient().authorize(env.demoApp().redirectUri()).url()));
    }

    /** A member and their enrolled phone. */
    private record Member(String userId, ExpertpassCompanion phone) {}

    /**
     * A new member with an enrolled phone, for a proximity test. In a container every request reaches Keycloak from the
     * bridge's gateway: there is no second network to come from, so the test is skipped there.
     */
    private static Member memberOnTheBrowsersNetwork(TestEnvironment.Env env) {
        Assumptions.assumeFalse("testcontainers".equals(env.settings().mode()), "requests from 127.0.0.2 are NATed");
        String username = Expertpass.createUser(env, "expert-comptable", true);
        return new Member(Expertpass.userId(env, username), enrolled(env, username));
    }

    /**
     * What an app without a pinned server does with a relayed QR: reads the context through the relay, signs it for
     * {@code issuer} and posts the approval there.
     */
    private static ExpertpassCompanion.Result decideThroughRelay(
            ExpertpassCompanion phone, Screen screen, QrRelay relay, String issuer) {
        String relayed = relay.relayed(screen.url());
        JsonNode shown = ExpertpassCompanion.get(relayed).body();
        String body = phone.decisionBody(issuer, shown, screen.code(), "approve", ExpertpassCompanion.now());
        return ExpertpassCompanion.post(relayed + "/decision", body);
    }

    /**
     * The page may rotate only its current QR, once, when it ends: not early, not an old token again (each would let a
     * script fill the store with entries).
     */
    @Test
    void rotateAbuseIsRefused(TestEnvironment.Env env) {
        // Long enough to be "early" at first (a rotation may come 5 s before the end), short enough to wait for.
        String configId = ExpertpassFlowConfig.set(env, Map.of("challenge-lifespan-seconds", "15"));
        try {
            FormClient browser = new FormClient();
            HttpExpertpass.Panel panel = HttpExpertpass.panel(
                    browser,
                    browser.get(env.demoClient()
                            .authorize(env.demoApp().redirectUri())
                            .url()));
            assertEquals(
                    "rotated", rotate(panel.api(), panel.watch()).path("status").asText(), "too early");
            Expertpass.assertEvent(env, "LOGIN_ERROR", null, "ordre_expertpass_rotate_refused");
            // The page's long-poll says when its QR ends; then, and only then, one rotation.
            String status = HttpExpertpass.await(panel.api(), panel.watch());
            while ("pending".equals(status)) {
                status = HttpExpertpass.await(panel.api(), panel.watch());
            }
            assertEquals("expired", status);
            JsonNode rotated = rotate(panel.api(), panel.watch());
            assertEquals("pending", rotated.path("status").asText(), rotated.toString());
            JsonNode again = rotate(panel.api(), panel.watch());
            assertEquals("rotated", again.path("status").asText(), "an old token rotates nothing: " + again);
            assertTrue(!again.has("qr"));
        } finally {
            ExpertpassFlowConfig.remove(env, configId);
        }
    }

    private static JsonNode rotate(String api, String watch) {
        HttpResponse<String> response = HttpExpertpass.post(api + "/browser/rotate", "{\"watch\":\"" + watch + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        return HttpExpertpass.json(response.body());
    }

    /** A signed device request captured on the way (device list) is refused when played again within its time window. */
    @Test
    void replayedDeviceRequestIsRefused(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "expert-comptable", true);
        ExpertpassCompanion phone = enrolled(env, username);
        String body = phone.devicesBody(ExpertpassCompanion.now(), ExpertpassCompanion.nonce());
        assertEquals(
                200,
                ExpertpassCompanion.post(phone.key().api() + "/devices", body).status());
        ExpertpassCompanion.Result replay = ExpertpassCompanion.post(phone.key().api() + "/devices", body);
        assertEquals(409, replay.status(), replay.toString());
        assertEquals("already_used", replay.field("error"));
        Expertpass.assertEvent(env, "LOGIN_ERROR", Expertpass.userId(env, username), "ordre_expertpass_replay");
        assertEquals(200, phone.devices().status(), "a fresh nonce is accepted");
    }

    @Test
    void revokedDeviceIsRefused(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "memorialiste", true);
        ExpertpassCompanion phone = enrolled(env, username);
        String userId = Expertpass.userId(env, username);
        String credentialId =
                phone.key().deviceId().substring(phone.key().deviceId().indexOf('.') + 1);
        assertEquals(
                204,
                env.admin()
                        .delete(Expertpass.REALM + "/users/" + userId + "/credentials/" + credentialId)
                        .statusCode());
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
            Expertpass.assertEvent(
                    env, "LOGIN_ERROR", Expertpass.userId(env, username), "ordre_expertpass_code_mismatch");
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
        ((com.fasterxml.jackson.databind.node.ObjectNode) user.get("attributes"))
                .set(
                        "ordreProfile",
                        new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(List.of("etudiant")));
        assertEquals(
                204,
                env.admin().put(Expertpass.REALM + "/users/" + userId, user).statusCode());
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
            LoginPage login = new LoginPage(browser)
                    .open(env.demoClient()
                            .authorize(env.demoApp().redirectUri())
                            .url());
            login.signIn(student, Expertpass.PASSWORD);
            login.waitFor(By.id("ordre-expertpass-ineligible"));
            assertTrue(browser.getPageSource().contains("n''est pas disponible".replace("''", "'")));
            browser.findElement(By.id("ordre-expertpass-ineligible-continue")).click();
            login.awaitRedirect(env.demoApp().redirectUri());
        } finally {
            browser.quit();
        }
        Expertpass.assertEvent(
                env, "UPDATE_CREDENTIAL_ERROR", Expertpass.userId(env, student), "ordre_expertpass_ineligible");
    }

    @Test
    void enrolmentReferenceWorksOnce(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "membre-ece", true);
        WebDriver browser = Browser.open("fr");
        try {
            LoginPage login = new LoginPage(browser)
                    .open(env.demoClient()
                            .authorize(env.demoApp().redirectUri())
                            .url());
            login.signIn(username, Expertpass.PASSWORD);
            login.waitFor(By.id("ordre-expertpass-enrol"));
            String url = Expertpass.scanQr(browser);
            String nonce = ExpertpassCompanion.get(url).field("nonce");
            assertEquals(
                    202, ExpertpassCompanion.enrol(url, "First phone").result().status());

            // A second phone replays the same reference with a valid proof of its own key.
            DeviceKey second = DeviceKey.generate();
            String ref = url.substring(url.lastIndexOf('/') + 1);
            String message =
                    String.join("\n", "ordre-expertpass/v1/enrol", ref, nonce, second.publicKey(), "Second phone");
            ExpertpassCompanion.Result again = ExpertpassCompanion.post(
                    url,
                    new com.fasterxml.jackson.databind.ObjectMapper()
                            .valueToTree(Map.of(
                                    "deviceName",
                                    "Second phone",
                                    "publicKey",
                                    second.publicKey(),
                                    "signature",
                                    second.sign(message)))
                            .toString());
            assertEquals(409, again.status(), again.toString());
            ExpertpassCompanion.Result state = ExpertpassCompanion.get(url);
            assertEquals("confirming", state.field("status"), "a used reference shows only its state: " + state);
            assertEquals(null, state.field("nonce"), state.toString());
        } finally {
            browser.quit();
        }
        Expertpass.assertEvent(
                env, "UPDATE_CREDENTIAL_ERROR", Expertpass.userId(env, username), "ordre_expertpass_enrolment_used");
    }

    /**
     * Whoever sees the enrolment QR (over the member's shoulder, on a shared screen) can post a key of their own, even
     * under the name of the member's phone: it is not enrolled unless the member says yes to that device, by name, on
     * the page. Refused, the key is discarded and the attacker's app is told; the member's own phone then enrols.
     */
    @Test
    void enrolmentByWhoeverSawTheQrNeedsTheMembersYes(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "expert-comptable", true);
        String userId = Expertpass.userId(env, username);
        FormClient form = new FormClient();
        HttpResponse<String> page = enrolmentPage(env, form, username);
        String url = HttpExpertpass.qrOf(page.body());

        ExpertpassCompanion.Enrolment attacker = ExpertpassCompanion.enrol(url, "iPhone d'Ursule");
        assertEquals(202, attacker.result().status(), attacker.result().toString());
        assertEquals("confirming", attacker.result().field("status"));
        assertEquals(0, expertpassCredentials(env, userId), "a posted key is not enrolled");
        assertEquals(
                "confirming",
                attacker.awaitConfirmation(java.time.Duration.ZERO).result().field("status"));

        // The page's "Continuer" (or its script, woken) asks about that device by its name; the member did not scan.
        HttpResponse<String> asking = form.post(FormClient.formAction(page, "ordre-expertpass-form"), Map.of());
        assertTrue(asking.body().contains("ordre-expertpass-confirm-question"), asking.body());
        // A reload asks again (rather than a new QR that would leave the posted key waiting for nothing).
        HttpResponse<String> question = form.get(page.uri().toString());
        assertTrue(question.body().contains("ordre-expertpass-confirm-question"), question.body());
        assertTrue(
                question.body().contains("iPhone d&#39;Ursule")
                        || question.body().contains("iPhone d&apos;Ursule"),
                question.body());
        HttpResponse<String> refused =
                form.post(FormClient.formAction(question, "ordre-expertpass-form"), Map.of("refuse", "true"));
        assertEquals(200, refused.statusCode(), refused.body());
        Expertpass.assertEvent(env, "UPDATE_CREDENTIAL_ERROR", userId, "ordre_expertpass_enrolment_refused");
        ExpertpassCompanion.Enrolment outcome = attacker.awaitConfirmation(java.time.Duration.ofSeconds(10));
        assertEquals(null, outcome.companion());
        assertEquals(410, outcome.result().status(), outcome.result().toString());
        assertEquals("enrolment_refused", outcome.result().field("error"));
        assertEquals(0, expertpassCredentials(env, userId));

        // A new QR on the same page: the member's phone, confirmed by its name, is enrolled.
        String fresh = HttpExpertpass.qrOf(refused.body());
        assertFalse(fresh.equals(url), "a new enrolment QR after a refusal");
        ExpertpassCompanion.Enrolment mine = ExpertpassCompanion.enrol(fresh, "Pixel de Marie");
        assertEquals(202, mine.result().status(), mine.result().toString());
        HttpResponse<String> asked = form.post(FormClient.formAction(refused, "ordre-expertpass-form"), Map.of());
        assertTrue(asked.body().contains("Pixel de Marie"), asked.body());
        assertEquals(
                302,
                form.post(FormClient.formAction(asked, "ordre-expertpass-form"), Map.of("confirm", "true"))
                        .statusCode());
        ExpertpassCompanion.Enrolment enrolled = mine.awaitConfirmation(java.time.Duration.ofSeconds(10));
        assertTrue(enrolled.companion() != null, enrolled.result().toString());
        assertEquals(username, enrolled.result().field("username"));
        assertEquals(200, enrolled.companion().devices().status());
        assertEquals(1, expertpassCredentials(env, userId));
        RealmEvents.await(env, "UPDATE_CREDENTIAL", userId, null, "device_name", "Pixel de Marie");
    }

    private static long expertpassCredentials(TestEnvironment.Env env, String userId) {
        return env.admin().get(Expertpass.REALM + "/users/" + userId + "/credentials").findValues("type").stream()
                .filter(t -> "ordre-expertpass".equals(t.asText()))
                .count();
    }

    /** "Annuler" ends the enrolment QR: whoever saw it cannot enrol a device with it afterwards. */
    @Test
    void cancelledEnrolmentCannotBeUsed(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "expert-comptable", true);
        FormClient form = new FormClient();
        HttpResponse<String> page = enrolmentPage(env, form, username);
        String url = HttpExpertpass.qrOf(page.body());
        String nonce = ExpertpassCompanion.get(url).field("nonce");
        HttpResponse<String> cancelled =
                form.post(FormClient.formAction(page, "ordre-expertpass-form"), Map.of("cancel", "true"));
        assertEquals(302, cancelled.statusCode(), cancelled.body());
        assertEquals(404, ExpertpassCompanion.get(url).status(), "a cancelled reference is not shown any more");
        // A device that read the QR before the cancel, with a valid proof of its key.
        ExpertpassCompanion.Result late = enrolWithProof(url, nonce, DeviceKey.generate(), "Phone of a passer-by");
        assertEquals(410, late.status(), late.toString());
        assertEquals("enrolment_cancelled", late.field("error"));
        Expertpass.assertEvent(
                env,
                "UPDATE_CREDENTIAL_ERROR",
                Expertpass.userId(env, username),
                "ordre_expertpass_enrolment_cancelled");
        assertEquals(0, expertpassCredentials(env, Expertpass.userId(env, username)));
    }

    /** A user has at most ordreExpertpassMaxDevices phones (default 5): one more is refused at enrolment. */
    @Test
    void deviceCapIsEnforced(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "expert-comptable", true);
        String userId = Expertpass.userId(env, username);
        assertEquals(
                204,
                env.admin()
                        .put(Expertpass.REALM, Map.of("attributes", Map.of("ordreExpertpassMaxDevices", "1")))
                        .statusCode());
        try {
            HttpExpertpass.enrol(
                    new FormClient(),
                    env.demoClient().authorize(env.demoApp().redirectUri()).url(),
                    username,
                    Expertpass.PASSWORD,
                    UnaryOperator.identity());
            JsonNode user = env.admin().get(Expertpass.REALM + "/users/" + userId);
            ((com.fasterxml.jackson.databind.node.ObjectNode) user)
                    .set(
                            "requiredActions",
                            new com.fasterxml.jackson.databind.ObjectMapper()
                                    .valueToTree(List.of("ordre-expertpass-enrol")));
            assertEquals(
                    204,
                    env.admin().put(Expertpass.REALM + "/users/" + userId, user).statusCode());
            String url = HttpExpertpass.qrOf(
                    enrolmentPage(env, new FormClient(), username).body());
            ExpertpassCompanion.Enrolment second = ExpertpassCompanion.enrol(url, "Second phone");
            assertEquals(409, second.result().status(), second.result().toString());
            assertEquals("device_limit", second.result().field("error"));
            Expertpass.assertEvent(env, "UPDATE_CREDENTIAL_ERROR", userId, "ordre_expertpass_device_limit");
        } finally {
            assertEquals(
                    204,
                    env.admin()
                            .put(Expertpass.REALM, Map.of("attributes", Map.of("ordreExpertpassMaxDevices", "5")))
                            .statusCode());
        }
    }

    /** Signs in with the password over HTTP; the "Activer Expertpass" page that follows. */
    private static HttpResponse<String> enrolmentPage(TestEnvironment.Env env, FormClient form, String username) {
        HttpResponse<String> login =
                form.get(env.demoClient().authorize(env.demoApp().redirectUri()).url());
        HttpResponse<String> posted = form.post(
                FormClient.formAction(login, "kc-form-login"),
                Map.of("username", username, "password", Expertpass.PASSWORD, "credentialId", ""));
        HttpResponse<String> page = posted.statusCode() == 302
                ? form.get(posted.uri()
                        .resolve(posted.headers().firstValue("Location").orElseThrow())
                        .toString())
                : posted;
        assertTrue(page.body().contains("ordre-expertpass-enrol"), page.body());
        return page;
    }

    private static ExpertpassCompanion.Result enrolWithProof(String url, String nonce, DeviceKey key, String name) {
        String ref = url.substring(url.lastIndexOf('/') + 1);
        String message = String.join("\n", "ordre-expertpass/v1/enrol", ref, nonce, key.publicKey(), name);
        return ExpertpassCompanion.post(
                url,
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .valueToTree(Map.of(
                                "deviceName", name, "publicKey", key.publicKey(), "signature", key.sign(message)))
                        .toString());
    }

    /**
     * One second-factor policy: Expertpass is the strong way in, and the flow asks no OTP or security key, so their
     * set-up actions are off; a member cannot "add security" that is never asked.
     */
    @Test
    void secondFactorSetupIsOff(TestEnvironment.Env env) {
        for (String action : List.of(
                "CONFIGURE_TOTP",
                "webauthn-register",
                "webauthn-register-passwordless",
                "CONFIGURE_RECOVERY_AUTHN_CODES")) {
            JsonNode required = env.admin().get("/admin/realms/ordre/authentication/required-actions/" + action);
            assertTrue(!required.path("enabled").asBoolean(true), action + " " + required);
        }
        // Asked for by a client all the same (kc_action): no OTP set-up page is shown.
        String username = Expertpass.createUser(env, "etudiant", false);
        FormClient form = new FormClient();
        String url = env.demoClient().authorize(env.demoApp().redirectUri()).url() + "&kc_action=CONFIGURE_TOTP";
        HttpResponse<String> page = form.get(url);
        if (page.body().contains("kc-form-login")) {
            HttpResponse<String> posted = form.post(
                    FormClient.formAction(page, "kc-form-login"),
                    Map.of("username", username, "password", Expertpass.PASSWORD, "credentialId", ""));
            String where = posted.headers().firstValue("Location").orElse("");
            page = posted.statusCode() == 302 && !where.startsWith(env.demoApp().redirectUri())
                    ? form.get(posted.uri().resolve(where).toString())
                    : posted;
        }
        assertTrue(!page.body().contains("kc-totp-secret") && !page.body().contains("totpSecret"), page.body());
        assertEquals(
                0,
                env
                        .admin()
                        .get(Expertpass.REALM + "/users/" + Expertpass.userId(env, username) + "/credentials")
                        .findValues("type")
                        .stream()
                        .filter(t -> "otp".equals(t.asText()))
                        .count());
    }

    @Test
    void tamperedQrIsRefused(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "expert-comptable", true);
        ExpertpassCompanion phone = enrolled(env, username);
        try (Screen screen = Screen.open(env)) {
            String id = screen.url().substring(screen.url().lastIndexOf('/') + 1);
            char flipped = id.charAt(5) == 'A' ? 'B' : 'A';
            String tampered = screen.url().substring(0, screen.url().lastIndexOf('/') + 1)
                    + id.substring(0, 5)
                    + flipped
                    + id.substring(6);
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
                    assertEquals(
                            1L,
                            ((JavascriptExecutor) screen.browser()).executeScript("return window.ordreTestMarker;"),
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
        assertEquals(
                language,
                response.headers().firstValue("Content-Language").orElse(null),
                response.headers().toString());
        JsonNode body = HttpExpertpass.json(response.body());
        assertEquals("unknown_challenge", body.path("error").asText());
        assertEquals(description, body.path("error_description").asText());
    }
}
