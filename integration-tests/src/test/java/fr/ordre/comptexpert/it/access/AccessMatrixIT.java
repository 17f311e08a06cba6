package fr.ordre.comptexpert.it.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ordre.comptexpert.it.support.AdminApi;
import fr.ordre.comptexpert.it.support.OidcClient;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every cell of the default matrix: a person of each profile signs in to each service through the real login
 * form (HTTP, no browser: 60 sign-ins), and is let in (code, tokens) or refused (403 page, event) as configured.
 */
@ExtendWith(TestEnvironment.class)
class AccessMatrixIT {

    @Test
    void everyProfileOnEveryServiceIsAllowedOrRefusedAsConfigured(TestEnvironment.Env env) {
        Map<String, String> users = new LinkedHashMap<>();
        for (String profile : AccessFixtures.PROFILES) {
            users.put(profile, AccessFixtures.createUser(env.admin(), "matrix", profile, "fr"));
        }
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (var service : AccessFixtures.MATRIX.entrySet()) {
            OidcClient client = ServiceClient.of(env.admin(), env.keycloak().realmUrl(), service.getKey());
            for (var user : users.entrySet()) {
                cells++;
                boolean expected = service.getValue().contains(user.getKey());
                String cell = service.getKey() + " × " + user.getKey();
                OidcClient.Authorization authorization = client.authorize(ServiceClient.REDIRECT_URI);
                FormSignIn.Outcome outcome = new FormSignIn("fr")
                        .signIn(
                                authorization.url(),
                                authorization.redirectUri(),
                                user.getValue(),
                                AccessFixtures.PASSWORD);
                if (expected) {
                    if (!outcome.reachedService()) {
                        wrong.add(cell + ": expected allowed, got " + outcome.status());
                        continue;
                    }
                    HttpResponse<String> tokens = client.redeem(authorization, outcome.callbackUrl());
                    if (tokens.statusCode() != 200) {
                        wrong.add(cell + ": code exchange gave " + tokens.statusCode() + " " + tokens.body());
                        continue;
                    }
                    JsonNode access = OidcClient.claims(
                            AdminApi.read(tokens.body()).get("access_token").asText());
                    if (!user.getKey().equals(access.path("ordre_profile").asText())) {
                        wrong.add(cell + ": ordre_profile claim " + access.path("ordre_profile"));
                    }
                } else if (outcome.reachedService()
                        || outcome.status() != 403
                        || !outcome.body().contains("id=\"ordre-access-denied\"")
                        || !outcome.body().contains(html(AccessFixtures.SERVICE_NAMES.get(service.getKey())))) {
                    wrong.add(cell + ": expected the refusal page (403), got " + outcome.status()
                            + (outcome.reachedService() ? " and a code" : ""));
                }
            }
        }
        assertEquals(60, cells);
        assertTrue(wrong.isEmpty(), wrong.size() + " cells wrong:\n" + String.join("\n", wrong));

        // Each refusal left an event naming user, client and profile.
        JsonNode events = AccessFixtures.events(env.admin(), users.get("etudiant"), "LOGIN_ERROR");
        long refusals = 0;
        for (JsonNode event : events) {
            if ("ordre_profile_not_allowed".equals(event.path("error").asText())) {
                refusals++;
                assertEquals(
                        "etudiant", event.path("details").path("ordre_profile").asText());
                assertEquals(
                        "profile_not_allowed",
                        event.path("details").path("ordre_reason").asText());
                assertTrue(
                        AccessFixtures.MATRIX.containsKey(event.path("clientId").asText()), event.toString());
            }
        }
        assertEquals(
                AccessFixtures.MATRIX.values().stream()
                        .filter(p -> !p.contains("etudiant"))
                        .count(),
                refusals,
                "one refusal event per service closed to étudiants: " + events);
    }

    /** FreeMarker escapes what it prints: the service names as they appear in the HTML. */
    static String html(String text) {
        return text.replace("'", "&#39;");
    }
}
