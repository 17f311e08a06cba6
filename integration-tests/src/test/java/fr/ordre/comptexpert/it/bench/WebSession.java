package fr.ordre.comptexpert.it.bench;

import fr.ordre.comptexpert.it.support.CookieJar;
import fr.ordre.comptexpert.it.support.UrlForm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One visitor of the login pages: a fresh cookie jar (a new browser profile for every sign-in), over an
 * HTTP client shared by the load thread (keep-alive connections, like a browser's pool: building a client per
 * sign-in would spend the load driver's CPU on selector threads, on a machine it shares with the server).
 */
final class WebSession {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"([^\"]+)\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    private final HttpClient http;
    private final CookieJar cookies = new CookieJar();

    WebSession(HttpClient http) {
        this.http = http;
    }

    static HttpClient client() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** GET, following redirects within the server (not to the client's redirect URI, which nothing serves). */
    HttpResponse<String> get(String url, String stopAt) {
        HttpResponse<String> response = send(request(url).GET());
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            if (stopAt != null && location.startsWith(stopAt)) {
                return response;
            }
            response = send(request(response.uri().resolve(location).toString()).GET());
        }
        return response;
    }

    HttpResponse<String> post(String url, Map<String, String> fields) {
        return send(request(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(UrlForm.of(fields))));
    }

    /** A JSON POST sent now and answered later (the Expertpass page's long-poll), with this session's cookies. */
    CompletableFuture<HttpResponse<String>> postJsonAsync(String url, String json) {
        return http.sendAsync(
                cookies.addTo(request(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String formAction(HttpResponse<String> page, String formId) {
        Matcher m = FORM_ACTION.matcher(page.body());
        while (m.find()) {
            if (m.group(1).equals(formId)) {
                return page.uri().resolve(m.group(2).replace("&amp;", "&")).toString();
            }
        }
        throw new IllegalStateException("No form " + formId + " in " + page.statusCode() + " " + page.uri());
    }

    static String hidden(HttpResponse<String> page, String name) {
        Matcher m = HIDDEN.matcher(page.body());
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new IllegalStateException("No hidden field " + name + " in " + page.uri());
    }

    static String location(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 3) {
            throw new IllegalStateException("Expected a redirect, got " + response.statusCode() + " at "
                    + response.uri().getPath() + ", page says: " + feedback(response.body()));
        }
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static final Pattern FEEDBACK =
            Pattern.compile("(?:kc-feedback-text|pf-v5-c-alert__title|id=\"input-error[^\"]*\")[^>]*>\\s*([^<]+)<");
    private static final Pattern TITLE = Pattern.compile("<h1[^>]*>\\s*([^<]+)<");

    /** The page's message (alert or field error) or its heading: what a person would read there. */
    static String feedback(String body) {
        if (body == null) {
            return "";
        }
        Matcher m = FEEDBACK.matcher(body);
        if (m.find()) {
            return m.group(1).strip();
        }
        Matcher title = TITLE.matcher(body);
        return title.find() ? "(heading) " + title.group(1).strip() : "(no message)";
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Accept-Language", "fr");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return cookies.send(http, request);
    }
}
