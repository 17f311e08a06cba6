package fr.ordre.comptexpert.expertpass;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Expertpass state, all of it in Keycloak's SingleUseObject store (cluster-wide, expiring):
 * <ul>
 * <li>{@code ordre-ep:ch:<id>}: a sign-in challenge, bound server-side to one login attempt (root auth
 *     session + tab); its status moves pending → approved | denied | rotated;</li>
 * <li>{@code ordre-ep:en:<ref>}: an enrolment reference, bound to a user and a nonce; pending → done;</li>
 * <li>{@code ordre-ep:used:<id>}: the accept-once marker, taken with putIfAbsent;</li>
 * <li>{@code ordre-ep:w:<watch>}: the browser's own handle (never in a QR) to wait on and rotate its QR.</li>
 * </ul>
 * Writes that must be seen at once by other requests use replace/putIfAbsent, which are not deferred to
 * the end of the request like put.
 */
final class ExpertpassStore {

    static final String CHALLENGE = "ordre-ep:ch:";
    static final String ENROLMENT = "ordre-ep:en:";
    static final String USED = "ordre-ep:used:";
    static final String WATCH = "ordre-ep:w:";

    /** Auth session notes: the current challenge (sign-in) or enrolment of the attempt, and its watch token. */
    static final String NOTE_CHALLENGE = "ordre.expertpass.challenge";
    static final String NOTE_ENROLMENT = "ordre.expertpass.enrolment";
    static final String NOTE_WATCH = "ordre.expertpass.watch";

    static final String PENDING = "pending";
    static final String APPROVED = "approved";
    static final String DENIED = "denied";
    static final String ROTATED = "rotated";
    static final String DONE = "done";
    static final String EXPIRED = "expired";
    static final String GONE = "gone";

    /** Decided entries are kept this long after expiry, so a late browser still reads the outcome. */
    static final int KEEP_SECONDS = 300;
    static final int WATCH_SECONDS = 3600;

    /** A record read from the store. */
    record Entry(String id, Map<String, String> notes) {
        String get(String name) {
            return notes.get(name);
        }

        String status() {
            return notes.getOrDefault("status", PENDING);
        }

        long expiresAt() {
            return Long.parseLong(notes.getOrDefault("expires", "0"));
        }

        boolean expired(long nowSeconds) {
            return nowSeconds >= expiresAt();
        }

        Entry with(String name, String value) {
            Map<String, String> copy = new HashMap<>(notes);
            copy.put(name, value);
            return new Entry(id, copy);
        }
    }

    private final KeycloakSession session;
    private final SingleUseObjectProvider store;

