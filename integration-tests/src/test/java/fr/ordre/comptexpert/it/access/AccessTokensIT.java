package fr.ordre.comptexpert.it.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ordre.comptexpert.it.support.AdminApi;
import fr.ordre.comptexpert.it.support.OidcClient;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import fr.ordre.comptexpert.it.support.UrlForm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The profile in tokens, and changes made by an admin or by the register taking effect at the next refresh. */
@ExtendWith(TestEnvironment.class)
class AccessTokensIT {

    private static final List<String> BIRTH_DATE_NAMES = List.of("birthDate", "birthdate", "birth_date");

    record Session(OidcClient client, JsonNode tokens) {
        String refreshToken() {
            return tokens.get("refresh_token").asText();
        }
    }

    private static Session signIn(TestEnvironment.Env env, String clientId, String username) {
        OidcClient client = ServiceClient.of(env.admin(), env.keycloak().realmUrl(), clientId);
        OidcClient.Authorization authorization = client.authorize(ServiceClient.REDIRECT_URI);
        FormSignIn.Outcome outcome = new FormSignIn("fr")
                .signIn(authorization.url(), authorization.redirectUri(), username, AccessFixtures.PASSWORD);
        assertTrue(outcome.reachedService(), username + " should enter " + clientId + ", got " + outcome.status());
        HttpResponse<String> tokens = client.redeem(authorization, outcome.callbackUrl());
        assertEquals(200, tokens.statusCode(), tokens.body());
        return new Session(client, AdminApi.read(tokens.body()));
    }

    @Test
    void tableauMembersCarryProfileNumeroAndConseilNeverTheBirthDate(TestEnvironment.Env env) {
        String member = AccessFixtures.createUser(env.admin(), "claims", "expert-comptable", "fr");
        Session session = signIn(env, "experts-comptables-fr", member);
        JsonNode id = OidcClient.claims(session.tokens().get("id_token").asText());
        JsonNode access = OidcClient.claims(session.tokens().get("access_token").asText());
        JsonNode userinfo =
                session.client().userinfo(session.tokens().get("access_token").asText());
        for (JsonNode claims : List.of(id, access, userinfo)) {
            assertEquals("expert-comptable", claims.path("ordre_profile").asText(), claims.toString());
            assertEquals("IDF-100001", claims.path("ordre_numero").asText(), claims.toString());
            assertEquals("Île-de-France", claims.path("ordre_conseil_regional").asText(), claims.toString());
            assertNoBirthDate(claims);
        }
        assertNoBirthDate(OidcClient.claims(session.refreshToken()));
        assertTrue(access.path("scope").asText().contains("ordre-profile"), access.toString());
    }

    @Test
    void otherProfilesCarryTheProfileOnly(TestEnvironment.Env env) {
        String student = AccessFixtures.createUser(env.admin(), "claims", "etudiant", "fr");
        Session session = signIn(env, "revue-francaise-comptabilite", student);
        JsonNode id = OidcClient.claims(session.tokens().get("id_token").asText());
        JsonNode userinfo =
                session.client().userinfo(session.tokens().get("access_token").asText());
        for (JsonNode claims : List.of(id, userinfo)) {
            assertEquals("etudiant", claims.path("ordre_profile").asText());
            assertFalse(claims.has("ordre_numero"), claims.toString());
            assertFalse(claims.has("ordre_conseil_regional"), claims.toString());
            assertNoBirthDate(claims);
        }
    }

    @Test
    void theProfileScopeIsARealmDefaultBesideKeycloaksOwn(TestEnvironment.Env env) {
        JsonNode scopes = env.admin().get("/admin/realms/ordre/default-default-client-scopes");
        assertTrue(scopes.toString().contains("\"ordre-profile\""), scopes.toString());
        assertTrue(scopes.toString().contains("\"profile\""), "Keycloak's own default scopes are kept: " + scopes);
    }

    @Test
    void refreshAfterAnAdminChangesTheProfileIsRefused(TestEnvironment.Env env) {
        String person = AccessFixtures.createUser(env.admin(), "change", "expert-comptable", "fr");
        Session session = signIn(env, "network-experts-comptables", person);
        HttpResponse<String> first = session.client().refresh(session.refreshToken());
        assertEquals(200, first.statusCode(), "still allowed before the change: " + first.body());

        AccessFixtures.moveToProfile(env.admin(), person, "expert-comptable", "enseignant");
        HttpResponse<String> refused = session.client()
                .refresh(AdminApi.read(first.body()).get("refresh_token").asText());
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("invalid_grant", AdminApi.read(refused.body()).get("error").asText());

        // REFRESH_TOKEN_ERROR is not among the types Keycloak stores by default: read the event listener's log line.
        String line = eventLogLine(env, "REFRESH_TOKEN_ERROR", person);
        assertTrue(line.contains("error=\"ordre_profile_not_allowed\""), line);
        assertTrue(line.contains("ordre_profile=\"enseignant\""), line);
        assertTrue(line.contains("clientId=\"network-experts-comptables\""), line);

        // The same person, now a teacher, still reads Bibliordre.
        signIn(env, "bibliordre", person);
    }

