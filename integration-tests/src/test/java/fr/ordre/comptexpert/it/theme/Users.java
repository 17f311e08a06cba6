package fr.ordre.comptexpert.it.theme;

import fr.ordre.comptexpert.it.support.Pkce;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import fr.ordre.comptexpert.it.support.UrlForm;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** People for the theme tests, made through the Admin API with names of their own. */
public final class Users {

    public static final String PASSWORD = "Theme-Accessible-2026!";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Users() {}

    /** Lower-case letters only: fits identifiants, emails and names. */
    public static String suffix() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return s.toString();
    }

    public static String email(String username) {
        return username + "@a11y.example";
    }

    /** A person of that profile with a password, the locale and the required actions given; returns the username. */
    public static String create(
            TestEnvironment.Env env, String prefix, String profile, String locale, List<String> requiredActions) {
        String username = prefix + "." + suffix();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("ordreProfile", List.of(profile));
        attributes.put("locale", List.of(locale));
        if ("autre".equals(profile)) {
            attributes.put("ordreProfileDetail", List.of("Collaborateur de cabinet"));
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("email", email(username));
        user.put("emailVerified", true);
        user.put("firstName", "Alix");
        user.put("lastName", "Accessible");
        user.put("attributes", attributes);
        user.put("groups", List.of("/profils/" + profile));
        user.put("requiredActions", requiredActions);
        user.put("credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        HttpResponse<String> created = env.admin().post("/admin/realms/ordre/users", user);
        if (created.statusCode() != 201) {
            throw new AssertionError(
                    "user " + username + " not created: " + created.statusCode() + " " + created.body());
        }
        return username;
    }

    /** An authorization request of one of the Ordre's service clients (code + PKCE, loopback redirect). */
    public static String serviceAuthorization(TestEnvironment.Env env, String clientId, String uiLocale) {
        String challenge = Pkce.s256().challenge();
        return env.keycloak().realmUrl() + "/protocol/openid-connect/auth?response_type=code&scope=openid"
                + "&client_id=" + UrlForm.encode(clientId) + "&redirect_uri="
                + UrlForm.encode("http://127.0.0.1:49152/callback")
                + "&state=" + suffix() + "&code_challenge_method=S256&code_challenge=" + challenge
                + (uiLocale == null ? "" : "&ui_locales=" + uiLocale);
    }
}
