package fr.ordre.comptexpert.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.ordre.comptexpert.theme.Themes.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Renders login pages through our template.ftl with a data model shaped like the one
 * FreeMarkerLoginFormsProvider builds: our own help page, and keycloak.v2's login.ftl,
 * which we do not copy but change through message keys.
 */
class LoginTemplatesTest {

    private static final String BASE = "https://compte.example.fr";
    private static final String REALM = BASE + "/realms/comptexpert";
    private static final Pattern LEAKED_KEY = Pattern.compile("\\bordre[A-Z][A-Za-z]+");

    /** What login.ftl and template.ftl call on "auth" and "messagesPerField" (Keycloak beans). */
    public static final class Auth {
        public boolean showUsername() {
            return false;
        }

        public boolean showResetCredentials() {
            return false;
        }

        public boolean showTryAnotherWayLink() {
            return false;
        }

        public String getSelectedCredential() {
            return null;
        }

        public String getAttemptedUsername() {
            return null;
        }
    }

    public static final class MessagesPerField {
        public boolean existsError(String... fields) {
            return false;
        }

        public String getFirstError(String... fields) {
            return "";
        }

        public String get(String field) {
            return "";
        }
    }

    private static Map<String, Object> model(String lang, String pageId, String loginUrl, boolean i18n)
            throws Exception {
        Map<String, Object> realm = new HashMap<>();
        realm.put("name", "comptexpert");
        realm.put("internationalizationEnabled", i18n);
        realm.put("password", true);
        realm.put("registrationAllowed", true);
        realm.put("resetPasswordAllowed", true);
        realm.put("rememberMe", false);
        realm.put("loginWithEmailAllowed", true);
        realm.put("registrationEmailAsUsername", false);

        Map<String, Object> url = new HashMap<>();
        url.put("loginUrl", loginUrl);
        url.put("loginAction", REALM + "/login-actions/authenticate?session_code=x");
        url.put("registrationUrl", REALM + "/login-actions/registration");
        url.put("loginResetCredentialsUrl", REALM + "/login-actions/reset-credentials");
        url.put("loginRestartFlowUrl", REALM + "/login-actions/restart");
        url.put("ssoLoginInOtherTabsUrl", REALM + "/login-actions/restart?skip_logout=true");
        url.put("resourcesPath", "/resources/v1/login/ordre");
        url.put("resourcesCommonPath", "/resources/v1/common/keycloak");

        Map<String, Object> locale = new HashMap<>();
        locale.put("currentLanguageTag", lang);
        locale.put("rtl", false);
        locale.put(
                "supported",
                List.of(
                        Map.of("label", "Français", "languageTag", "fr", "url", REALM + "?kc_locale=fr"),
                        Map.of("label", "English", "languageTag", "en", "url", REALM + "?kc_locale=en")));

        Map<String, Object> m = new HashMap<>();
        m.put("realm", realm);
        m.put("url", url);
        m.put("locale", locale);
        m.put("lang", lang);
        m.put("pageId", pageId);
        m.put("title", "Comptexpert");
        m.put("darkMode", false);
        m.put("properties", Themes.properties(Type.LOGIN));
        m.put("msg", Themes.msg(Themes.messages(Type.LOGIN, lang), Locale.forLanguageTag(lang)));
        m.put("kcSanitize", Themes.KC_SANITIZE);
        m.put("auth", new Auth());
        m.put("messagesPerField", new MessagesPerField());
        m.put("login", Map.of());
        m.put("social", Map.of());
        return m;
    }

    private static String render(String template, Map<String, Object> model) throws Exception {
        String out = Themes.render(Type.LOGIN, template, model);
        assertFalse(LEAKED_KEY.matcher(out).find(), () -> "a message key leaked into " + template + ":\n" + out);
        return out;
    }

    @Test
    void loginPageSpeaksComptexpert() throws Exception {
        String out = render("login.ftl", model("fr", "login", REALM + "/login-actions/authenticate", false));
        assertTrue(out.contains("<span class=\"ordre-brand__name\">Comptexpert</span>"), out);
        assertTrue(out.contains("Connectez-vous à votre Comptexpert"), out);
        assertTrue(
                out.contains(
                        "Comptexpert est votre compte unique pour tous les sites de l&#39;Ordre des experts-comptables."),
                out);
        assertTrue(out.contains(">Créez votre Comptexpert</a>"), out);
        assertTrue(out.contains(">Identifiant ou mot de passe oublié</a>"), out);
        assertTrue(
                out.matches(
                        "(?s).*<label for=\"username\"[^>]*>\\s*<span[^>]*>\\s*Identifiant ou adresse e-mail\\s*</span>.*"),
                out);
        assertTrue(out.matches("(?s).*<label for=\"password\".*"), "the password field keeps its label");
        assertTrue(
                out.contains("<a id=\"ordre-help-link\" href=\"" + REALM + "/comptexpert/aide\">Aide complète</a>"),
                out);
    }

