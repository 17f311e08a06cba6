package fr.ordre.comptexpert.it.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A relying party of the realm "ordre": authorization code flow with PKCE (S256), as the Ordre's services do. */
public final class OidcClient {

    /** One authorization request: the verifier stays here, the challenge goes in the URL. */
    public record Authorization(String url, String state, String verifier, String redirectUri) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String realmUrl;
    private final String clientId;
    private final HttpClient http = HttpClient.newHttpClient();

    public OidcClient(String realmUrl, String clientId) {
        this.realmUrl = realmUrl;
        this.clientId = clientId;
    }

    public Authorization authorize(String redirectUri) {
        String verifier = random();
        String state = random();
        String url = realmUrl + "/protocol/openid-connect/auth?response_type=code&scope=openid"
                + "&client_id=" + enc(clientId)
                + "&redirect_uri=" + enc(redirectUri)
                + "&state=" + state
                + "&code_challenge_method=S256&code_challenge=" + challenge(verifier);
        return new Authorization(url, state, verifier, redirectUri);
    }

    /** Exchanges the code found in the redirect URL; checks the state first. */
    public JsonNode exchange(Authorization authorization, String callbackUrl) {
        Map<String, String> query = query(callbackUrl);
        if (!authorization.state().equals(query.get("state"))) {
            throw new AssertionError("State mismatch in " + callbackUrl);
        }
        if (query.get("code") == null) {
            throw new AssertionError("No code in " + callbackUrl);
        }
        return tokenRequest("grant_type=authorization_code&code=" + enc(query.get("code"))
                + "&redirect_uri=" + enc(authorization.redirectUri())
                + "&code_verifier=" + authorization.verifier());
    }

    public HttpResponse<String> refresh(String refreshToken) {
        return post("grant_type=refresh_token&refresh_token=" + enc(refreshToken));
    }

    private JsonNode tokenRequest(String form) {
        return AdminApi.read(AdminApi.expect(post(form), 200));
    }

    private HttpResponse<String> post(String form) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form + "&client_id=" + enc(clientId))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The payload of a JWT. The signature is the server's business; tests read claims. */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        return AdminApi.read(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    public static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
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

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
