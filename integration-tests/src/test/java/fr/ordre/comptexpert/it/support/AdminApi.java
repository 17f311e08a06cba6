package fr.ordre.comptexpert.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The few Admin REST calls the harness needs, with the bootstrap admin of the master realm. */
public final class AdminApi {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public AdminApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    private String token() {
        String form = "grant_type=password&client_id=admin-cli&username=" + ADMIN_USER + "&password=" + ADMIN_PASSWORD;
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        return read(expect(response, 200)).get("access_token").asText();
    }

    public JsonNode get(String path) {
        return read(expect(send(authorized(path).GET().build()), 200));
    }

    public HttpResponse<String> post(String path, Object body) {
        return send(authorized(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))).build());
    }

    public HttpResponse<String> put(String path, Object body) {
        return send(authorized(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))).build());
    }

    public HttpResponse<String> delete(String path) {
        return send(authorized(path).DELETE().build());
    }

    /** Adds what is missing from a partial-import file; what exists already is kept (second runs keep accounts). */
    public JsonNode partialImport(String realm, String json) {
        return read(expect(post("/admin/realms/" + realm + "/partialImport", JSON.valueToTree(read(json))), 200));
    }

    public JsonNode userByUsername(String realm, String username) {
        JsonNode users = get("/admin/realms/" + realm + "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8));
        if (users.isEmpty()) {
            throw new AssertionError("No user " + username + " in realm " + realm);
        }
        return users.get(0);
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().method() + " " + response.request().uri() + " gave "
                    + response.statusCode() + " (expected " + status + "): " + response.body());
        }
        return response;
    }

    public static JsonNode read(HttpResponse<String> response) {
        return read(response.body());
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + json, e);
        }
    }

    static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
