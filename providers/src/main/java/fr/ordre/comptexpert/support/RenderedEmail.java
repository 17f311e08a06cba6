package fr.ordre.comptexpert.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.email.freemarker.FreeMarkerEmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * An email rendered now, in the request (theme, locale and absolute URLs resolved from it), and sent
 * later by any session: the response must not wait for the SMTP server, or its timing would tell
 * whether the account exists; or rendered in the request's transaction and sent once it is committed.
 */
public record RenderedEmail(String address, String subject, String text, String html) {

    /** Rendered for the user and addressed to their email. */
    public static RenderedEmail render(
            KeycloakSession session,
            RealmModel realm,
            UserModel user,
            String subjectKey,
            String template,
            Map<String, Object> attributes)
            throws EmailException {
        return render(session, realm, user, user.getEmail(), subjectKey, template, attributes);
    }

    /** Rendered for the user (theme, locale) but addressed elsewhere, e.g. to the address they just left, or the one the Tableau has on file. */
    public static RenderedEmail render(
            KeycloakSession session,
            RealmModel realm,
            UserModel user,
            String address,
            String subjectKey,
            String template,
            Map<String, Object> attributes)
            throws EmailException {
        Renderer renderer = new Renderer(session);
        renderer.setRealm(realm).setUser(user);
        return renderer.render(address, subjectKey, template, new HashMap<>(attributes));
    }

    public void send(KeycloakSession session, RealmModel realm) throws EmailException {
        session.getProvider(EmailSenderProvider.class).send(realm.getSmtpConfig(), address, subject, text, html);
    }

    /** Keycloak's own email renderer, asked for the result instead of sending it. */
    private static final class Renderer extends FreeMarkerEmailTemplateProvider {

        Renderer(KeycloakSession session) {
            super(session);
        }

        RenderedEmail render(String address, String subjectKey, String template, Map<String, Object> attributes)
                throws EmailException {
            EmailTemplate email = processTemplate(subjectKey, List.of(), template, attributes);
            return new RenderedEmail(address, email.getSubject(), email.getTextBody(), email.getHtmlBody());
        }
    }
}
