package fr.ordre.comptexpert.it.card;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ordre.comptexpert.companion.DeviceKey;
import fr.ordre.comptexpert.companion.ExpertpassCompanion;
import fr.ordre.comptexpert.it.support.Http;
import fr.ordre.comptexpert.it.support.Json;
import fr.ordre.comptexpert.it.support.RealmEvents;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import fr.ordre.comptexpert.it.support.UrlForm;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Test helpers for the professional card: holders with an enrolled phone, the card's parts, the JSON check. */
final class Cards {

    static final String REALM = "/admin/realms/ordre";
    static final ObjectMapper JSON = Json.MAPPER;
    private static final AtomicInteger SEQ = new AtomicInteger();

    /** A holder: the account's username, id, birth date and email (which the card must never show), and the phone. */
    record Holder(String username, String userId, String email, String birthDate, ExpertpassCompanion phone) {}

    private Cards() {}

    /**
     * A new account of the profile, tied to the Tableau entry {@code numero} (or none), with one enrolled
     * Expertpass phone: an ordre-expertpass credential holding the public key of a fresh P-256 key, created by
     * the Admin REST API as an admin would (ExpertpassIT covers enrolment through the real page).
     */
    static Holder holder(TestEnvironment.Env env, String profile, String numero, String birthDate) {
        String username = "card" + SEQ.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@example.org";
        DeviceKey key = DeviceKey.generate();
        Map<String, List<String>> attributes =
                new HashMap<>(Map.of("ordreProfile", List.of(profile), "birthDate", List.of(birthDate)));
        if (numero != null) {
            attributes.put("ordreNumero", List.of(numero));
        }
        String credentialData;
        try {
            credentialData = JSON.writeValueAsString(Map.of("publicKey", key.publicKey(), "algorithm", "ES256"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> user = Map.of(
                "username",
                username,
                "enabled",
                true,
                "email",
                email,
                "emailVerified",
                true,
                "firstName",
                "Prénom" + SEQ.get(),
                "lastName",
                "Compte",
                "attributes",
                attributes,
                "credentials",
                List.of(Map.of(
                        "type",
                        "ordre-expertpass",
                        "userLabel",
                        "Phone of " + username,
                        "credentialData",
                        credentialData,
                        "secretData",
                        "{}")));
        HttpResponse<String> created = env.admin().post(REALM + "/users", user);
        assertEquals(201, created.statusCode(), created.body());
        String userId = env.admin().userByUsername("ordre", username).get("id").asText();
        String credentialId = null;
        for (JsonNode c : env.admin().get(REALM + "/users/" + userId + "/credentials")) {
            if ("ordre-expertpass".equals(c.get("type").asText())) {
                credentialId = c.get("id").asText();
            }
        }
        if (credentialId == null) {
            throw new AssertionError("no ordre-expertpass credential created for " + username);
        }
        String api = env.keycloak().realmUrl() + "/comptexpert/expertpass/v1";
        ExpertpassCompanion phone = new ExpertpassCompanion(
                key.enrolled(env.keycloak().realmUrl(), api, userId + "." + credentialId, "Phone", username));
        return new Holder(username, userId, email, birthDate, phone);
    }

    /** The card of a holder, asserting it was issued. */
    static JsonNode card(Holder holder) {
        ExpertpassCompanion.Result result = holder.phone().card();
        assertEquals(200, result.status(), result.toString());
        return result.body();
    }

    static JsonNode header(String jws) {
        return part(jws, 0);
    }

    static JsonNode payload(String jws) {
        return part(jws, 1);
    }

    private static JsonNode part(String jws, int index) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[index]));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The RSA key of the realm's published JWKS that the card's kid names. */
    static PublicKey publishedKey(TestEnvironment.Env env, String kid) throws GeneralSecurityException {
        JsonNode jwks = get(env.keycloak().realmUrl() + "/protocol/openid-connect/certs", "application/json")
                .body();
        for (JsonNode key : jwks.get("keys")) {
            if (kid.equals(key.path("kid").asText())
                    && "RSA".equals(key.path("kty").asText())) {
                return KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(
                                new BigInteger(
                                        1,
                                        Base64.getUrlDecoder()
                                                .decode(key.get("n").asText())),
                                new BigInteger(
                                        1,
                                        Base64.getUrlDecoder()
                                                .decode(key.get("e").asText()))));
            }
        }
        throw new AssertionError("kid " + kid + " not in the realm's JWKS " + jwks);
    }

    static boolean verifiesWith(PublicKey key, String jws) throws GeneralSecurityException {
        int dot = jws.lastIndexOf('.');
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(key);
        verifier.update(jws.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(Base64.getUrlDecoder().decode(jws.substring(dot + 1)));
    }

    /** GET .../carte/verify?c=... : the machine check. */
    static ExpertpassCompanion.Result verify(TestEnvironment.Env env, String c) {
        return get(verifyUrl(env, c).replace("/carte?", "/carte/verify?"), "application/json");
    }

    static String verifyUrl(TestEnvironment.Env env, String c) {
        return env.keycloak().realmUrl() + "/comptexpert/carte?c=" + UrlForm.encode(c);
    }

    static ExpertpassCompanion.Result get(String url, String accept) {
        try {
            HttpResponse<String> response = Http.CLIENT.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Accept", accept)
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (Exception e) {
                body = JSON.createObjectNode().put("raw", response.body());
            }
            return new ExpertpassCompanion.Result(response.statusCode(), body);
        } catch (Exception e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
        }
    }

    static HttpResponse<String> getRaw(String url, String accept) {
        try {
            return Http.CLIENT.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Accept", accept)
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
        }
    }

    /** Sets realm attributes (the card's settings); an empty value falls back to the default. */
    static void realmAttributes(TestEnvironment.Env env, Map<String, String> attributes) {
        HttpResponse<String> updated = env.admin().put(REALM, Map.of("attributes", attributes));
        assertEquals(204, updated.statusCode(), updated.body());
    }

    static void updateUser(
            TestEnvironment.Env env,
            String userId,
            java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> change) {
        com.fasterxml.jackson.databind.node.ObjectNode user =
                (com.fasterxml.jackson.databind.node.ObjectNode) env.admin().get(REALM + "/users/" + userId);
        change.accept(user);
        HttpResponse<String> updated = env.admin().put(REALM + "/users/" + userId, user);
        assertEquals(204, updated.statusCode(), updated.body());
    }

    static void assertEvent(TestEnvironment.Env env, String type, String userId, String error) {
        RealmEvents.await(env, type, userId, error);
    }

    static void sleep(long millis) {
        RealmEvents.pause(millis);
    }
}
