package fr.ordre.comptexpert.expertpass;

import fr.ordre.comptexpert.support.AfterCommit;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Expertpass state, all of it in Keycloak's SingleUseObject store (cluster-wide, expiring):
 * <ul>
 * <li>{@code ordre-ep:ch:<id>}: a sign-in challenge, bound server-side to one login attempt (root auth
 *     session + tab); its status moves pending → approved | denied | rotated;</li>
 * <li>{@code ordre-ep:en:<ref>}: an enrolment reference, bound to a user and a nonce; pending → confirming (a phone
 *     posted its key, which waits for the person to confirm it in the browser) → done | refused;</li>
 * <li>{@code ordre-ep:used:<id>}: the accept-once marker, taken with putIfAbsent (immediate);</li>
 * <li>{@code ordre-ep:conf:<ref>}: the confirm-once marker of an enrolment (the browser's answer, taken with
 *     putIfAbsent);</li>
 * <li>{@code ordre-ep:rot:<id>}: the rotate-once marker of a challenge; {@code ordre-ep:nonce:<device>:<nonce>}: a
 *     signed device request's nonce, both taken with putIfAbsent.</li>
 * </ul>
 * Each entry also holds a {@code watch} secret: the page that shows the QR waits on and rotates its entry with
 * {@code <kind>.<id>.<secret>}, which no QR contains. The entries are written with put, which lands with the
 * request's transaction, and always with a lifespan: Infinispan's replace would make them immortal. A decision is
 * therefore published to waiting browsers after the commit ({@link #afterCommit}).
 */
final class ExpertpassStore {

    static final String CHALLENGE = "ordre-ep:ch:";
    static final String ENROLMENT = "ordre-ep:en:";
    static final String USED = "ordre-ep:used:";
    static final String ROTATION = "ordre-ep:rot:";
    static final String NONCE = "ordre-ep:nonce:";
    static final String CONFIRMATION = "ordre-ep:conf:";

    /** Auth session notes: the current challenge (sign-in) or enrolment of the attempt. */
    static final String NOTE_CHALLENGE = "ordre.expertpass.challenge";
    static final String NOTE_ENROLMENT = "ordre.expertpass.enrolment";

    /** The kinds of entry a watch token points at. */
    static final String KIND_CHALLENGE = "ch";
    static final String KIND_ENROLMENT = "en";

    static final String PENDING = "pending";
    static final String APPROVED = "approved";
    static final String DENIED = "denied";
    static final String ROTATED = "rotated";
    static final String CONFIRMING = "confirming";
    static final String DONE = "done";
    static final String REFUSED = "refused";
    static final String CANCELLED = "cancelled";
    static final String EXPIRED = "expired";
    static final String GONE = "gone";

    /** Decided entries are kept this long after expiry, so a late browser still reads the outcome. */
    static final int KEEP_SECONDS = 300;
    /**
     * A challenge nobody decided is kept this long after expiry: enough for its page to rotate it, or for a late
     * phone to be told "expired". Every login page makes one, so it should not linger.
     */
    static final int PENDING_GRACE_SECONDS = 60;

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

        long createdAt() {
            return Long.parseLong(notes.getOrDefault("created", "0"));
        }

        /** The validity a challenge was given, which its rotations keep. */
        int lifespanSeconds() {
            return (int) (expiresAt() - createdAt());
        }

        /** The number of digits of the code to match. */
        int codeDigits() {
            return notes.getOrDefault("code", "").length();
        }

        boolean expired(long nowSeconds) {
            return nowSeconds >= expiresAt();
        }

        /**
         * How long the store keeps this entry from now: its validity, then {@link #KEEP_SECONDS} for a decision that
         * a late page may still read, or {@link #PENDING_GRACE_SECONDS} for a QR nobody decided (pending, rotated).
         */
        long keepSeconds(long nowSeconds) {
            String status = status();
            boolean undecided = PENDING.equals(status) || ROTATED.equals(status);
            return Math.max(0, expiresAt() - nowSeconds) + (undecided ? PENDING_GRACE_SECONDS : KEEP_SECONDS);
        }

        /** The handle of the page showing this entry: {@code <kind>.<id>.<secret>}. */
        String watchToken(String kind) {
            return kind + "." + id + "." + notes.get("watch");
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

    /**
     * A new sign-in challenge: one store entry per login page, so it is kept small (thirteen short notes; the status
     * is absent while pending) and short-lived (its validity, then {@link #PENDING_GRACE_SECONDS}).
     */
    Entry createChallenge(RealmModel realm, AuthenticationSessionModel authSession, ChallengeOrigin origin,
                          int lifespanSeconds, int digits) {
        String id = ExpertpassCrypto.randomToken();
        long now = now();
        Map<String, String> notes = new HashMap<>(20);
        notes.put("realm", realm.getId());
        notes.put("root", authSession.getParentSession().getId());
        notes.put("tab", authSession.getTabId());
        notes.put("client", authSession.getClient().getId());
        notes.put("service", origin.service());
        notes.put("browser", origin.browser());
        notes.put("os", origin.os());
        notes.put("ip", origin.ip());
        // The browser's network, for the proximity signal (ExpertpassProximity).
        notes.put("net", origin.network());
        notes.put("created", Long.toString(now));
        notes.put("expires", Long.toString(now + lifespanSeconds));
        notes.put("code", ExpertpassCrypto.randomCode(digits));
        notes.put("watch", ExpertpassCrypto.randomToken());
        // put() lands at the end of this request, before the page that shows the QR reaches the browser.
        store.put(CHALLENGE + id, lifespanSeconds + PENDING_GRACE_SECONDS, notes);
        authSession.setAuthNote(NOTE_CHALLENGE, id);
        return new Entry(id, notes);
    }

    Optional<Entry> challenge(String id) {
        if (!ExpertpassCrypto.isToken(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(store.get(CHALLENGE + id)).map(n -> new Entry(id, n));
    }

    /**
     * Records a new state of an entry, with the request's transaction and a lifespan (not replace, which would
     * drop the lifespan). Readers see it once the request commits: publish decisions with {@link #afterCommit}.
     */
    void update(String prefix, Entry entry) {
        store.put(prefix + entry.id(), Math.max(1, entry.keepSeconds(now())), entry.notes());
    }

    /** Runs {@code task} once this request's writes are committed (and not if they are not). */
    void afterCommit(Runnable task) {
        AfterCommit.run(session, task);
    }

    boolean takeOnce(String id, long lifespanSeconds) {
        return store.putIfAbsent(USED + id, Math.max(1, lifespanSeconds));
    }

    /** Takes the one rotation a challenge allows (putIfAbsent: two racing requests cannot both rotate it). */
    boolean takeRotation(Entry challenge) {
        return store.putIfAbsent(ROTATION + challenge.id(), Math.max(1, challenge.keepSeconds(now())));
    }

    /**
     * Takes a signed device request's nonce for as long as its time is accepted, so that the same request cannot be
     * played twice. The nonce is scoped by the device, whose signature covers it.
     */
    boolean takeNonce(String deviceId, String nonce, long lifespanSeconds) {
        return store.putIfAbsent(NONCE + deviceId + ":" + nonce, Math.max(1, lifespanSeconds));
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
                          int lifespanSeconds) {
        String ref = ExpertpassCrypto.randomToken();
        Map<String, String> notes = new HashMap<>();
        notes.put("realm", realm.getId());
        notes.put("user", userId);
        notes.put("nonce", ExpertpassCrypto.randomToken());
        notes.put("root", authSession.getParentSession().getId());
        notes.put("tab", authSession.getTabId());
        notes.put("created", Long.toString(now()));
        notes.put("expires", Long.toString(now() + lifespanSeconds));
        notes.put("watch", ExpertpassCrypto.randomToken());
        notes.put("status", PENDING);
        store.put(ENROLMENT + ref, lifespanSeconds + KEEP_SECONDS, notes);
        authSession.setAuthNote(NOTE_ENROLMENT, ref);
        return new Entry(ref, notes);
    }

    /**
     * Ends an enrolment nobody used: its reference is taken (so a phone racing the cancel fails at putIfAbsent) and
     * marked cancelled. False if a phone took it first.
     */
    boolean cancelEnrolment(Entry enrolment) {
        if (!PENDING.equals(enrolment.status()) || !takeOnce(enrolment.id(), enrolment.keepSeconds(now()))) {
            return false;
        }
        update(ENROLMENT, enrolment.with("status", CANCELLED));
        return true;
    }

    /**
     * A phone proved its key for this enrolment: the key waits, with the device's name, for the person to confirm it in
     * the browser that shows the QR, for {@code confirmSeconds} from now.
     */
    Entry awaitConfirmation(Entry enrolment, String deviceName, String publicKey, int confirmSeconds) {
        Entry confirming = enrolment.with("status", CONFIRMING).with("deviceName", deviceName).with("publicKey", publicKey)
                .with("expires", Long.toString(now() + confirmSeconds));
        update(ENROLMENT, confirming);
        return confirming;
    }

    /** Takes the browser's one answer to a confirmation (putIfAbsent: a double submit cannot enrol twice). */
    boolean takeConfirmation(Entry enrolment) {
        return CONFIRMING.equals(enrolment.status())
                && store.putIfAbsent(CONFIRMATION + enrolment.id(), Math.max(1, enrolment.keepSeconds(now())));
    }

    Optional<Entry> enrolment(String ref) {
        if (!ExpertpassCrypto.isToken(ref)) {
            return Optional.empty();
        }
        return Optional.ofNullable(store.get(ENROLMENT + ref)).map(n -> new Entry(ref, n));
    }

    // --- the browser's watch handle ---

    /** A parsed watch token: which entry it points at, and the secret that entry must hold. */
    record Watch(String kind, String id, String secret) {
        static Optional<Watch> parse(String token) {
            String[] parts = token == null ? new String[0] : token.split("\\.", -1);
            if (parts.length != 3 || !(KIND_CHALLENGE.equals(parts[0]) || KIND_ENROLMENT.equals(parts[0]))
                    || !ExpertpassCrypto.isToken(parts[1]) || !ExpertpassCrypto.isToken(parts[2])) {
                return Optional.empty();
            }
            return Optional.of(new Watch(parts[0], parts[1], parts[2]));
        }

        boolean challenge() {
            return KIND_CHALLENGE.equals(kind);
        }

        /** Whether {@code entry} is the one this token was given for (constant-time on the secret). */
        boolean matches(Entry entry) {
            String held = entry.get("watch");
            return held != null && MessageDigest.isEqual(held.getBytes(StandardCharsets.US_ASCII),
                    secret.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The entry a watch token points at, if it still exists and the token's secret is its own. */
    Optional<Entry> watched(Watch watch) {
        return (watch.challenge() ? challenge(watch.id()) : enrolment(watch.id())).filter(watch::matches);
    }

    /** What the phone is shown about the browser that asks to sign in, and the browser's network (not shown). */
    record ChallengeOrigin(String service, String browser, String os, String ip, String network) {
        ChallengeOrigin(String service, String browser, String os, String ip) {
            this(service, browser, os, ip, ExpertpassProximity.network(ip));
        }

        static ChallengeOrigin of(KeycloakSession session, ClientModel client) {
            String ua = session.getContext().getRequestHeaders().getHeaderString("User-Agent");
            String name = client.getName() == null || client.getName().isBlank() ? client.getClientId() : client.getName();
            return new ChallengeOrigin(name, UserAgentSummary.browser(ua), UserAgentSummary.os(ua),
                    session.getContext().getConnection().getRemoteAddr());
        }

        static ChallengeOrigin of(Entry previous) {
            return new ChallengeOrigin(previous.get("service"), previous.get("browser"), previous.get("os"), previous.get("ip"),
                    previous.get("net"));
        }
    }
}
