package fr.ordre.comptexpert.expertpass;

import fr.ordre.comptexpert.expertpass.ExpertpassEntry.Challenge;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/**
 * The QR panel costs nothing until it is used: a login page carries the same cached slot as every other page, with no
 * per-page value, no store entry and no QR drawing. The page's script asks for a challenge when the panel comes into
 * view ({@code POST v1/browser/start}), naming its login attempt as Keycloak's own form does: the browser's
 * {@code AUTH_SESSION_ID} cookie (signed by Keycloak, HttpOnly) and the tab id of the page's form action. A browser
 * without scripts uses the panel's "show the QR" button, which posts the form. A bot that only fetches login pages
 * makes no challenge.
 */
final class ExpertpassPanelStart {

    /** A new challenge is made rather than one shown with less than this left to scan it (or half its validity). */
    static final int MIN_SECONDS_LEFT = 10;

    /** Longer than any tab id Keycloak makes (11 characters): anything longer is not looked up. */
    private static final int MAX_TAB_ID = 64;

    private ExpertpassPanelStart() {}

    /**
     * The panel's first QR for the browser's login attempt in that tab, if it still runs and waits on the Expertpass
     * step (the page the panel was on): the step's own settings make the challenge.
     */
    static Optional<Map<String, Object>> start(KeycloakSession session, RealmModel realm, String tabId) {
        if (tabId == null || tabId.length() > MAX_TAB_ID) {
            return Optional.empty();
        }
        RootAuthenticationSessionModel root =
                new AuthenticationSessionManager(session).getCurrentRootAuthenticationSession(realm);
        return Optional.ofNullable(
                        root == null ? null : root.getAuthenticationSessions().get(tabId))
                .flatMap(authSession -> stepConfig(realm, authSession)
                        .map(config -> shown(session, realm, challenge(session, realm, authSession, config))));
    }

    /**
     * The settings of the step the attempt waits on, if that step is the Expertpass sign-in form with Expertpass on:
     * Keycloak notes the execution whose page it last sent.
     */
    static Optional<ExpertpassLoginConfig> stepConfig(RealmModel realm, AuthenticationSessionModel authSession) {
        String executionId = authSession.getAuthNote(AuthenticationProcessor.CURRENT_AUTHENTICATION_EXECUTION);
        AuthenticationExecutionModel execution =
                executionId == null ? null : realm.getAuthenticationExecutionById(executionId);
        if (execution == null || !ExpertpassLoginFormFactory.PROVIDER_ID.equals(execution.getAuthenticator())) {
            return Optional.empty();
        }
        String configId = execution.getAuthenticatorConfig();
        return Optional.of(
                        ExpertpassLoginConfig.of(configId == null ? null : realm.getAuthenticatorConfigById(configId)))
                .filter(ExpertpassLoginConfig::enabled);
    }

    /** The attempt's current challenge if it can still be scanned, else a new one (the only place one is made). */
    static Challenge challenge(
            KeycloakSession session,
            RealmModel realm,
            AuthenticationSessionModel authSession,
            ExpertpassLoginConfig config) {
        ExpertpassStore store = new ExpertpassStore(session);
        long now = ExpertpassStore.now();
        return Optional.ofNullable(authSession.getAuthNote(ExpertpassStore.NOTE_CHALLENGE))
                .flatMap(store::challenge)
                .filter(c -> scannable(c, now))
                .orElseGet(() -> store.createChallenge(
                        realm,
                        authSession,
                        ExpertpassStore.ChallengeOrigin.of(session, authSession.getClient()),
                        config.challengeLifespanSeconds(),
                        config.codeDigits()));
    }

    /** Whether a challenge is still worth showing: pending, with time left to scan it. */
    static boolean scannable(Challenge challenge, long now) {
        return challenge.status() == ExpertpassStatus.PENDING
                && challenge.expiresAt() - now >= Math.min(MIN_SECONDS_LEFT, challenge.lifespanSeconds() / 2);
    }

    /** What the page shows of a challenge: the start, rotate and panel answers alike. */
    static Map<String, Object> shown(KeycloakSession session, RealmModel realm, Challenge challenge) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ExpertpassStatus.PENDING.wire());
        String link = ExpertpassUrls.apiBase(session, realm) + "/challenges/" + challenge.id();
        body.put("qr", ExpertpassQr.dataUri(link));
        // What the QR holds: the panel hands it to the app on the same phone.
        body.put("link", link);
        body.put("code", challenge.code());
        body.put("watch", challenge.watchToken());
        body.put("expiresIn", Math.max(1, challenge.expiresAt() - ExpertpassStore.now()));
        return body;
    }
}
