package fr.ordre.comptexpert.expertpass;

import fr.ordre.comptexpert.expertpass.ExpertpassLoginForm.ExpertpassPanel;
import fr.ordre.comptexpert.expertpass.app.AppLinks;
import fr.ordre.comptexpert.theme.MarkupVersion;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.locale.LocaleSelectorProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * The sign-in panel's words and structure, as a script that puts them in the login page's slot
 * ({@code ordre-expertpass-panel.ftl}). A login page carries the slot only, the same on every page (~0.4 KB instead of
 * ~4 KB); the script is the same for every page of a language and is named by the panel's version, so a browser
 * fetches it once and keeps it until the words change, and a bot that only fetches login pages never asks for it.
 *
 * <p>The markup is the theme's (template {@value #TEMPLATE}, rendered once per language by {@code ordreCachedMarkup}),
 * in the language the page names. An address with another version (a page older than an admin's new text) gets the
 * current panel, not to be kept.
 */
final class ExpertpassPanelScript {

    static final String TEMPLATE = "ordre-expertpass-panel-lazy.ftl";

    /** A year: the address changes with the words. */
    private static final String KEPT = "public, max-age=31536000, immutable";

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}");

    private ExpertpassPanelScript() {}

    static Response response(KeycloakSession session, RealmModel realm, String language, String version) {
        if (language != null && LANGUAGE.matcher(language).matches()) {
            // What kc_locale does on a login page; a language the realm does not offer falls back as there.
            session.setAttribute(LocaleSelectorProvider.USER_REQUEST_LOCALE, language);
        }
        String api = ExpertpassUrls.apiBase(session, realm);
        Response page = session.getProvider(LoginFormsProvider.class)
                .setAttribute(ExpertpassLoginForm.ATTRIBUTE, new ExpertpassPanel(api, Map.of()))
                .setAttribute(AppLinks.ATTRIBUTE, AppLinks.of(session, realm))
                .createForm(TEMPLATE);
        if (page.getStatus() != 200 || !(page.getEntity() instanceof String rendered)) {
            return page;
        }
        String markup = rendered.strip();
        boolean current = MarkupVersion.of(markup).equals(version);
        return Response.ok(script(markup), "text/javascript; charset=utf-8")
                .header("Cache-Control", current ? KEPT : "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /**
     * Puts the markup in the page's slot, then loads the page's script that the panel names (ordre-expertpass.js, under
     * the theme's resources, kept by the browser as they are), which takes it from there. One address on the page.
     */
    static String script(String markup) {
        try {
            return "(function(s){if(s){s.innerHTML=" + JsonSerialization.writeValueAsString(markup)
                    + ";var p=s.querySelector(\"[data-script]\");if(p){var e=document.createElement(\"script\");"
                    + "e.src=p.getAttribute(\"data-script\");document.head.appendChild(e);}}})"
                    + "(document.getElementById(\"ordre-expertpass-slot\"));\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
