package fr.ordre.comptexpert.it.support;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One browser's cookies for the one server the tests talk to, kept by hand: {@link java.net.CookieManager} drops
 * Keycloak's Secure cookies on http and does not return cookies set by "localhost". Every cookie goes back on
 * every request (all of them are under /realms/{realm}); a cookie the server expires is dropped.
 */
public final class CookieJar {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Sends the request with these cookies and keeps the ones the answer sets or expires. */
    public HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        HttpRequest built = addTo(request).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            keep(response.headers());
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(built.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Adds the Cookie header, when there is anything to send. */
    public HttpRequest.Builder addTo(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        return request;
    }

    /** Keeps what the response's Set-Cookie headers set, and forgets what they expire. */
    public void keep(HttpHeaders responseHeaders) {
        for (String setCookie : responseHeaders.allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            String lower = setCookie.toLowerCase(Locale.ROOT);
            if (value.isEmpty() || lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }
}
