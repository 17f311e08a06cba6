package fr.ordre.comptexpert.it.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A cookie-keeping HTTP client that drives the realm's HTML forms as a browser would, without the browser. */
public final class FormClient {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"([^\"]+)\"[^>]*action=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "fr").GET().build());
    }

    public HttpResponse<String> post(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> OidcClient.enc(e.getKey()) + "=" + OidcClient.enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "fr").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The action URL of the form with that id in the page, HTML entities decoded. */
    public static String formAction(HttpResponse<String> page, String formId) {
        String html = page.body();
        Matcher m = FORM_ACTION.matcher(html);
        while (m.find()) {
            if (m.group(1).equals(formId)) {
                return m.group(2).replace("&amp;", "&");
            }
        }
        throw new AssertionError("No form " + formId + " in " + page.statusCode() + " " + page.uri() + ":\n" + html);
    }

    /** The absolute URL of the first link in the page whose URL contains the fragment. */
    public static String link(HttpResponse<String> page, String fragment) {
        Matcher m = Pattern.compile("href=\"([^\"]*" + Pattern.quote(fragment) + "[^\"]*)\"").matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("No link containing " + fragment + " in " + page.uri());
        }
        return page.uri().resolve(m.group(1).replace("&amp;", "&")).toString();
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
}
