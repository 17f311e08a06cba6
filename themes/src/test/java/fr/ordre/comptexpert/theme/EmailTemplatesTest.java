package fr.ordre.comptexpert.theme;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.ordre.comptexpert.theme.Themes.Type;
import freemarker.template.TemplateMethodModelEx;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders our emails with the attributes Keycloak's FreeMarkerEmailTemplateProvider sets
 * (locale, ltr, msg, realmName, user, url, subject) plus those our providers pass to send().
 */
class EmailTemplatesTest {

    private static final String REALM_LOGIN_URL =
            "https://compte.example.fr/realms/comptexpert/login-actions/authenticate";
    private static final String LINK =
            "https://compte.example.fr/realms/comptexpert/login-actions/action-token?key=abc.def&client_id=ordre";
    /** A message key printed instead of its text: msg() returns the key when it is missing. */
    private static final Pattern LEAKED_KEY = Pattern.compile("\\bordre[A-Z][A-Za-z]+|linkExpirationFormatter\\.");

    private static Map<String, Object> model(String lang, boolean inRequest) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        Map<String, Object> m = new HashMap<>();
        m.put("locale", locale);
        m.put("ltr", true);
        m.put("msg", Themes.msg(Themes.messages(Type.EMAIL, lang), locale));
        m.put("kcSanitize", Themes.KC_SANITIZE);
        m.put("properties", Themes.properties(Type.EMAIL));
        m.put("realmName", "Comptexpert");
        m.put("subject", "subject");
        if (inRequest) {
            m.put("url", Map.of("loginUrl", REALM_LOGIN_URL));
        }
        return m;
    }

    private static Map<String, Object> setPassword(String lang) throws Exception {
        Map<String, Object> m = model(lang, true);
        m.put("identifiant", "mh.darcy");
        m.put("firstName", "Marie-Hélène");
        m.put("lastName", "d'Arcy");
        m.put("link", LINK);
        m.put("linkExpiration", 30);
        return m;
    }

    private static String html(String template, Map<String, Object> model) throws Exception {
        String out = Themes.render(Type.EMAIL, "html/" + template, model);
        assertFalse(LEAKED_KEY.matcher(out).find(), () -> "a message key leaked into html/" + template + ":\n" + out);
        return out;
    }

    private static String text(String template, Map<String, Object> model) throws Exception {
        String out = Themes.render(Type.EMAIL, "text/" + template, model);
        assertFalse(LEAKED_KEY.matcher(out).find(), () -> "a message key leaked into text/" + template + ":\n" + out);
        assertFalse(out.contains("<p") || out.contains("&amp;"), () -> "HTML in text/" + template + ":\n" + out);
        return out;
    }

    @Test
    void setPasswordStatesTheIdentifiantTheLinkAndItsValidity() throws Exception {
        String out = html("ordre-set-password.ftl", setPassword("fr"));
        assertTrue(out.contains("Bonjour Marie-Hélène d&#39;Arcy,"), out);
        assertTrue(out.contains("<strong style=\"font-size:18px;\">mh.darcy</strong>"), out);
        assertTrue(out.contains("href=\"" + LINK.replace("&", "&amp;") + "\""), out);
        assertTrue(out.contains(">Créer mon mot de passe</a>"), out);
        assertTrue(out.contains("Ce lien est valable 30 minutes et ne peut être utilisé qu&#39;une seule fois."), out);
        assertTrue(out.contains("ignorez ce message"), out);
        assertTrue(out.contains("Comptexpert — Ordre des experts-comptables"), out);
        assertTrue(out.contains("href=\"https://compte.example.fr/realms/comptexpert/comptexpert/aide\""), out);
        assertTrue(out.contains("<html lang=\"fr\" dir=\"ltr\">"), out);
    }

    @Test
    void setPasswordInEnglishAndAsText() throws Exception {
        String html = html("ordre-set-password.ftl", setPassword("en"));
        assertTrue(html.contains(">Create my password</a>"), html);
        assertTrue(html.contains("valid for 30 minutes and can be used only once"), html);

        String text = text("ordre-set-password.ftl", setPassword("fr"));
        assertTrue(text.contains("Votre identifiant\u00A0: mh.darcy"), text);
        assertTrue(text.contains(LINK), text);
        assertTrue(text.contains("Bonjour Marie-Hélène d'Arcy,"), text);
    }

    @Test
    void userDataIsEscaped() throws Exception {
        Map<String, Object> m = setPassword("fr");
        m.put("firstName", "<img src=x onerror=alert(1)>");
        String out = html("ordre-set-password.ftl", m);
        assertFalse(out.contains("<img"), out);
        assertTrue(out.contains("&lt;img src=x onerror=alert(1)&gt;"), out);
    }

    @Test
    void greetingWithoutNames() throws Exception {
        Map<String, Object> m = setPassword("fr");
        m.remove("firstName");
        m.remove("lastName");
        assertTrue(html("ordre-set-password.ftl", m).contains(">Bonjour,</p>"));
    }

    @ParameterizedTest
    @CsvSource({
        "fr, 30, 30 minutes",
        "fr, 60, 1 heure",
        "fr, 120, 2 heures",
        "fr, 1440, 1 jour",
        "en, 90, 90 minutes",
        "en, 2880, 2 days"
    })
    void validityFallbackWhenTheProviderSetsNoFormatter(String lang, int minutes, String expected) throws Exception {
        Map<String, Object> m = setPassword(lang);
        m.put("linkExpiration", minutes);
        assertTrue(text("ordre-set-password.ftl", m).contains(" " + expected + " "), expected);
    }

    @Test
    void validityUsesKeycloaksFormatterWhenPresent() throws Exception {
        Map<String, Object> m = setPassword("fr");
        m.put("linkExpirationFormatter", (TemplateMethodModelEx) args -> "une demi-heure");
        assertTrue(text("ordre-set-password.ftl", m).contains("valable une demi-heure"));
    }

    @Test
    void resetForAnAccountWithAPassword() throws Exception {
        Map<String, Object> m = setPassword("fr");
        m.put("pending", false);
        m.put("linkExpiration", 1440);
        String out = html("ordre-reset.ftl", m);
        assertTrue(out.contains(">mh.darcy</strong>"), out);
        assertTrue(out.contains(">Choisir un nouveau mot de passe</a>"), out);
        assertFalse(out.contains("Créer mon mot de passe"), out);
        assertTrue(out.contains("Ce lien expire dans 1 jour."), out);
        assertTrue(out.contains("Si vous n&#39;avez rien demandé, ignorez ce message"), out);
    }

    @Test
    void resetForAnAccountThatNeverGotAPassword() throws Exception {
        Map<String, Object> m = setPassword("fr");
        m.put("pending", true);
        String out = html("ordre-reset.ftl", m);
        assertTrue(out.contains("créez votre mot de passe"), out);
        assertTrue(out.contains(">Créer mon mot de passe</a>"), out);
        assertFalse(out.contains("Choisir un nouveau mot de passe"), out);

        String text = text("ordre-reset.ftl", m);
        assertTrue(text.contains("créez votre mot de passe avec ce lien"), text);

        m.put("pending", false);
        assertTrue(text("ordre-reset.ftl", m).contains("Pour choisir un nouveau mot de passe"));
    }

    @Test
    void deviceAddedSaysWhatToDoIfItWasNotYou() throws Exception {
        Map<String, Object> m = model("fr", true);
        m.put("deviceName", "Pixel 8 de Marie");
        m.put("firstName", "Marie");
        m.put("time", "12/03/2026 à 14:05");
        String out = html("ordre-expertpass-device-added.ftl", m);
        assertTrue(out.contains("Bonjour Marie,"), out);
        assertTrue(out.contains("<strong>Pixel 8 de Marie</strong>"), out);
        assertTrue(out.contains("<strong>12/03/2026 à 14:05</strong>"), out);
        assertTrue(out.contains("retirez ce téléphone"), out);
        assertTrue(out.contains("changez sans attendre votre mot de passe"), out);
        assertTrue(out.contains("href=\"https://compte.example.fr/realms/comptexpert/account\""), out);

        String en = text("ordre-expertpass-device-added.ftl", withLang(m, "en"));
        assertTrue(en.contains("Phone: Pixel 8 de Marie"), en);
        assertTrue(en.contains("https://compte.example.fr/realms/comptexpert/account"), en);
    }

    @Test
    void emailChangedTellsTheOldAddressWithAWayToReportIt() throws Exception {
        Map<String, Object> m = model("fr", true);
        m.put("firstName", "Marie");
        m.put("lastName", "Dupont");
        m.put("username", "marie.dupont");
        m.put("newEmail", "m…@exemple.fr");
        m.put("time", "12/03/2026 à 14:05");
        m.put("contactEmail", "dpo@ordre.example");
        m.put("reportSubject", "Comptexpert%20marie.dupont");
        String out = html("ordre-email-changed.ftl", m);
        assertTrue(out.contains("Bonjour Marie Dupont,"), out);
        assertTrue(
                out.contains("<strong>marie.dupont</strong>") && out.contains("<strong>m…@exemple.fr</strong>"), out);
        assertTrue(out.contains("href=\"mailto:dpo@ordre.example?subject=Comptexpert%20marie.dupont\""), out);
        assertTrue(out.contains("Signaler ce changement"), out);

        String en = text("ordre-email-changed.ftl", withLang(m, "en"));
        assertTrue(en.contains("New address: m…@exemple.fr"), en);
        assertTrue(en.contains("To report this change, write to: dpo@ordre.example"), en);
        m.put("contactEmail", "");
        assertFalse(html("ordre-email-changed.ftl", m).contains("mailto:"), "no contact, no report button");
    }

    /** A scheduled task has no request: no url attribute, so no help or account link, and no failure. */
    @ParameterizedTest
    @ValueSource(strings = {"ordre-set-password.ftl", "ordre-expertpass-device-added.ftl"})
    void rendersOutsideARequest(String template) throws Exception {
        Map<String, Object> m = setPassword("fr");
        m.remove("url");
        m.put("deviceName", "iPhone");
        m.put("time", "hier");
        for (String out : List.of(html(template, m), text(template, m))) {
            assertFalse(out.contains("/comptexpert/aide"), out);
            assertFalse(out.contains("/account"), out);
        }
    }

    @Test
    void keycloakStandardEmailsSpeakComptexpert() throws Exception {
        Map<String, Object> m = model("fr", true);
        m.put("user", Map.of("username", "mh.darcy", "firstName", "Marie", "lastName", "Darcy"));
        m.put("link", LINK);
        m.put("linkExpiration", 720);
        m.put("requiredActions", List.of("UPDATE_PASSWORD", "VERIFY_EMAIL", "ordre-expertpass-enrol"));

        String reset = html("password-reset.ftl", m);
        assertTrue(reset.contains(">mh.darcy</strong>") && reset.contains("12 heures"), reset);
        assertTrue(text("password-reset.ftl", m).contains("Votre identifiant\u00A0: mh.darcy"));

        String verify = html("email-verification.ftl", m);
        assertTrue(verify.contains(">Confirmer mon adresse e-mail</a>"), verify);
        text("email-verification.ftl", m);

        m.put("newEmail", "marie.darcy@nouveau.example");
        String update = html("email-update-confirmation.ftl", m);
        assertTrue(
                update.contains(">Confirmer ma nouvelle adresse</a>") && update.contains("marie.darcy@nouveau.example"),
                update);
        String updateText = text("email-update-confirmation.ftl", m);
        assertTrue(updateText.contains(LINK) && !updateText.toLowerCase().contains("courriel"), updateText);

        String actions = html("executeActions.ftl", m);
        // Our labels, Expertpass's included; no Keycloak "courriel".
        assertTrue(
                actions.contains("choisir un nouveau mot de passe, vérifier votre adresse e-mail, activer Expertpass"),
                actions);
        assertTrue(text("executeActions.ftl", m)
                .contains("choisir un nouveau mot de passe, vérifier votre adresse e-mail, activer Expertpass"));
    }

    /** Keycloak's other emails (base templates) keep working inside our layout. */
    @Test
    void baseEventEmailUsesOurLayout() throws Exception {
        Map<String, Object> m = model("fr", true);
        m.put("event", Map.of("date", "12/03/2026", "ipAddress", "192.0.2.1"));
        String out = html("event-update_password.ftl", m);
        assertTrue(out.contains("a été modifié depuis 192.0.2.1"), out);
        assertTrue(out.contains("Comptexpert — Ordre des experts-comptables"), out);
    }

    private static Map<String, Object> withLang(Map<String, Object> m, String lang) throws Exception {
        Map<String, Object> copy = new HashMap<>(m);
        Map<String, Object> base = model(lang, m.containsKey("url"));
        copy.put("locale", base.get("locale"));
        copy.put("msg", base.get("msg"));
        return copy;
    }
}