    @Test
    void aCodeIssuedBeforeTheChangeIsNotExchanged(TestEnvironment.Env env) {
        String person = AccessFixtures.createUser(env.admin(), "code", "honoraire", "fr");
        OidcClient client = ServiceClient.of(env.admin(), env.keycloak().realmUrl(), "network-experts-comptables");
        OidcClient.Authorization authorization = client.authorize(ServiceClient.REDIRECT_URI);
        FormSignIn.Outcome outcome = new FormSignIn("fr")
                .signIn(authorization.url(), authorization.redirectUri(), person, AccessFixtures.PASSWORD);
        assertTrue(outcome.reachedService());
        AccessFixtures.moveToProfile(env.admin(), person, "honoraire", "autre");
        HttpResponse<String> refused = client.redeem(authorization, outcome.callbackUrl());
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("invalid_grant", AdminApi.read(refused.body()).get("error").asText());
        assertEquals(
                "autre",
                ourEvent(AccessFixtures.events(env.admin(), person, "CODE_TO_TOKEN_ERROR"))
                        .path("details")
                        .path("ordre_profile")
                        .asText());
    }

    @Test
    void aStruckOffMemberIsRefusedWhereOnlyTheTableauOpens(TestEnvironment.Env env) {
        // NOR-100011 (Lemoine) is "radie" in the demo register.
        String struckOff =
                AccessFixtures.createUser(env.admin(), "radie", "expert-comptable", "NOR-100011", "Normandie", "fr");
        OidcClient client = ServiceClient.of(env.admin(), env.keycloak().realmUrl(), "experts-comptables-fr");
        OidcClient.Authorization authorization = client.authorize(ServiceClient.REDIRECT_URI);
        FormSignIn.Outcome outcome = new FormSignIn("fr")
                .signIn(authorization.url(), authorization.redirectUri(), struckOff, AccessFixtures.PASSWORD);
        assertFalse(outcome.reachedService());
        assertEquals(403, outcome.status());
        assertTrue(
                outcome.body().contains("Tableau de l&#39;Ordre")
                        || outcome.body().contains("Tableau de l'Ordre"),
                outcome.body());
        JsonNode event = ourEvent(AccessFixtures.events(env.admin(), struckOff, "LOGIN_ERROR"));
        assertEquals(
                "not_on_register", event.path("details").path("ordre_reason").asText());
    }

    @Test
    void aMemberStruckOffAfterSigningInIsRefusedAtTheNextRefresh(TestEnvironment.Env env) {
        String member = AccessFixtures.createUser(env.admin(), "struck", "expert-comptable", "fr");
        Session session = signIn(env, "bibliordre", member);
        // The register now says otherwise about this account: its numéro points to a struck-off entry.
        AccessFixtures.setAttribute(env.admin(), member, "ordreNumero", "NOR-100011");
        HttpResponse<String> refused = session.client().refresh(session.refreshToken());
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("invalid_grant", AdminApi.read(refused.body()).get("error").asText());
    }

