package fr.ordre.comptexpert.it.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the realm's HTML forms over plain HTTP, as a browser would, with headers of our choosing (those a
 * reverse proxy adds, say), with its own {@link CookieJar}. GETs follow redirects; POSTs return the server's
 * answer as it is.
 */
public final class FormClient {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"([^\"]+)\"[^>]*action=\"([^\"]+)\"");

    private final CookieJar cookies = new CookieJar();
    private final Map<String, String> headers;

    public FormClient() {
        this(Map.of("Accept-Language", "fr"));
    }

    /** @param headers added to every request */
    public FormClient(Map<String, String> headers) {
        this.headers = headers;
    }

    public HttpResponse<String> get(String url) {
        HttpResponse<String> response = send(request(url).GET());
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            if (!location.startsWith("http") && !location.startsWith("/")) {
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
                return page.uri().resolve(m.group(2).replace("&amp;", "&")).toString();
            }
        }
        throw new AssertionError(
                "No form " + formId + " in " + page.statusCode() + " " + page.uri() + ":\n" + page.body());
    }

    /** The absolute URL of the first link in the page whose URL contains the fragment. */
    public static String link(HttpResponse<String> page, String fragment) {
        Matcher m = Pattern.compile("href=\"([^\"]*" + Pattern.quote(fragment) + "[^\"]*)\"")
                .matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("No link containing " + fragment + " in " + page.uri());
        }
        return page.uri().resolve(m.group(1).replace("&amp;", "&")).toString();
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return cookies.send(Http.CLIENT, request);
    }
}
