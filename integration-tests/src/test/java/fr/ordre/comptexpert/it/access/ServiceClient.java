package fr.ordre.comptexpert.it.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ordre.comptexpert.it.support.AdminApi;
import fr.ordre.comptexpert.it.support.OidcClient;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * One of the Ordre's services as a confidential relying party: authorization code with PKCE, the secret
 * read through the Admin API (Keycloak generated it at import), on a loopback redirect URI.
 */
final class ServiceClient {

    record Authorization(String url, String state, String verifier, String redirectUri) {
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    final String clientId;
    private final String realmUrl;
    private final String secret;
    private final HttpClient http = HttpClient.newHttpClient();

    private ServiceClient(String realmUrl, String clientId, String secret) {
        this.realmUrl = realmUrl;
        this.clientId = clientId;
        this.secret = secret;
    }

    static ServiceClient of(AdminApi admin, String realmUrl, String clientId) {
        JsonNode clients = admin.get("/admin/realms/ordre/clients?clientId=" + enc(clientId));
        if (clients.isEmpty()) {
            throw new AssertionError("No client " + clientId + " in realm ordre");
        }
        String id = clients.get(0).get("id").asText();
        String secret = admin.get("/admin/realms/ordre/clients/" + id + "/client-secret").get("value").asText();
        return new ServiceClient(realmUrl, clientId, secret);
    }

    /** Loopback, any port (RFC 8252): nothing needs to listen, the code is read from the redirect. */
    static String redirectUri() {
        return "http://127.0.0.1:49152/callback";
    }

    Authorization authorize(String uiLocale) {
        return authorize(uiLocale, redirectUri());
    }

    Authorization authorize(String uiLocale, String redirectUri) {
        String verifier = random();
        String state = random();
        String url = realmUrl + "/protocol/openid-connect/auth?response_type=code&scope=openid"
                + "&client_id=" + enc(clientId) + "&redirect_uri=" + enc(redirectUri) + "&state=" + state
                + "&code_challenge_method=S256&code_challenge=" + challenge(verifier)
                + (uiLocale == null ? "" : "&ui_locales=" + uiLocale);
        return new Authorization(url, state, verifier, redirectUri);
    }

    HttpResponse<String> exchange(Authorization authorization, String callbackUrl) {
        var query = OidcClient.query(callbackUrl);
        if (!authorization.state().equals(query.get("state")) || query.get("code") == null) {
            throw new AssertionError("No code or wrong state in " + callbackUrl);
        }
        return post("/protocol/openid-connect/token", "grant_type=authorization_code&code=" + enc(query.get("code"))
                + "&redirect_uri=" + enc(authorization.redirectUri()) + "&code_verifier=" + authorization.verifier());
    }

    /** Any grant at the token endpoint, authenticated as this client ({@code form} without client credentials). */
    HttpResponse<String> token(String form) {
        return post("/protocol/openid-connect/token", form);
    }

    HttpResponse<String> refresh(String refreshToken) {
        return post("/protocol/openid-connect/token", "grant_type=refresh_token&refresh_token=" + enc(refreshToken));
    }

    JsonNode userinfo(String accessToken) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/userinfo"))
                    .header("Authorization", "Bearer " + accessToken).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("userinfo gave " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String path, String form) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(realmUrl + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form + "&client_id=" + enc(clientId)
                            + "&client_secret=" + enc(secret))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + body, e);
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
