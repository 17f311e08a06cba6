package fr.ordre.comptexpert.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sign-in over plain HTTP, the way a browser does it but with headers of our choosing (those a reverse
 * proxy adds): GET the authorization URL, POST the sign-in form to its action, return the redirect.
 * Cookies are kept by hand: {@link java.net.CookieManager} would drop the Secure ones on http.
 */
public final class HttpSignIn {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> headers;

    /** @param headers added to every request, e.g. X-Forwarded-For as the proxy would set it */
    public HttpSignIn(Map<String, String> headers) {
        this.headers = headers;
    }

    /** Signs in and returns the Location the server redirects to (the client's redirect URI with the code). */
    public String signIn(String authorizationUrl, String username, String password) {
        HttpResponse<String> page = AdminApi.expect(send(request(authorizationUrl).GET()), 200);
        Matcher action = FORM_ACTION.matcher(page.body());
        if (!action.find()) {
            throw new AssertionError("No sign-in form at " + authorizationUrl + ":\n" + page.body());
        }
        String form = "username=" + OidcClient.enc(username) + "&password=" + OidcClient.enc(password) + "&credentialId=";
        HttpResponse<String> posted = send(request(action.group(1).replace("&amp;", "&"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (posted.statusCode() != 302) {
            throw new AssertionError("Sign-in of " + username + " gave " + posted.statusCode() + ", not a redirect:\n" + posted.body());
        }
        return posted.headers().firstValue("Location").orElseThrow();
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        if (!cookies.isEmpty()) {
            builder.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            keepCookies(response.headers());
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keepCookies(HttpHeaders responseHeaders) {
        for (String setCookie : responseHeaders.allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.isEmpty()) {
                    cookies.remove(name); // the server expiring it
                } else {
                    cookies.put(name, value);
                }
            }
        }
    }
}