    ExpertpassStore(KeycloakSession session) {
        this.session = session;
        this.store = session.singleUseObjects();
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    // --- sign-in challenges ---

    Entry createChallenge(RealmModel realm, AuthenticationSessionModel authSession, ChallengeOrigin origin,
                          int lifespanSeconds, int digits, String watch) {
        String id = ExpertpassCrypto.randomToken();
        Map<String, String> notes = new HashMap<>();
        notes.put("realm", realm.getId());
        notes.put("root", authSession.getParentSession().getId());
        notes.put("tab", authSession.getTabId());
        notes.put("client", authSession.getClient().getId());
        notes.put("service", origin.service());
        notes.put("browser", origin.browser());
        notes.put("os", origin.os());
        notes.put("ip", origin.ip());
        notes.put("created", Long.toString(now()));
        notes.put("expires", Long.toString(now() + lifespanSeconds));
        notes.put("ttl", Integer.toString(lifespanSeconds));
        notes.put("digits", Integer.toString(digits));
        notes.put("code", ExpertpassCrypto.randomCode(digits));
        notes.put("watch", watch);
        notes.put("status", PENDING);
        // put() lands at the end of this request, before the page that shows the QR reaches the browser.
        store.put(CHALLENGE + id, lifespanSeconds + KEEP_SECONDS, notes);
        authSession.setAuthNote(NOTE_CHALLENGE, id);
        pointWatch(authSession, watch, "ch", id);
        return new Entry(id, notes);
    }

    Optional<Entry> challenge(String id) {
        if (!ExpertpassCrypto.isToken(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(store.get(CHALLENGE + id)).map(n -> new Entry(id, n));
    }

    /** Records a decision at once (replace is immediate), for every node to read. */
    boolean update(String prefix, Entry entry) {
        return store.replace(prefix + entry.id(), entry.notes());
    }

    boolean takeOnce(String id, long lifespanSeconds) {
        return store.putIfAbsent(USED + id, Math.max(1, lifespanSeconds));
    }

    /** Whether a decision was already taken for this challenge (the marker outlives the challenge). */
    boolean used(String id) {
        return store.contains(USED + id);
    }

    /** The challenge is consumed by the sign-in it approved: removal is single-use across the cluster. */
    boolean consume(String id) {
        return store.remove(CHALLENGE + id) != null;
    }

    /** The login attempt a challenge belongs to, if it still runs. */
    Optional<AuthenticationSessionModel> attempt(RealmModel realm, Entry challenge) {
        RootAuthenticationSessionModel root = session.authenticationSessions()
                .getRootAuthenticationSession(realm, challenge.get("root"));
        if (root == null) {
            return Optional.empty();
        }
        ClientModel client = realm.getClientById(challenge.get("client"));
        return client == null ? Optional.empty()
                : Optional.ofNullable(root.getAuthenticationSession(client, challenge.get("tab")));
    }

    // --- enrolments ---

    Entry createEnrolment(RealmModel realm, AuthenticationSessionModel authSession, String userId,
                          int lifespanSeconds, String watch) {
        String ref = ExpertpassCrypto.randomToken();
        Map<String, String> notes = new HashMap<>();
        notes.put("realm", realm.getId());
        notes.put("user", userId);
        notes.put("nonce", ExpertpassCrypto.randomToken());
        notes.put("root", authSession.getParentSession().getId());
        notes.put("tab", authSession.getTabId());
        notes.put("created", Long.toString(now()));
        notes.put("expires", Long.toString(now() + lifespanSeconds));
        notes.put("watch", watch);
        notes.put("status", PENDING);
        store.put(ENROLMENT + ref, lifespanSeconds + KEEP_SECONDS, notes);
        authSession.setAuthNote(NOTE_ENROLMENT, ref);
        pointWatch(authSession, watch, "en", ref);
        return new Entry(ref, notes);
    }

    Optional<Entry> enrolment(String ref) {
        if (!ExpertpassCrypto.isToken(ref)) {
            return Optional.empty();
        }
        return Optional.ofNullable(store.get(ENROLMENT + ref)).map(n -> new Entry(ref, n));
    }

    // --- the browser's watch handle ---

    /**
     * Points the login attempt's watch token at {@code target}: a new token (a login page's usual case) is put at
     * once, a known one is moved to the new target.
     */
    private void pointWatch(AuthenticationSessionModel authSession, String watch, String kind, String target) {
        boolean newWatch = !watch.equals(authSession.getAuthNote(NOTE_WATCH));
        authSession.setAuthNote(NOTE_WATCH, watch);
        Map<String, String> notes = Map.of("kind", kind, "target", target);
        if (newWatch || !store.replace(WATCH + watch, notes)) {
            store.put(WATCH + watch, WATCH_SECONDS, notes);
        }
    }

    /** kind ("ch" or "en") and target id of a watch token. */
    Optional<Map<String, String>> watch(String watch) {
        if (!ExpertpassCrypto.isToken(watch)) {
            return Optional.empty();
        }
        return Optional.ofNullable(store.get(WATCH + watch));
    }

    /** The auth session's watch token, made once per login attempt and kept across QR rotations. */
    static String watchOf(AuthenticationSessionModel authSession) {
        String watch = authSession.getAuthNote(NOTE_WATCH);
        return watch != null ? watch : ExpertpassCrypto.randomToken();
    }

    /** What the phone is shown about the browser that asks to sign in. */
    record ChallengeOrigin(String service, String browser, String os, String ip) {
        static ChallengeOrigin of(KeycloakSession session, ClientModel client) {
            String ua = session.getContext().getRequestHeaders().getHeaderString("User-Agent");
            String name = client.getName() == null || client.getName().isBlank() ? client.getClientId() : client.getName();
            return new ChallengeOrigin(name, UserAgentSummary.browser(ua), UserAgentSummary.os(ua),
                    session.getContext().getConnection().getRemoteAddr());
        }

        static ChallengeOrigin of(Entry previous) {
            return new ChallengeOrigin(previous.get("service"), previous.get("browser"), previous.get("os"), previous.get("ip"));
        }
    }
}
