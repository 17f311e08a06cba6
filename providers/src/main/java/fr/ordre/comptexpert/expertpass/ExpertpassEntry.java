package fr.ordre.comptexpert.expertpass;

import java.util.Map;

/**
 * What the store keeps of a sign-in challenge or of an enrolment, typed. Both are written to Keycloak's
 * SingleUseObject store as the string map it holds ({@link #notes()}) and read back from it ({@code from}); the
 * note names are the wire format of entries that live across nodes and across a rolling upgrade.
 */
sealed interface ExpertpassEntry permits ExpertpassEntry.Challenge, ExpertpassEntry.Enrolment {

    /** Decided entries are kept this long after expiry, so a late browser still reads the outcome. */
    int KEEP_SECONDS = 300;
    /**
     * A challenge nobody decided is kept this long after expiry: enough for its page to rotate it, or for a late
     * phone to be told "expired". Every QR shown makes one, so it should not linger.
     */
    int PENDING_GRACE_SECONDS = 60;

    String id();

    String realmId();

    /** The secret of the page that shows this entry's QR ({@link ExpertpassStore.Watch}). */
    String watch();

    ExpertpassStatus status();

    long expiresAt();

    /** The store's key prefix for this kind, and the first part of a watch token. */
    Kind kind();

    Map<String, String> notes();

    default boolean expired(long nowSeconds) {
        return nowSeconds >= expiresAt();
    }

    /**
     * How long the store keeps this entry from now: its validity, then {@link #KEEP_SECONDS} for a decision that a late
     * page may still read, or {@link #PENDING_GRACE_SECONDS} for a QR nobody decided (pending, rotated).
     */
    default long keepSeconds(long nowSeconds) {
        return Math.max(0, expiresAt() - nowSeconds) + (status().undecided() ? PENDING_GRACE_SECONDS : KEEP_SECONDS);
    }

    /** The handle of the page showing this entry: {@code <kind>.<id>.<secret>}. */
    default String watchToken() {
        return kind().token + "." + id() + "." + watch();
    }

    enum Kind {
        CHALLENGE("ch", "ordre-ep:ch:"),
        ENROLMENT("en", "ordre-ep:en:");

        final String token;
        final String prefix;

        Kind(String token, String prefix) {
            this.token = token;
            this.prefix = prefix;
        }
    }