    /** The jboss-logging event listener's line for our refusal (type, username), waiting briefly for the log. */
    private static String eventLogLine(TestEnvironment.Env env, String type, String username) {
        long until = System.currentTimeMillis() + 10_000;
        while (true) {
            try {
                for (String line : Files.readAllLines(env.keycloak().logFile())) {
                    if (line.contains("type=\"" + type + "\"")
                            && line.contains("username=\"" + username + "\"")
                            && line.contains("ordre_profile_not_allowed")) {
                        return line;
                    }
                }
                if (System.currentTimeMillis() > until) {
                    throw new AssertionError("No " + type + " event for " + username + " in "
                            + env.keycloak().logFile());
                }
                Thread.sleep(200);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Service clients have no full scope: a token names its own service only, never the others the user may enter. */
    @Test
    void eachTokenCarriesItsOwnAudienceOnly(TestEnvironment.Env env) {
        String member = AccessFixtures.createUser(env.admin(), "aud", "expert-comptable", "fr");
        Session session = signIn(env, "bibliordre", member);
        JsonNode access = OidcClient.claims(session.tokens().get("access_token").asText());
        JsonNode aud = access.path("aud");
        List<String> audiences = new java.util.ArrayList<>();
        if (aud.isArray()) {
            aud.forEach(a -> audiences.add(a.asText()));
        } else {
            audiences.add(aud.asText());
        }
        assertEquals(List.of("bibliordre"), audiences, access.toString());
        access.path("resource_access")
                .fieldNames()
                .forEachRemaining(c -> assertEquals("bibliordre", c, access.toString()));
        assertTrue(
                access.path("realm_access").isMissingNode()
                        || access.path("realm_access").path("roles").isEmpty(),
                access.toString());
    }

    /**
     * An admin who enables the password grant on a gated service does not open a way around the gate; token exchange
     * towards or by a gated service is refused outright.
     */
    @Test
    void everyGrantOnAGatedClientIsGatedOrRefused(TestEnvironment.Env env) {
        String student = AccessFixtures.createUser(env.admin(), "grant", "etudiant", "fr");
        String member = AccessFixtures.createUser(env.admin(), "grant", "expert-comptable", "fr");
        Session memberSession = signIn(env, "network-experts-comptables", member);
        JsonNode client = env.admin()
                .get("/admin/realms/ordre/clients?clientId=network-experts-comptables")
                .get(0);
        String path = "/admin/realms/ordre/clients/" + client.get("id").asText();
        ((com.fasterxml.jackson.databind.node.ObjectNode) client).put("directAccessGrantsEnabled", true);
        ((com.fasterxml.jackson.databind.node.ObjectNode) client.get("attributes"))
                .put("standard.token.exchange.enabled", "true");
        AccessFixtures.expect(env.admin().put(path, client), 204);
        try {
            OidcClient service = memberSession.client();
            HttpResponse<String> refused = service.token("grant_type=password&scope=openid&username="
                    + UrlForm.encode(student) + "&password=" + UrlForm.encode(AccessFixtures.PASSWORD));
            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals(
                    "invalid_grant", AdminApi.read(refused.body()).get("error").asText());
            ourEvent(AccessFixtures.events(env.admin(), student, "LOGIN_ERROR"));
            HttpResponse<String> allowed = service.token("grant_type=password&scope=openid&username="
                    + UrlForm.encode(member) + "&password=" + UrlForm.encode(AccessFixtures.PASSWORD));
            assertEquals(
                    200, allowed.statusCode(), "the gate, not a ban: an allowed profile passes: " + allowed.body());

            HttpResponse<String> exchanged = service.token("grant_type="
                    + UrlForm.encode("urn:ietf:params:oauth:grant-type:token-exchange")
                    + "&subject_token="
                    + UrlForm.encode(memberSession.tokens().get("access_token").asText())
                    + "&subject_token_type=" + UrlForm.encode("urn:ietf:params:oauth:token-type:access_token"));
            assertTrue(
                    exchanged.statusCode() == 400 || exchanged.statusCode() == 403,
                    exchanged.statusCode() + " " + exchanged.body());
            assertEquals(
                    "unauthorized_client",
                    AdminApi.read(exchanged.body()).get("error").asText(),
                    exchanged.body());
            JsonNode events = env.admin()
                    .get("/admin/realms/ordre/events?type=TOKEN_EXCHANGE_ERROR&client=network-experts-comptables");
            assertTrue(events.toString().contains("ordre_profile_not_allowed"), events.toString());
        } finally {
            JsonNode restored = env.admin().get(path);
            ((com.fasterxml.jackson.databind.node.ObjectNode) restored).put("directAccessGrantsEnabled", false);
            ((com.fasterxml.jackson.databind.node.ObjectNode) restored.get("attributes"))
                    .remove("standard.token.exchange.enabled");
            AccessFixtures.expect(env.admin().put(path, restored), 204);
        }
    }

    private static JsonNode ourEvent(JsonNode events) {
        for (JsonNode event : events) {
            if ("ordre_profile_not_allowed".equals(event.path("error").asText())) {
                return event;
            }
        }
        throw new AssertionError("No ordre_profile_not_allowed event in " + events);
    }

    private static void assertNoBirthDate(JsonNode claims) {
        for (String name : BIRTH_DATE_NAMES) {
            assertFalse(claims.has(name), name + " must never leave Keycloak: " + claims);
        }
        assertFalse(claims.toString().contains("1980-01-15"), "the birth date value leaked: " + claims);
    }
}
