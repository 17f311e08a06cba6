package fr.ordre.comptexpert.password;

import fr.ordre.comptexpert.link.ShortLink;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionCompoundId;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Builds a set-password link for a user and emails it with one of our templates (theme "ordre"). */
public final class SetPasswordLink {

    public static final String REASON_REGISTRATION = "registration";
    public static final String REASON_RECOVERY = "recovery";

    private SetPasswordLink() {}

    /**
     * @param template       {@code ordre-set-password.ftl} or {@code ordre-reset.ftl}
     * @param lifespanSeconds how long the link is valid
     */
    public static void send(
            KeycloakSession session,
            RealmModel realm,
            UserModel user,
            AuthenticationSessionModel authSession,
            String reason,
            String template,
            String subjectKey,
            int lifespanSeconds,
            Map<String, Object> extraAttributes)
            throws EmailException {
        String link = build(session, realm, user, authSession, reason, lifespanSeconds);
        sendLink(session, realm, user, link, template, subjectKey, lifespanSeconds, extraAttributes);
    }

    /** Emails a link built earlier with {@link #build}. */
    public static void sendLink(
            KeycloakSession session,
            RealmModel realm,
            UserModel user,
            String link,
            String template,
            String subjectKey,
            int lifespanSeconds,
            Map<String, Object> extraAttributes)
            throws EmailException {
        Map<String, Object> attributes = new HashMap<>(attributes(realm, user, link, lifespanSeconds));
        attributes.putAll(extraAttributes);
        session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(user)
                .send(subjectKey, template, attributes);
    }

    /** What our set-password emails (ordre-set-password.ftl, ordre-reset.ftl) expect. */
    public static Map<String, Object> attributes(RealmModel realm, UserModel user, String link, int lifespanSeconds) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("link", link);
        attributes.put("linkExpiration", TimeUnit.SECONDS.toMinutes(lifespanSeconds));
        attributes.put("identifiant", user.getUsername());
        attributes.put("firstName", user.getFirstName() == null ? "" : user.getFirstName());
        attributes.put("lastName", user.getLastName() == null ? "" : user.getLastName());
        attributes.put("realmName", realm.getDisplayName() == null ? realm.getName() : realm.getDisplayName());
        return attributes;
    }

    /**
     * The link alone, for callers that send it themselves (e.g. after the request, off its thread): a short
     * address standing for the signed action-token link, for as long as that one lives.
     */
    public static String build(
            KeycloakSession session,
            RealmModel realm,
            UserModel user,
            AuthenticationSessionModel authSession,
            String reason,
            int lifespanSeconds) {
        String compoundId =
                AuthenticationSessionCompoundId.fromAuthSession(authSession).getEncodedId();
        String clientId = authSession.getClient().getClientId();
        SetPasswordActionToken token = new SetPasswordActionToken(
                user.getId(), user.getEmail(), Time.currentTime() + lifespanSeconds, compoundId, clientId, reason);
        return ShortLink.forActionToken(session, realm, authSession, token, lifespanSeconds);
    }
}
