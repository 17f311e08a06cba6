package fr.ordre.comptexpert.expertpass;

import fr.ordre.comptexpert.expertpass.ExpertpassEntry.Challenge;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/**
 * The QR panel costs nothing until it is used: a login page carries a start token only, signed with the realm's
 * HMAC key, and neither a store entry nor a QR drawing. The page's script trades the token for a challenge when the
 * panel comes into view ({@code POST v1/browser/start}); a browser without scripts uses the panel's "show the QR"
 * button, which posts the form. A bot that only fetches login pages makes no challenge.
 */
final class ExpertpassPanelStart {

    /** A new challenge is made rather than one shown with less than this left to scan it (or half its validity). */
    static final int MIN_SECONDS_LEFT = 10;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final int MAX_TOKEN = 600;

    /** What a start token names: one login attempt (root authentication session, tab) and its step's QR settings. */
    record Attempt(String root, String tab, int lifespanSeconds, int digits) {}

    private ExpertpassPanelStart() {}

    /**
     * The page's start token for this login attempt: {@code <payload>.<mac>}, base64url both. Short, as every login
     * page carries it: the realm is in the MAC's input (and key), not in the token, and the tab names the attempt
     * within its root session without the client.
     */
    static String token(
            KeycloakSession session,
            RealmModel realm,
            AuthenticationSessionModel authSession,
            ExpertpassLoginConfig config) {
        String payload = String.join(
                "\n",
                authSession.getParentSession().getId(),
                authSession.getTabId(),
                Integer.toString(config.challengeLifespanSeconds()),
                Integer.toString(config.codeDigits()));
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(bytes) + "." + B64.encodeToString(mac(session, realm, bytes));
    }

    /** The attempt a start token names, if the realm's key signed it for this realm. */
    static Optional<Attempt> parse(KeycloakSession session, RealmModel realm, String token) {
        if (token == null || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts.length == 2 ? parts[0] : "");
            byte[] given = Base64.getUrlDecoder().decode(parts.length == 2 ? parts[1] : "");
            if (payload.length == 0 || !MessageDigest.isEqual(mac(session, realm, payload), given)) {
                return Optional.empty();
            }
            String[] f = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
            if (f.length != 4) {
                return Optional.empty();
            }
            return Optional.of(new Attempt(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The panel's first QR for the attempt a start token names, if that attempt still runs. */
    static Optional<Map<String, Object>> start(KeycloakSession session, RealmModel realm, String token) {
        return parse(session, realm, token).flatMap(a -> authSession(session, realm, a)
                .map(authSession -> shown(
                        session, realm, challenge(session, realm, authSession, a.lifespanSeconds(), a.digits()))));
    }

    /** The login attempt itself, if it still runs. */
    private static Optional<AuthenticationSessionModel> authSession(
            KeycloakSession session, RealmModel realm, Attempt attempt) {
        RootAuthenticationSessionModel root =
                session.authenticationSessions().getRootAuthenticationSession(realm, attempt.root());
        return root == null
                ? Optional.empty()
                : Optional.ofNullable(root.getAuthenticationSessions().get(attempt.tab()));
    }

    /** The attempt's current challenge if it can still be scanned, else a new one (the only place one is made). */
    static Challenge challenge(
            KeycloakSession session,
            RealmModel realm,
            AuthenticationSessionModel authSession,
            int lifespanSeconds,
            int digits) {
        ExpertpassStore store = new ExpertpassStore(session);
        long now = ExpertpassStore.now();
        return Optional.ofNullable(authSession.getAuthNote(ExpertpassStore.NOTE_CHALLENGE))
                .flatMap(store::challenge)
                .filter(c -> scannable(c, now))
                .orElseGet(() -> store.createChallenge(
                        realm,
                        authSession,
                        ExpertpassStore.ChallengeOrigin.of(session, authSession.getClient()),
                        lifespanSeconds,
                        digits));
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

    /**
     * The request thread's HMAC, kept while the realm's key stays the same: every login page signs a start token,
     * and a new {@code Mac} (provider lookup, key schedule) cost about as much as the signature itself.
     */
    private static final ThreadLocal<KeyedMac> MACS = new ThreadLocal<>();

    private record KeyedMac(SecretKey key, Mac mac) {}

    private static byte[] mac(KeycloakSession session, RealmModel realm, byte[] payload) {
        SecretKey key =
                session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512).getSecretKey();
        try {
            KeyedMac cached = MACS.get();
            if (cached == null || !cached.key().equals(key)) {
                Mac mac = Mac.getInstance("HmacSHA512");
                mac.init(key);
                cached = new KeyedMac(key, mac);
                MACS.set(cached);
            }
            Mac mac = cached.mac();
            mac.update(realm.getId().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            // 128 bits: a forgery must be guessed online, against the start endpoint, one guess a request. doFinal
            // leaves the Mac initialised with the same key, ready for the thread's next page.
            return Arrays.copyOf(mac.doFinal(payload), 16);
        } catch (GeneralSecurityException e) {
            MACS.remove();
            throw new IllegalStateException("HMAC with the realm's HS512 key", e);
        }
    }
}
