package fr.ordre.comptexpert.it.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ordre.comptexpert.companion.ExpertpassCompanion;
import fr.ordre.comptexpert.companion.QrCodes;
import fr.ordre.comptexpert.it.support.Axe;
import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.HttpExpertpass;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The professional card: issued to an enrolled phone, signed by the realm, checked live by anyone on the public
 * page (real Chromium, French and English) and as JSON.
 */
@ExtendWith(TestEnvironment.class)
class CardIT {

    /** These tests verify many cards from 127.0.0.1: a roomy limit, except where the limit itself is tested. */
    @BeforeAll
    static void roomyRateLimit(TestEnvironment.Env env) {
        Cards.realmAttributes(env, Map.of("ordreCardVerifyLimit", "10000", "ordreCardVerifyWindowSeconds", "60"));
    }

    @AfterAll
    static void defaultSettings(TestEnvironment.Env env) {
        Cards.realmAttributes(
                env,
                Map.of("ordreCardVerifyLimit", "", "ordreCardVerifyWindowSeconds", "", "ordreCardLifespanSeconds", ""));
    }

    /** The page for {@code c} in a real browser: its verdict status, title and text. */
    private record Page(String status, String title, String verdict, String source) {
        static Page open(String url, String language) {
            WebDriver browser = Browser.open(language, 375, 800);
            try {
                browser.get(url);
                new WebDriverWait(browser, Duration.ofSeconds(20))
                        .until(d -> !d.findElements(By.id("ordre-card")).isEmpty());
                return new Page(
                        browser.findElement(By.id("ordre-card")).getAttribute("data-status"),
                        browser.findElement(By.id("kc-page-title")).getText().trim(),
                        browser.findElement(By.id("ordre-card-verdict"))
                                .getText()
                                .trim(),
                        browser.getPageSource());
            } finally {
                browser.quit();
            }
        }
    }

