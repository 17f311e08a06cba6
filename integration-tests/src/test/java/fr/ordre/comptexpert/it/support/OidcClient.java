package fr.ordre.comptexpert.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A relying party of the realm "ordre": authorization code flow with PKCE (S256), as the Ordre's services do; public
 * (the demo app, the load driver) or confidential (the services, their secret sent with each token request).
 */
public final class OidcClient {

    /** One authorization request: the verifier stays here, the challenge goes in the URL. */
    public record Authorization(String url, String state, String verifier, String redirectUri) {}

    private final String realmUrl;
    private final String clientId;
    /** null for a public client. */
    private final String secret;

    public OidcClient(String realmUrl, String clientId) {
        this(realmUrl, clientId, null);
    }

    /** A confidential client, authenticated by its secret in the token requests' form (client_secret_post). */
    public OidcClient(String realmUrl, String clientId, String secret) {
        this.realmUrl = realmUrl;
        this.clientId = clientId;
        this.secret = secret;
    }

    public Authorization authorize(String redirectUri) {
        return authorize(redirectUri, null);
    }

    /** @param uiLocale the {@code ui_locales} parameter, or null to leave the language to the browser */
    public Authorization authorize(String redirectUri, String uiLocale) {
        Pkce pkce = Pkce.s256();
        String state = Pkce.random();
        String url = realmUrl + "/protocol/openid-connect/auth?response_type=code&scope=openid"
                + "&client_id=" + UrlForm.encode(clientId)
                + "&redirect_uri=" + UrlForm.encode(redirectUri)
                + "&state=" + state
                + "&code_challenge_method=S256&code_challenge=" + pkce.challenge()
                + (uiLocale == null ? "" : "&ui_locales=" + UrlForm.encode(uiLocale));
        return new Authorization(url, state, pkce.verifier(), redirectUri);
    }

    /** Exchanges the code found in the redirect URL for tokens; anything but a 200 fails. */
    public JsonNode exchange(Authorization authorization, String callbackUrl) {
        return AdminApi.read(AdminApi.expect(redeem(authorization, callbackUrl), 200));
    }

    /** Sends the code found in the redirect URL to the token endpoint (after checking the state): its answer as it is. */
    public HttpResponse<String> redeem(Authorization authorization, String callbackUrl) {
        Map<String, String> query = query(callbackUrl);
        if (!authorization.state().equals(query.get("state"))) {
            throw new AssertionError("State mismatch in " + callbackUrl);
        }
        if (query.get("code") == null) {
            throw new AssertionError("No code in " + callbackUrl);
        }
        return token("grant_type=authorization_code&code=" + UrlForm.encode(query.get("code"))
                + "&redirect_uri=" + UrlForm.encode(authorization.redirectUri())
                + "&code_verifier=" + authorization.verifier());
    }

    public HttpResponse<String> refresh(String refreshToken) {
        return token("grant_type=refresh_token&refresh_token=" + UrlForm.encode(refreshToken));
    }

    /** Any grant at the token endpoint, as this client ({@code form} without the client's own parameters). */
    public HttpResponse<String> token(String form) {
        String client = "&client_id=" + UrlForm.encode(clientId)
                + (secret == null ? "" : "&client_secret=" + UrlForm.encode(secret));
        return send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + client)));
    }

    /** The userinfo endpoint's claims for an access token; anything but a 200 fails. */
    public JsonNode userinfo(String accessToken) {
        return AdminApi.read(AdminApi.expect(
                send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/userinfo"))
                        .header("Authorization", "Bearer " + accessToken)
                        .GET()),
                200));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return Http.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
            params.put(
                    URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
