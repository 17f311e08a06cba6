package fr.ordre.comptexpert.link;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.actiontoken.DefaultActionToken;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Short links for our emails. An action-token link is a signed JWT of about 1,200 characters: mail apps wrap
 * it, people cannot copy it, and the text part of the mail becomes a wall. The email carries
 * {@code /realms/{realm}/comptexpert/l/{code}} instead, where the code is 128 random bits kept in Keycloak's
 * single-use object store (replicated across nodes) for the signed link's own lifespan.
 * <p>
 * The code is only an alias: the signed link it leads to keeps every check (signature, expiry, single use), so
 * following a short link twice, or after a mail scanner did, is the same as following the long one.
 */
public final class ShortLink {

    static final String PATH = "l";
    private static final String KEY_PREFIX = "ordre-link:";
    private static final String TARGET = "target";
    private static final int CODE_BYTES = 16;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{22}");

    private ShortLink() {}

    /**
     * The short address of a signed link for {@code token}, made for this login attempt (its client and tab, as
     * Keycloak's own action-token links are), valid for {@code lifespanSeconds}.
     */
    public static String forActionToken(
            KeycloakSession session,
            RealmModel realm,
            AuthenticationSessionModel authSession,
            DefaultActionToken token,
            int lifespanSeconds) {
        UriInfo uri = session.getContext().getUri();
        String signed = Urls.actionTokenBuilder(
                        uri.getBaseUri(),
                        token.serialize(session, realm, uri),
                        authSession.getClient().getClientId(),
                        authSession.getTabId(),
                        AuthenticationProcessor.getClientData(session, authSession))
                .build(realm.getName())
                .toString();
        return of(session, realm, signed, lifespanSeconds);
    }

    /** Stores the target and returns the short address that leads to it for {@code lifespanSeconds}. */
    private static String of(KeycloakSession session, RealmModel realm, String target, int lifespanSeconds) {
        String code = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(SecretGenerator.getInstance().randomBytes(CODE_BYTES));
        session.singleUseObjects().put(key(realm, code), lifespanSeconds, Map.of(TARGET, target));
        return UriBuilder.fromUri(session.getContext().getUri().getBaseUri())
                .path("realms/{realm}/comptexpert/" + PATH + "/{code}")
                .build(realm.getName(), code)
                .toString();
    }

    /** Where a code leads, while it lives; nothing for an unknown, expired or malformed code. */
    static Optional<String> target(KeycloakSession session, RealmModel realm, String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        Map<String, String> notes = session.singleUseObjects().get(key(realm, code));
        return notes == null ? Optional.empty() : Optional.ofNullable(notes.get(TARGET));
    }

    private static String key(RealmModel realm, String code) {
        return KEY_PREFIX + realm.getId() + ":" + code;
    }
}