    /** The verification page, valid and forged, in both languages: axe-core clean and fits a phone. */
    @Test
    void theVerificationPageIsAccessibleAndFitsAPhoneInBothLanguages(TestEnvironment.Env env) {
        Cards.Holder holder = Cards.holder(env, "expert-comptable", "REU-100015", "1984-04-04");
        String valid = Cards.card(holder).get("verifyUrl").asText();
        String forged = Cards.verifyUrl(env, "eyJhbGciOiJub25lIn0.e30.");
        List<String> problems = new ArrayList<>();
        for (String language : List.of("fr", "en")) {
            WebDriver browser = Browser.open(language);
            try {
                for (Map.Entry<String, String> page :
                        Map.of("valid", valid, "forged", forged).entrySet()) {
                    browser.get(page.getValue());
                    new WebDriverWait(browser, Duration.ofSeconds(20))
                            .until(d -> !d.findElements(By.id("ordre-card")).isEmpty());
                    String name = "card-" + page.getKey() + "-" + language;
                    problems.addAll(Axe.atBothWidths(browser, name, List.of()));
                }
            } finally {
                browser.quit();
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void validCardIsSignedByTheRealmAndShownInBothLanguages(TestEnvironment.Env env) throws Exception {
        Cards.Holder holder = Cards.holder(env, "expert-comptable", "CVL-100013", "1993-08-08");
        JsonNode issued = Cards.card(holder);
        String jws = issued.get("card").asText();

        // A JWS of the realm: its published JWKS verifies it.
        JsonNode header = Cards.header(jws);
        assertEquals("ordre-card+jwt", header.get("typ").asText());
        assertEquals("RS256", header.get("alg").asText());
        assertTrue(
                Cards.verifiesWith(Cards.publishedKey(env, header.get("kid").asText()), jws), "verified with the JWKS");

        JsonNode claims = Cards.payload(jws);
        assertEquals("Moreau", claims.get("nom").asText());
        assertEquals("Camille", claims.get("prenom").asText());
        assertEquals("expert-comptable", claims.get("profil").asText());
        assertEquals("CVL-100013", claims.get("numero").asText());
        assertEquals("Centre-Val de Loire", claims.get("conseil").asText());
        assertEquals("inscrit", claims.get("statut").asText());
        assertEquals(holder.userId(), claims.get("sub").asText());
        assertEquals(env.keycloak().realmUrl(), claims.get("iss").asText());
        long lifespan = claims.get("exp").asLong() - claims.get("iat").asLong();
        assertEquals(3600, lifespan, "one hour by default");
        assertNoPrivateData(holder, jws + Cards.payload(jws) + issued);
        assertEquals(
                "Expert-comptable",
                issued.get("holder").get("profilLabels").get("fr").asText());

        // Signed by the realm's key, yet no access token: its own audience and payload type, and Keycloak itself
        // refuses it as a bearer token.
        assertEquals("ordre-card", claims.get("aud").asText());
        assertEquals("ordre-card", claims.get("typ").asText());
        HttpResponse<String> asBearer = HttpExpertpass.get(
                env.keycloak().realmUrl() + "/protocol/openid-connect/userinfo",
                Map.of("Authorization", "Bearer " + jws));
        assertEquals(401, asBearer.statusCode(), asBearer.body());

        // The QR code the companion draws opens the page, by reference.
        String verifyUrl = issued.get("verifyUrl").asText();
        assertEquals(Cards.verifyUrl(env, claims.get("jti").asText()), verifyUrl);
        assertEquals(verifyUrl, QrCodes.decode(QrCodes.png(verifyUrl, 8)));
        assertTrue(QrCodes.version(verifyUrl) <= 6, "a small QR: version " + QrCodes.version(verifyUrl));

        Page fr = Page.open(verifyUrl, "fr");
        assertEquals("valid", fr.status());
        assertEquals("Inscrit au Tableau de l'Ordre", fr.title());
        assertTrue(fr.verdict().startsWith("Inscrit au Tableau de l'Ordre"), fr.verdict());
        for (String shown : List.of("Moreau", "Camille", "Expert-comptable", "CVL-100013", "Centre-Val de Loire")) {
            assertTrue(fr.source().contains(shown), shown + " on the page");
        }
        assertNoPrivateData(holder, fr.source());

        Page en = Page.open(verifyUrl, "en");
        assertEquals("valid", en.status());
        assertEquals("Registered on the Tableau de l'Ordre", en.title());
        assertTrue(en.source().contains("Chartered accountant (expert-comptable)"));
        assertTrue(en.source().contains("Registration number"));
        assertNoPrivateData(holder, en.source());

        // The same check for machines, with the reference or with the card itself.
        for (ExpertpassCompanion.Result json : List.of(
                Cards.verify(env, jws),
                Cards.verify(env, claims.get("jti").asText()),
                Cards.get(verifyUrl, "application/json"))) {
            assertEquals(200, json.status(), json.toString());
            assertEquals("valid", json.field("status"));
            assertEquals("CVL-100013", json.body().get("card").get("numero").asText());
            assertEquals(
                    "Centre-Val de Loire",
                    json.body().get("card").get("conseil").asText());
            assertNoPrivateData(holder, json.body().toString());
        }
        Cards.assertEvent(env, "VERIFIABLE_CREDENTIAL_REQUEST", holder.userId(), null);
    }

    @Test
    void expiredCardIsSaidExpired(TestEnvironment.Env env) {
        Cards.Holder holder = Cards.holder(env, "agc-83-ter", "HDF-100008", "1979-12-01");
        JsonNode issued;
        Cards.realmAttributes(env, Map.of("ordreCardLifespanSeconds", "2"));
        try {
            issued = Cards.card(holder);
        } finally {
            Cards.realmAttributes(env, Map.of("ordreCardLifespanSeconds", ""));
        }
        String jws = issued.get("card").asText();
        assertEquals(
                2,
                Cards.payload(jws).get("exp").asLong()
                        - Cards.payload(jws).get("iat").asLong());
        long deadline = System.currentTimeMillis() + 15_000;
        ExpertpassCompanion.Result json = Cards.verify(env, jws);
        while (!"expired".equals(json.field("status")) && System.currentTimeMillis() < deadline) {
            Cards.sleep(500);
            json = Cards.verify(env, jws);
        }
        assertEquals("expired", json.field("status"), json.toString());
        assertFalse(json.body().has("card"), "an expired card names nobody");

        String url = issued.get("verifyUrl").asText();
        Page fr = Page.open(url, "fr");
        assertEquals("expired", fr.status());
        assertEquals("Carte expirée", fr.title());
        assertTrue(fr.verdict().startsWith("Cette carte a expiré"), fr.verdict());
        assertFalse(fr.source().contains("Dubois"), "an expired card names nobody");
        Page en = Page.open(url, "en");
        assertEquals("Card expired", en.title());
        assertTrue(en.verdict().startsWith("This card expired"), en.verdict());
    }

    @Test
    void forgedSignatureIsRefused(TestEnvironment.Env env) throws Exception {
        Cards.Holder holder = Cards.holder(env, "expert-comptable", "COR-100014", "1977-03-03");
        String jws = Cards.card(holder).get("card").asText();
        // The same header (the realm's kid) and claims, signed by another RSA key.
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair forger = generator.generateKeyPair();
        String input = jws.substring(0, jws.lastIndexOf('.'));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(forger.getPrivate());
        signer.update(input.getBytes(StandardCharsets.US_ASCII));
        String forged = input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());

        assertEquals("invalid", Cards.verify(env, forged).field("status"));
        // "alg": "none" and an HMAC "signature" are not cards either.
        String none = Cards.b64("{\"alg\":\"none\",\"typ\":\"ordre-card+jwt\"}") + "." + jws.split("\\.")[1] + ".";
        assertEquals("invalid", Cards.verify(env, none).field("status"));
        String hs = Cards.b64("{\"alg\":\"HS256\",\"typ\":\"ordre-card+jwt\",\"kid\":\"x\"}") + "."
                + jws.split("\\.")[1] + ".AAAA";
        assertEquals("invalid", Cards.verify(env, hs).field("status"));
        // An unknown reference, and junk.
        assertEquals("invalid", Cards.verify(env, "AAAAAAAAAAAAAAAAAAAAAA").field("status"));
        ExpertpassCompanion.Result junk = Cards.verify(env, "not a card <script>");
        assertEquals(200, junk.status(), junk.toString());
        assertEquals("invalid", junk.field("status"));
        ExpertpassCompanion.Result missing =
                Cards.get(env.keycloak().realmUrl() + "/comptexpert/carte/verify", "application/json");
        assertEquals(400, missing.status(), missing.toString());
        assertEquals("missing", missing.field("status"));

        Page fr = Page.open(Cards.verifyUrl(env, forged), "fr");
        assertEquals("invalid", fr.status());
        assertEquals("Carte non authentique", fr.title());
        assertFalse(fr.source().contains("Santoni"), "a forged card names nobody");
        Page en = Page.open(Cards.verifyUrl(env, forged), "en");
        assertEquals("Card not genuine", en.title());
        assertTrue(en.verdict().startsWith("This card is not genuine"), en.verdict());
        assertLogged(env, "INTROSPECT_TOKEN_ERROR", "ordre_card_invalid");
    }

    @Test
    void tamperedFieldIsRefused(TestEnvironment.Env env) {
        Cards.Holder holder = Cards.holder(env, "expert-comptable", "REU-100015", "1984-04-04");
        String jws = Cards.card(holder).get("card").asText();
        String[] parts = jws.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        // A struck-off member borrowing a registered colleague's card keeps the signature and edits the name.
        String tampered = parts[0] + "." + Cards.b64(payload.replace("\"Payet\"", "\"Lemoine\"")) + "." + parts[2];
        assertTrue(!tampered.equals(jws));
        // Or extends its life.
        long exp = Cards.payload(jws).get("exp").asLong();
        String extended = parts[0] + "." + Cards.b64(payload.replace(Long.toString(exp), Long.toString(exp + 86_400)))
                + "." + parts[2];

        assertEquals("invalid", Cards.verify(env, tampered).field("status"));
        assertEquals("invalid", Cards.verify(env, extended).field("status"));
        assertEquals("valid", Cards.verify(env, jws).field("status"), "the untouched card still passes");

        Page fr = Page.open(Cards.verifyUrl(env, tampered), "fr");
        assertEquals("invalid", fr.status());
        assertTrue(fr.verdict().contains("modifiée"), fr.verdict());
        assertFalse(fr.source().contains("Lemoine"));
        Page en = Page.open(Cards.verifyUrl(env, extended), "en");
        assertEquals("invalid", en.status());
        assertTrue(en.verdict().contains("altered"), en.verdict());
    }

    @Test
    void holderStruckOffAfterIssueFailsAtOnce(TestEnvironment.Env env) {
        // The shared demo register cannot change under the other tests: the radiation reaches the account the
        // two ways the Ordre's back office records it: the account is tied to the radié entry, or disabled.
        Cards.Holder tied = Cards.holder(env, "expert-comptable", "ARA-210458", "1971-02-23");
        JsonNode card = Cards.card(tied);
        String reference = card.get("reference").asText();
        assertEquals("valid", Cards.verify(env, reference).field("status"));
        Cards.updateUser(env, tied.userId(), u -> ((ObjectNode) u.get("attributes"))
                .set("ordreNumero", Cards.JSON.valueToTree(List.of("NOR-100011"))));
        assertEquals("not_registered", Cards.verify(env, reference).field("status"));
        assertEquals(
                "not_registered", Cards.verify(env, card.get("card").asText()).field("status"));
        ExpertpassCompanion.Result refused = tied.phone().card();
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("not_registered", refused.field("error"));
        Cards.assertEvent(env, "VERIFIABLE_CREDENTIAL_REQUEST_ERROR", tied.userId(), "ordre_card_not_registered");

        Page fr = Page.open(card.get("verifyUrl").asText(), "fr");
        assertEquals("not_registered", fr.status());
        assertEquals("Titulaire non inscrit au Tableau", fr.title());
        assertTrue(fr.verdict().contains("n'est plus inscrit au Tableau"), fr.verdict());
        assertFalse(fr.source().contains("Mermet"), "a revoked card names nobody");
        Page en = Page.open(card.get("verifyUrl").asText(), "en");
        assertEquals("Holder no longer registered", en.title());

        Cards.Holder disabled = Cards.holder(env, "stagiaire", "ARA-332499", "2002-07-25");
        String jws = Cards.card(disabled).get("card").asText();
        assertEquals("valid", Cards.verify(env, jws).field("status"));
        Cards.updateUser(env, disabled.userId(), u -> u.put("enabled", false));
        assertEquals("not_registered", Cards.verify(env, jws).field("status"));
        assertLogged(env, "INTROSPECT_TOKEN_ERROR", "ordre_card_not_registered");
    }

    @Test
    void ineligibleProfilesGetNoCard(TestEnvironment.Env env) {
        for (String profile : List.of("etudiant", "expert-comptable-entreprise")) {
            Cards.Holder holder = Cards.holder(
                    env, profile, "expert-comptable-entreprise".equals(profile) ? "PDL-100010" : null, "2003-05-17");
            ExpertpassCompanion.Result refused = holder.phone().card();
            assertEquals(403, refused.status(), refused.toString());
            assertEquals("ineligible", refused.field("error"));
            Cards.assertEvent(env, "VERIFIABLE_CREDENTIAL_REQUEST_ERROR", holder.userId(), "ordre_card_ineligible");
        }
        // An eligible profile whose Tableau entry is radié: no card either.
        Cards.Holder radie = Cards.holder(env, "expert-comptable", "NOR-100011", "1972-05-05");
        ExpertpassCompanion.Result refused = radie.phone().card();
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("not_registered", refused.field("error"));

        // A request not signed by the device's key, or stale, or junk.
        Cards.Holder holder = Cards.holder(env, "memorialiste", "NAQ-100007", "1996-04-12");
        String api = holder.phone().key().api() + "/card";
        String body = holder.phone().cardBody(ExpertpassCompanion.now());
        ExpertpassCompanion.Result forged =
                ExpertpassCompanion.post(api, body.replaceAll("\"signature\":\"[^\"]+\"", "\"signature\":\"MEUCIQ\""));
        assertEquals(403, forged.status(), forged.toString());
        assertEquals("bad_signature", forged.field("error"));
        ExpertpassCompanion.Result stale =
                ExpertpassCompanion.post(api, holder.phone().cardBody(ExpertpassCompanion.now() - 600));
        assertEquals(400, stale.status(), stale.toString());
        assertEquals("stale_time", stale.field("error"));
        assertEquals(400, ExpertpassCompanion.post(api, "{nope").status());
        // A card request captured on the way and played again within its time window: its nonce is spent.
        String captured = holder.phone().cardBody(ExpertpassCompanion.now());
        assertEquals(200, ExpertpassCompanion.post(api, captured).status());
        ExpertpassCompanion.Result replayed = ExpertpassCompanion.post(api, captured);
        assertEquals(409, replayed.status(), replayed.toString());
        assertEquals("already_used", replayed.field("error"));
        Cards.assertEvent(env, "VERIFIABLE_CREDENTIAL_REQUEST_ERROR", holder.userId(), "ordre_card_replay");
        assertEquals(200, holder.phone().card().status());
    }

    @Test
    void permanentOfTheOrdreGetsAPermanentCard(TestEnvironment.Env env) {
        Cards.Holder holder = Cards.holder(env, "permanent", null, "1980-01-01");
        JsonNode issued = Cards.card(holder);
        JsonNode claims = Cards.payload(issued.get("card").asText());
        assertEquals("permanent", claims.get("statut").asText());
        assertFalse(claims.has("numero"));
        Page fr = Page.open(issued.get("verifyUrl").asText(), "fr");
        assertEquals("valid", fr.status());
        assertEquals("Permanent de l'Ordre", fr.title());
        assertFalse(fr.source().contains("Inscrit au Tableau"), "a permanent is not said registered on the Tableau");
    }

    @Test
    void verificationIsRateLimitedPerClientIp(TestEnvironment.Env env) {
        Cards.Holder holder = Cards.holder(env, "membre-ece", "IDF-100012", "1980-10-10");
        String reference = Cards.card(holder).get("reference").asText();
        // A window of its own length: counters of its own, not shared with the other tests.
        Cards.realmAttributes(env, Map.of("ordreCardVerifyLimit", "3", "ordreCardVerifyWindowSeconds", "3600"));
        try {
            int allowed = 0;
            ExpertpassCompanion.Result last = null;
            String verify = Cards.verifyUrl(env, reference).replace("/carte?", "/carte/verify?");
            for (int i = 0; i < 6; i++) {
                // Each request claims another client in X-Forwarded-For: the server trusts no proxy here, so the
                // header is not believed and all six count for this connection's address.
                HttpResponse<String> spoofed = HttpExpertpass.get(
                        verify,
                        Map.of(
                                "Accept",
                                "application/json",
                                "X-Forwarded-For",
                                "203.0.113." + (i + 1),
                                "Forwarded",
                                "for=198.51.100." + (i + 1)));
                last = new ExpertpassCompanion.Result(spoofed.statusCode(), HttpExpertpass.json(spoofed.body()));
                if (last.status() == 200) {
                    allowed++;
                }
            }
            assertTrue(allowed <= 3 && allowed >= 1, allowed + " allowed");
            assertEquals(429, last.status(), last.toString());
            assertEquals("rate_limited", last.field("status"));
            HttpResponse<String> raw = Cards.getRaw(
                    Cards.verifyUrl(env, reference).replace("/carte?", "/carte/verify?"), "application/json");
            assertEquals(429, raw.statusCode());
            assertTrue(Integer.parseInt(raw.headers().firstValue("Retry-After").orElse("0")) >= 1);
            // No Accept-Language: the realm's default, French, with the wait filled in.
            assertEquals("fr", raw.headers().firstValue("Content-Language").orElse(""));
            assertTrue(
                    raw.body()
                            .matches(
                                    "(?s).*\"error_description\":\"Trop de vérifications [^\"]*Réessayez dans [0-9\\s\\u00a0\\u202f]+ secondes\\.\".*"),
                    raw.body());

            Page fr = Page.open(Cards.verifyUrl(env, reference), "fr");
            assertEquals("rate_limited", fr.status());
            assertEquals("Trop de vérifications", fr.title());
            assertTrue(fr.verdict().contains("Réessayez dans"), fr.verdict());
            Page en = Page.open(Cards.verifyUrl(env, reference), "en");
            assertEquals("Too many checks", en.title());
        } finally {
            Cards.realmAttributes(env, Map.of("ordreCardVerifyLimit", "10000", "ordreCardVerifyWindowSeconds", "60"));
        }
        assertEquals("valid", Cards.verify(env, reference).field("status"));
        assertLogged(env, "INTROSPECT_TOKEN_ERROR", "ordre_card_rate_limited");
    }

    private static void assertNoPrivateData(Cards.Holder holder, String text) {
        assertFalse(text.contains(holder.birthDate()), "no birth date");
        assertFalse(text.contains(holder.email()), "no email");
        assertFalse(text.contains(holder.username()), "no identifiant");
    }

    /** Verification events are not stored by default (like OAuth introspection); the jboss-logging listener logs errors. */
    private static void assertLogged(TestEnvironment.Env env, String type, String error) {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            try {
                String log = Files.readString(env.keycloak().logFile());
                if (log.lines().anyMatch(l -> l.contains(type) && l.contains(error))) {
                    return;
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Cards.sleep(200);
        }
        throw new AssertionError(
                "no " + type + " " + error + " in " + env.keycloak().logFile());
    }
}
