package fr.ordre.comptexpert.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/** The few Admin REST calls the harness needs, with the bootstrap admin of the master realm. */
public final class AdminApi {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    /** A token is renewed this long before it expires (the master realm's last 60 s), so no call carries one about to lapse. */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(15);

    private final String baseUrl;
    private String token;
    private Instant renewTokenAt = Instant.MIN;

    public AdminApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    private synchronized String token() {
        if (token == null || !Instant.now().isBefore(renewTokenAt)) {
            Instant asked = Instant.now();
            String form =
                    "grant_type=password&client_id=admin-cli&username=" + ADMIN_USER + "&password=" + ADMIN_PASSWORD;
            JsonNode response = read(expect(
                    send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build()),
                    200));
            token = response.get("access_token").asText();
            renewTokenAt =
                    asked.plusSeconds(response.path("expires_in").asLong(0)).minus(TOKEN_MARGIN);
        }
        return token;
    }

    private synchronized void forgetToken() {
        token = null;
    }

    public JsonNode get(String path) {
        return read(expect(call(path, HttpRequest.Builder::GET), 200));
    }

    public HttpResponse<String> post(String path, Object body) {
        String json = write(body);
        return call(path, request -> request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> put(String path, Object body) {
        String json = write(body);
        return call(path, request -> request.header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path) {
        return call(path, HttpRequest.Builder::DELETE);
    }

    /** Adds what is missing from a partial-import file; what exists already is kept (second runs keep accounts). */
    public JsonNode partialImport(String realm, String json) {
        return read(
                expect(post("/admin/realms/" + realm + "/partialImport", Json.MAPPER.valueToTree(read(json))), 200));
    }

    public JsonNode userByUsername(String realm, String username) {
        JsonNode users = get("/admin/realms/" + realm + "/users?exact=true&username=" + UrlForm.encode(username));
        if (users.isEmpty()) {
            throw new AssertionError("No user " + username + " in realm " + realm);
        }
        return users.get(0);
    }

    /**
     * One authorized call. A 401 means the cached token no longer counts (a server restarted since, say): the
     * call is made once more with a fresh token, which is what it would have carried before tokens were cached.
     */
    private HttpResponse<String> call(String path, UnaryOperator<HttpRequest.Builder> method) {
        HttpResponse<String> response = send(method.apply(authorized(path)).build());
        if (response.statusCode() == 401) {
            forgetToken();
            response = send(method.apply(authorized(path)).build());
        }
        return response;
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(
                    response.request().method() + " " + response.request().uri() + " gave " + response.statusCode()
                            + " (expected " + status + "): " + response.body());
        }
        return response;
    }

    public static JsonNode read(HttpResponse<String> response) {
        return read(response.body());
    }

    public static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + json, e);
        }
    }

    static String write(Object body) {
        try {
            return body instanceof String s ? s : Json.MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