    @Test
    void loginPageInEnglish() throws Exception {
        String out = render("login.ftl", model("en", "login", REALM + "/login-actions/authenticate", false));
        assertTrue(out.contains(">Create your Comptexpert</a>"), out);
        assertTrue(out.contains(">Forgot your username or password</a>"), out);
        assertTrue(out.contains("Username or email address"), out);
        assertTrue(out.contains(">Full help</a>"), out);
    }

    @Test
    void ourStylesheetComesAfterKeycloakV2s() throws Exception {
        String out = render("login.ftl", model("fr", "login", REALM + "/login-actions/authenticate", false));
        int parent = out.indexOf("/resources/v1/login/ordre/css/styles.css");
        int ours = out.indexOf("/resources/v1/login/ordre/css/ordre.css");
        assertTrue(parent > 0 && ours > parent, out);
        assertTrue(out.contains("/resources/v1/common/keycloak/vendor/patternfly-v5/patternfly.min.css"), out);
    }

    /** The help link keeps the context path and the encoded realm name Keycloak put in url.loginUrl. */
    @Test
    void helpLinkFollowsContextPathAndRealmName() throws Exception {
        String out = render(
                "login.ftl",
                model("fr", "login", BASE + "/auth/realms/ordre%20test/login-actions/authenticate", false));
        assertTrue(out.contains("href=\"" + BASE + "/auth/realms/ordre%20test/comptexpert/aide\""), out);
    }

    @Test
    void languageSwitcherStaysWhenTheRealmIsInternationalized() throws Exception {
        String out = render("login.ftl", model("fr", "login", REALM + "/login-actions/authenticate", true));
        assertTrue(out.contains("id=\"login-select-toggle\""), out);
        assertTrue(out.contains("aria-label=\"Langue\""), out);
        assertTrue(out.contains("Français") && out.contains("English"), out);
    }

    @Test
    void helpPageIsStructuredAndComplete() throws Exception {
        String out = render("ordre-help.ftl", model("fr", "ordre-help", REALM + "/login-actions/authenticate", false));
        assertTrue(out.matches("(?s).*<h1[^>]*>\\s*Aide Comptexpert\\s*</h1>.*"), out);
        assertTrue(out.contains("<title>Aide Comptexpert</title>"), out);
        assertEquals(6, count(out, "<h2"), "table of contents + five FAQ sections");
        assertTrue(count(out, "<h3") >= 5, out);
        for (String expected : List.of(
                "Pourquoi créer mon Comptexpert\u202F?",
                "Qui peut créer un Comptexpert\u202F?",
                "Autre profil",
                "ne pourra pas être modifié par la suite",
                "spams",
                "Identifiant ou mot de passe oublié",
                "83 ter et 83 quater",
                "membres ECE",
                "QR code",
                "Tableau de l&#39;Ordre")) {
            assertTrue(out.contains(expected), () -> "missing: " + expected + "\n" + out);
        }
        assertFalse(out.contains("ordre-help-link"), "no link from the help page to itself");
        assertFalse(out.contains("kc-registration"), "no registration band on the help page");
        assertFalse(out.contains("ordre-intro"), "the sign-in intro is for sign-in pages only");
    }

    @Test
    void helpPageInEnglish() throws Exception {
        String out = render("ordre-help.ftl", model("en", "ordre-help", REALM + "/login-actions/authenticate", false));
        assertTrue(out.contains("Why create a Comptexpert?"), out);
        assertTrue(out.contains("Other profile"), out);
    }

    /** Keycloak's error page (base error.ftl) renders through our layout too. */
    @Test
    void errorPageUsesOurLayout() throws Exception {
        Map<String, Object> m = model("fr", "error", REALM + "/login-actions/authenticate", false);
        m.put("message", Map.of("type", "error", "summary", "Page introuvable"));
        String out = render("error.ftl", m);
        assertTrue(out.contains("Page introuvable"), out);
        assertTrue(out.contains("ordre-brand__name"), out);
        assertTrue(out.contains(REALM + "/comptexpert/aide"), out);
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
