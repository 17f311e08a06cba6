package fr.ordre.comptexpert.it.support;

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
 * One browser on the realm's HTML forms over plain HTTP, with headers of our choosing (those a reverse proxy adds,
 * say), with its own {@link CookieJar}: the one HTTP session of the ITs and the load benchmarks. GETs follow
 * redirects; POSTs return the server's answer as it is.
 */
public final class FormClient {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"([^\"]+)\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
    private static final Pattern FEEDBACK =
            Pattern.compile("(?:kc-feedback-text|pf-v5-c-alert__title|id=\"input-error[^\"]*\")[^>]*>\\s*([^<]+)<");
    private static final Pattern TITLE = Pattern.compile("<h1[^>]*>\\s*([^<]+)<");
    private static final Map<String, String> FRENCH = Map.of("Accept-Language", "fr");

    private final CookieJar cookies = new CookieJar();
    private final HttpClient http;
    private final Map<String, String> headers;
    private final Duration timeout;

    public FormClient() {
        this(FRENCH);
    }

    /** @param headers added to every request */
    public FormClient(Map<String, String> headers) {
        this(Http.CLIENT, headers, Duration.ofSeconds(30));
    }

    /**
     * A new visitor (fresh cookies) over a client its caller shares, as a load thread does: its keep-alive
     * connections are reused as a browser's pool is, and building a client per visitor would spend the load
     * driver's CPU on selector threads. Answers may take up to a minute under load before they count as failures.
     */
    public FormClient(HttpClient http) {
        this(http, FRENCH, Duration.ofSeconds(60));
    }

    /** @param headers added to every request; @param timeout how long an answer may take */
    public FormClient(HttpClient http, Map<String, String> headers, Duration timeout) {
        this.http = http;
        this.headers = headers;
        this.timeout = timeout;
    }

    public HttpResponse<String> get(String url) {
        return get(url, null);
    }

    /**
     * GET, following redirects within the server; stops at a redirect to {@code stopAt} (a client's redirect URI,
     * which nothing serves), when not null, and at a relative one.
     */
    public HttpResponse<String> get(String url, String stopAt) {
        HttpResponse<String> response = send(request(url).GET());
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            if ((!location.startsWith("http") && !location.startsWith("/"))
                    || (stopAt != null && location.startsWith(stopAt))) {
                return response;
            }
            response = send(request(response.uri().resolve(location).toString()).GET());
        }
        return response;
    }

    public HttpResponse<String> post(String url, Map<String, String> fields) {
        return send(request(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(UrlForm.of(fields))));
    }

    /** A JSON POST with this session's cookies, as a page's script sends it; the answer's cookies are kept. */
    public HttpResponse<String> postJson(String url, String json) {
        return send(request(url)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * A JSON POST sent now and answered later (the Expertpass page's long-poll), with this session's cookies; the
     * answer's cookies are not kept.
     */
    public CompletableFuture<HttpResponse<String>> postJsonAsync(String url, String json) {
        return http.sendAsync(
                cookies.addTo(request(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in through the login form and returns where the server redirects (the client's redirect URI with the code). */
    public String signIn(String authorizationUrl, String username, String password) {
        HttpResponse<String> page = AdminApi.expect(get(authorizationUrl), 200);
        HttpResponse<String> posted = post(
                formAction(page, "kc-form-login"),
                Map.of("username", username, "password", password, "credentialId", ""));
        if (posted.statusCode() != 302) {
            throw new AssertionError(
                    "Sign-in of " + username + " gave " + posted.statusCode() + ", not a redirect:\n" + posted.body());
        }
        return posted.headers().firstValue("Location").orElseThrow();
    }

    /** The action URL of the form with that id in the page, HTML entities decoded. */
    public static String formAction(HttpResponse<String> page, String formId) {
        Matcher m = FORM_ACTION.matcher(page.body());
        while (m.find()) {
            if (m.group(1).equals(formId)) {
                return page.uri().resolve(unescape(m.group(2))).toString();
            }
        }
        throw new AssertionError(
                "No form " + formId + " in " + page.statusCode() + " " + page.uri() + ":\n" + page.body());
    }

    /** The value of the page's hidden field with that name. */
    public static String hidden(HttpResponse<String> page, String name) {
        Matcher m = HIDDEN.matcher(page.body());
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new AssertionError("No hidden field " + name + " in " + page.statusCode() + " " + page.uri());
    }

    /** The absolute URL of the first link in the page whose URL contains the fragment. */
    public static String link(HttpResponse<String> page, String fragment) {
        Matcher m = Pattern.compile("href=\"([^\"]*" + Pattern.quote(fragment) + "[^\"]*)\"")
                .matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("No link containing " + fragment + " in " + page.uri());
        }
        return page.uri().resolve(unescape(m.group(1))).toString();
    }

    /** Where a redirect points, as the server wrote it; anything but a redirect fails with what the page says. */
    public static String location(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 3) {
            throw new AssertionError("Expected a redirect, got " + response.statusCode() + " at "
                    + response.uri().getPath() + ", page says: " + feedback(response.body()));
        }
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** The page's message (alert or field error) or its heading: what a person would read there. */
    public static String feedback(String body) {
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

    /** An attribute's value (a URL, mostly) as FreeMarker and Keycloak's templates escape it in pages and mails. */
    public static String unescape(String html) {
        return html.replace("&#61;", "=")
                .replace("&#47;", "/")
                .replace("&#x3D;", "=")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        headers.forEach(builder::header);
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return cookies.send(http, request);
    }
}