    /** Why a challenge was denied; the sign-in page says it in its own words. */
    enum Denial {
        /** Signed for another server or another context: the QR was relayed. */
        RELAY,
        /** The person may not use Expertpass (any more). */
        INELIGIBLE,
        /** The person said no on the phone. */
        USER,
        /** Scanned from another network where the realm refuses that. */
        NETWORK,
        /** The code typed on the phone was not the page's. */
        CODE;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Denial of(String wire) {
            return wire == null ? null : valueOf(wire.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * A sign-in challenge, bound to one login attempt (root authentication session, tab, client), with what the phone is
     * shown of the browser ({@code origin}); once approved, the user and credential that approved it.
     */
    record Challenge(
            String id,
            String realmId,
            String rootSessionId,
            String tabId,
            String clientId,
            ExpertpassStore.ChallengeOrigin origin,
            long createdAt,
            long expiresAt,
            String code,
            String watch,
            ExpertpassStatus status,
            Denial denial,
            String userId,
            String credentialId,
            String network)
            implements ExpertpassEntry {

        @Override
        public Kind kind() {
            return Kind.CHALLENGE;
        }

        /** The validity a challenge was given, which its rotations keep. */
        int lifespanSeconds() {
            return (int) (expiresAt - createdAt);
        }

        /** The number of digits of the code to match. */
        int codeDigits() {
            return code.length();
        }

        Challenge rotated() {
            return next(expiresAt, ExpertpassStatus.ROTATED, null, null, null, null);
        }

        Challenge denied(Denial why) {
            return next(expiresAt, ExpertpassStatus.DENIED, why, null, null, null);
        }

        /** Approved by this user's device; {@code network} is the proximity detail of the approval. */
        Challenge approved(String user, String credential, String networkDetail) {
            return next(expiresAt, ExpertpassStatus.APPROVED, null, user, credential, networkDetail);
        }

        /** The same challenge with another end of validity (tests, and a clock moved forward). */
        Challenge expiringAt(long seconds) {
            return next(seconds, status, denial, userId, credentialId, network);
        }

        /** This challenge (same attempt, origin, code and watch secret) in another state. */
        private Challenge next(
                long expires,
                ExpertpassStatus state,
                Denial why,
                String user,
                String credential,
                String networkDetail) {
            return new Challenge(
                    id,
                    realmId,
                    rootSessionId,
                    tabId,
                    clientId,
                    origin,
                    createdAt,
                    expires,
                    code,
                    watch,
                    state,
                    why,
                    user,
                    credential,
                    networkDetail);
        }

        /** Thirteen short notes while pending (no status): one such entry per QR shown. */
        @Override
        public Map<String, String> notes() {
            Map<String, String> notes = new java.util.HashMap<>(20);
            notes.put("realm", realmId);
            notes.put("root", rootSessionId);
            notes.put("tab", tabId);
            notes.put("client", clientId);
            notes.put("service", origin.service());
            notes.put("browser", origin.browser());
            notes.put("os", origin.os());
            notes.put("ip", origin.ip());
            notes.put("net", origin.network());
            notes.put("created", Long.toString(createdAt));
            notes.put("expires", Long.toString(expiresAt));
            notes.put("code", code);
            notes.put("watch", watch);
            putIfSet(notes, "status", status == ExpertpassStatus.PENDING ? null : status.wire());
            putIfSet(notes, "reason", denial == null ? null : denial.wire());
            putIfSet(notes, "user", userId);
            putIfSet(notes, "credential", credentialId);
            putIfSet(notes, "network", network);
            return notes;
        }

        static Challenge from(String id, Map<String, String> n) {
            return new Challenge(
                    id,
                    n.get("realm"),
                    n.get("root"),
                    n.get("tab"),
                    n.get("client"),
                    new ExpertpassStore.ChallengeOrigin(
                            n.get("service"), n.get("browser"), n.get("os"), n.get("ip"), n.get("net")),
                    seconds(n, "created"),
                    seconds(n, "expires"),
                    n.getOrDefault("code", ""),
                    n.get("watch"),
                    ExpertpassStatus.of(n.get("status")),
                    Denial.of(n.get("reason")),
                    n.get("user"),
                    n.get("credential"),
                    n.get("network"));
        }
    }

    /**
     * An enrolment reference, bound to a user and a nonce; once a phone proved its key, the device's name and key
     * wait for the browser's confirmation; once confirmed, the credential made for it.
     */
    record Enrolment(
            String id,
            String realmId,
            String userId,
            String nonce,
            String rootSessionId,
            String tabId,
            long createdAt,
            long expiresAt,
            String watch,
            ExpertpassStatus status,
            String deviceName,
            String publicKey,
            String credentialId)
            implements ExpertpassEntry {

        @Override
        public Kind kind() {
            return Kind.ENROLMENT;
        }

        Enrolment with(ExpertpassStatus next) {
            return next(expiresAt, next, deviceName, publicKey, credentialId);
        }

        /** A phone posted this key: it waits for the person's answer in the browser until {@code until}. */
        Enrolment confirming(String name, String key, long until) {
            return next(until, ExpertpassStatus.CONFIRMING, name, key, null);
        }

        Enrolment done(String credential) {
            return next(expiresAt, ExpertpassStatus.DONE, deviceName, publicKey, credential);
        }

        /** This enrolment (same user, nonce, attempt and watch secret) in another state. */
        private Enrolment next(long expires, ExpertpassStatus state, String name, String key, String credential) {
            return new Enrolment(
                    id,
                    realmId,
                    userId,
                    nonce,
                    rootSessionId,
                    tabId,
                    createdAt,
                    expires,
                    watch,
                    state,
                    name,
                    key,
                    credential);
        }

        @Override
        public Map<String, String> notes() {
            Map<String, String> notes = new java.util.HashMap<>(20);
            notes.put("realm", realmId);
            notes.put("user", userId);
            notes.put("nonce", nonce);
            notes.put("root", rootSessionId);
            notes.put("tab", tabId);
            notes.put("created", Long.toString(createdAt));
            notes.put("expires", Long.toString(expiresAt));
            notes.put("watch", watch);
            notes.put("status", status.wire());
            putIfSet(notes, "deviceName", deviceName);
            putIfSet(notes, "publicKey", publicKey);
            putIfSet(notes, "credential", credentialId);
            return notes;
        }

        static Enrolment from(String id, Map<String, String> n) {
            return new Enrolment(
                    id,
                    n.get("realm"),
                    n.get("user"),
                    n.get("nonce"),
                    n.get("root"),
                    n.get("tab"),
                    seconds(n, "created"),
                    seconds(n, "expires"),
                    n.get("watch"),
                    ExpertpassStatus.of(n.get("status")),
                    n.get("deviceName"),
                    n.get("publicKey"),
                    n.get("credential"));
        }
    }

    private static void putIfSet(Map<String, String> notes, String name, String value) {
        if (value != null) {
            notes.put(name, value);
        }
    }

    private static long seconds(Map<String, String> notes, String name) {
        return Long.parseLong(notes.getOrDefault(name, "0"));
    }
}
