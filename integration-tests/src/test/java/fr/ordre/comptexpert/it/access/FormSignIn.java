package fr.ordre.comptexpert.it.access;

import fr.ordre.comptexpert.it.support.CookieJar;
import fr.ordre.comptexpert.it.support.Http;
import fr.ordre.comptexpert.it.support.UrlForm;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real sign-in through the realm's login form without a browser: GET the authorization URL, read the form's
 * action from the HTML, POST the credentials, follow redirects until the service's redirect URI or a page.
 * Cookies are kept, so a second authorization in the same instance rides on the SSO session.
 */
final class FormSignIn {

    /** Where the sign-in ended: on the service's redirect URI (callback) or on a page (status, HTML). */
    record Outcome(String callbackUrl, int status, String body) {
        boolean reachedService() {
            return callbackUrl != null;
        }
    }

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>", Pattern.DOTALL);
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    /** The cookies Keycloak set, sent back on every request: all requests go to the one server, under /realms/ordre. */
    private final CookieJar cookies = new CookieJar();

    private final String acceptLanguage;

    FormSignIn(String acceptLanguage) {
        this.acceptLanguage = acceptLanguage;
    }

    /** Signs in with the login form (or the SSO session if there is one already). */
    Outcome signIn(String authorizationUrl, String redirectUri, String username, String password) {
        HttpResponse<String> response = follow(get(authorizationUrl), redirectUri);
        if (isCallback(response, redirectUri)) {
            return new Outcome(location(response), response.statusCode(), response.body());
        }
        Matcher form = LOGIN_FORM.matcher(response.body());
        if (!form.find()) {
            return new Outcome(null, response.statusCode(), response.body());
        }
        Matcher action = ACTION.matcher(form.group());
        if (!action.find()) {
            throw new AssertionError("Login form without action: " + form.group());
        }
        String url = unescape(action.group(1));
        String body =
                "username=" + UrlForm.encode(username) + "&password=" + UrlForm.encode(password) + "&credentialId=";
        HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        HttpResponse<String> last = follow(posted, redirectUri);
        return isCallback(last, redirectUri)
                ? new Outcome(location(last), last.statusCode(), last.body())
                : new Outcome(null, last.statusCode(), last.body());
    }

    private HttpResponse<String> follow(HttpResponse<String> response, String redirectUri) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10 && isRedirect(current) && !isCallback(current, redirectUri); hops++) {
            current = get(current.uri().resolve(location(current)).toString());
        }
        return current;
    }

    private HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return cookies.send(
                Http.CLIENT, request.header("Accept-Language", acceptLanguage).timeout(Duration.ofSeconds(60)));
    }

    private static boolean isRedirect(HttpResponse<String> response) {
        return response.statusCode() / 100 == 3
                && response.headers().firstValue("Location").isPresent();
    }

    private static boolean isCallback(HttpResponse<String> response, String redirectUri) {
        return isRedirect(response) && location(response).startsWith(redirectUri);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    static String unescape(String html) {
        return html.replace("&amp;", "&")
                .replace("&#61;", "=")
                .replace("&#x3D;", "=")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">");
    }
}
