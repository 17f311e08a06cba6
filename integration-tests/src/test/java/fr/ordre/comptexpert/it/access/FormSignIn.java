package fr.ordre.comptexpert.it.access;

import fr.ordre.comptexpert.it.support.FormClient;
import fr.ordre.comptexpert.it.support.Http;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A real sign-in through the realm's login form without a browser, on {@link FormClient}: GET the authorization URL,
 * POST the credentials to the form's action, follow redirects until the service's redirect URI or a page. Cookies
 * are kept, so a second authorization in the same instance rides on the SSO session.
 */
final class FormSignIn {

    /** Where the sign-in ended: on the service's redirect URI (callback) or on a page (status, HTML). */
    record Outcome(String callbackUrl, int status, String body) {
        boolean reachedService() {
            return callbackUrl != null;
        }
    }

    private final FormClient browser;

    FormSignIn(String acceptLanguage) {
        // A minute: a password hash and the profile gate, on a CI machine busy with the other ITs' servers.
        this.browser = new FormClient(Http.CLIENT, Map.of("Accept-Language", acceptLanguage), Duration.ofSeconds(60));
    }

    /** Signs in with the login form (or the SSO session if there is one already). */
    Outcome signIn(String authorizationUrl, String redirectUri, String username, String password) {
        HttpResponse<String> page = browser.get(authorizationUrl, redirectUri);
        if (isCallback(page, redirectUri) || !page.body().contains("id=\"kc-form-login\"")) {
            return outcome(page, redirectUri);
        }
        HttpResponse<String> posted = browser.post(
                FormClient.formAction(page, "kc-form-login"),
                Map.of("username", username, "password", password, "credentialId", ""));
        HttpResponse<String> last = isRedirect(posted) && !isCallback(posted, redirectUri)
                ? browser.get(posted.uri().resolve(FormClient.location(posted)).toString(), redirectUri)
                : posted;
        return outcome(last, redirectUri);
    }

    private static Outcome outcome(HttpResponse<String> response, String redirectUri) {
        return new Outcome(
                isCallback(response, redirectUri) ? FormClient.location(response) : null,
                response.statusCode(),
                response.body());
    }

    private static boolean isRedirect(HttpResponse<String> response) {
        return response.statusCode() / 100 == 3
                && response.headers().firstValue("Location").isPresent();
    }

    private static boolean isCallback(HttpResponse<String> response, String redirectUri) {
        return isRedirect(response) && FormClient.location(response).startsWith(redirectUri);
    }
}
