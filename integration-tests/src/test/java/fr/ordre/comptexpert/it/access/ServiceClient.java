package fr.ordre.comptexpert.it.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ordre.comptexpert.it.support.AdminApi;
import fr.ordre.comptexpert.it.support.Http;
import fr.ordre.comptexpert.it.support.Json;
import fr.ordre.comptexpert.it.support.OidcClient;
import fr.ordre.comptexpert.it.support.Pkce;
import fr.ordre.comptexpert.it.support.UrlForm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * One of the Ordre's services as a confidential relying party: authorization code with PKCE, the secret
 * read through the Admin API (Keycloak generated it at import), on a loopback redirect URI.
 */
public final class ServiceClient {

    public record Authorization(String url, String state, String verifier, String redirectUri) {}

    static final ObjectMapper JSON = Json.MAPPER;

    final String clientId;
    private final String realmUrl;
    private final String secret;

    private ServiceClient(String realmUrl, String clientId, String secret) {
        this.realmUrl = realmUrl;
        this.clientId = clientId;
        this.secret = secret;
    }

    public static ServiceClient of(AdminApi admin, String realmUrl, String clientId) {
        JsonNode clients = admin.get("/admin/realms/ordre/clients?clientId=" + UrlForm.encode(clientId));
        if (clients.isEmpty()) {
            throw new AssertionError("No client " + clientId + " in realm ordre");
        }
        String id = clients.get(0).get("id").asText();
        String secret = admin.get("/admin/realms/ordre/clients/" + id + "/client-secret")
                .get("value")
                .asText();
        return new ServiceClient(realmUrl, clientId, secret);
    }

    /** Loopback, any port (RFC 8252): nothing needs to listen, the code is read from the redirect. */
    static String redirectUri() {
        return "http://127.0.0.1:49152/callback";
    }

    public Authorization authorize(String uiLocale) {
        return authorize(uiLocale, redirectUri());
    }

    Authorization authorize(String uiLocale, String redirectUri) {
        Pkce pkce = Pkce.s256();
        String state = Pkce.random();
        String url = realmUrl + "/protocol/openid-connect/auth?response_type=code&scope=openid"
                + "&client_id=" + UrlForm.encode(clientId) + "&redirect_uri=" + UrlForm.encode(redirectUri) + "&state="
                + state
                + "&code_challenge_method=S256&code_challenge=" + pkce.challenge()
                + (uiLocale == null ? "" : "&ui_locales=" + uiLocale);
        return new Authorization(url, state, pkce.verifier(), redirectUri);
    }

    public HttpResponse<String> exchange(Authorization authorization, String callbackUrl) {
        var query = OidcClient.query(callbackUrl);
        if (!authorization.state().equals(query.get("state")) || query.get("code") == null) {
            throw new AssertionError("No code or wrong state in " + callbackUrl);
        }
        return post(
                "/protocol/openid-connect/token",
                "grant_type=authorization_code&code=" + UrlForm.encode(query.get("code")) + "&redirect_uri="
                        + UrlForm.encode(authorization.redirectUri()) + "&code_verifier=" + authorization.verifier());
    }

    /** Any grant at the token endpoint, authenticated as this client ({@code form} without client credentials). */
    HttpResponse<String> token(String form) {
        return post("/protocol/openid-connect/token", form);
    }

    HttpResponse<String> refresh(String refreshToken) {
        return post(
                "/protocol/openid-connect/token",
                "grant_type=refresh_token&refresh_token=" + UrlForm.encode(refreshToken));
    }

    JsonNode userinfo(String accessToken) {
        try {
            HttpResponse<String> response = Http.CLIENT.send(
                    HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/userinfo"))
                            .header("Authorization", "Bearer " + accessToken)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
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
            return Http.CLIENT.send(
                    HttpRequest.newBuilder(URI.create(realmUrl + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form + "&client_id=" + UrlForm.encode(clientId)
                                    + "&client_secret=" + UrlForm.encode(secret)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
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
}
