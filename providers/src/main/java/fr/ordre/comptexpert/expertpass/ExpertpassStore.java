package fr.ordre.comptexpert.expertpass;

import fr.ordre.comptexpert.expertpass.ExpertpassEntry.Challenge;
import fr.ordre.comptexpert.expertpass.ExpertpassEntry.Enrolment;
import fr.ordre.comptexpert.expertpass.ExpertpassEntry.Kind;
import fr.ordre.comptexpert.support.AfterCommit;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/**
 * Expertpass state, all of it in Keycloak's SingleUseObject store (cluster-wide, expiring):
 * <ul>
 * <li>{@code ordre-ep:ch:<id>}: a sign-in challenge ({@link ExpertpassEntry.Challenge}), bound server-side to one
 *     login attempt (root auth session + tab); its status moves pending → approved | denied | rotated;</li>
 * <li>{@code ordre-ep:en:<ref>}: an enrolment reference ({@link ExpertpassEntry.Enrolment}), bound to a user and a
 *     nonce; pending → confirming (a phone posted its key, which waits for the person to confirm it in the browser)
 *     → done | refused;</li>
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

    static final String USED = "ordre-ep:used:";
    static final String ROTATION = "ordre-ep:rot:";
    static final String NONCE = "ordre-ep:nonce:";
    static final String CONFIRMATION = "ordre-ep:conf:";

    /** Auth session notes: the current challenge (sign-in) or enrolment of the attempt. */
    static final String NOTE_CHALLENGE = "ordre.expertpass.challenge";

    static final String NOTE_ENROLMENT = "ordre.expertpass.enrolment";

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
     * A new sign-in challenge: one store entry per QR shown, so it is kept small (thirteen short notes; the status is
     * absent while pending) and short-lived (its validity, then {@link ExpertpassEntry#PENDING_GRACE_SECONDS}).
     */
    Challenge createChallenge(
            RealmModel realm,
            AuthenticationSessionModel authSession,
            ChallengeOrigin origin,
            int lifespanSeconds,
            int digits) {
        long now = now();
        Challenge challenge = new Challenge(
                ExpertpassCrypto.randomToken(),
                realm.getId(),
                authSession.getParentSession().getId(),
                authSession.getTabId(),
                authSession.getClient().getId(),
                origin,
                now,
                now + lifespanSeconds,
                ExpertpassCrypto.randomCode(digits),
                ExpertpassCrypto.randomToken(),
                ExpertpassStatus.PENDING,
                null,
                null,
                null,
                null);
        // put() lands at the end of this request, before the page that shows the QR reaches the browser.
        store.put(
                Kind.CHALLENGE.prefix + challenge.id(),
                lifespanSeconds + ExpertpassEntry.PENDING_GRACE_SECONDS,
                challenge.notes());
        authSession.setAuthNote(NOTE_CHALLENGE, challenge.id());
        return challenge;
    }

    Optional<Challenge> challenge(String id) {
        if (!ExpertpassCrypto.isToken(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(store.get(Kind.CHALLENGE.prefix + id)).map(n -> Challenge.from(id, n));
    }

    /**
     * Records a new state of an entry, with the request's transaction and a lifespan (not replace, which would
     * drop the lifespan). Readers see it once the request commits: publish decisions with {@link #afterCommit}.
     */
    void update(ExpertpassEntry entry) {
        store.put(entry.kind().prefix + entry.id(), Math.max(1, entry.keepSeconds(now())), entry.notes());
    }

    /** Runs {@code task} once this request's writes are committed (and not if they are not). */
    void afterCommit(Runnable task) {
        AfterCommit.run(session, task);
    }

    /** Takes the one decision an entry allows (putIfAbsent: immediate, cluster-wide), kept while the entry is. */
    boolean takeOnce(ExpertpassEntry entry) {
        return store.putIfAbsent(
                USED + entry.id(), Math.max(1, entry.expiresAt() - now() + ExpertpassEntry.KEEP_SECONDS));
    }

    /** Takes the one rotation a challenge allows (putIfAbsent: two racing requests cannot both rotate it). */
    boolean takeRotation(Challenge challenge) {
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
    boolean consume(Challenge challenge) {
        return store.remove(Kind.CHALLENGE.prefix + challenge.id()) != null;
    }

    /** The login attempt a challenge belongs to, if it still runs. */
    Optional<AuthenticationSessionModel> attempt(RealmModel realm, Challenge challenge) {
        RootAuthenticationSessionModel root =
                session.authenticationSessions().getRootAuthenticationSession(realm, challenge.rootSessionId());
        if (root == null) {
            return Optional.empty();
        }
        ClientModel client = realm.getClientById(challenge.clientId());
        return client == null
                ? Optional.empty()
                : Optional.ofNullable(root.getAuthenticationSession(client, challenge.tabId()));
    }

    // --- enrolments ---

    Enrolment createEnrolment(
            RealmModel realm, AuthenticationSessionModel authSession, String userId, int lifespanSeconds) {
        long now = now();
        Enrolment enrolment = new Enrolment(
                ExpertpassCrypto.randomToken(),
                realm.getId(),
                userId,
                ExpertpassCrypto.randomToken(),
                authSession.getParentSession().getId(),
                authSession.getTabId(),
                now,
                now + lifespanSeconds,
                ExpertpassCrypto.randomToken(),
                ExpertpassStatus.PENDING,
                null,
                null,
                null);
        store.put(
                Kind.ENROLMENT.prefix + enrolment.id(),
                lifespanSeconds + ExpertpassEntry.KEEP_SECONDS,
                enrolment.notes());
        authSession.setAuthNote(NOTE_ENROLMENT, enrolment.id());
        return enrolment;
    }

    /**
     * Ends an enrolment nobody used: its reference is taken (so a phone racing the cancel fails at putIfAbsent) and
     * marked cancelled. False if a phone took it first.
     */
    boolean cancelEnrolment(Enrolment enrolment) {
        if (enrolment.status() != ExpertpassStatus.PENDING || !takeOnce(enrolment)) {
            return false;
        }
        update(enrolment.with(ExpertpassStatus.CANCELLED));
        return true;
    }

    /**
     * A phone proved its key for this enrolment: the key waits, with the device's name, for the person to confirm it in
     * the browser that shows the QR, for {@code confirmSeconds} from now.
     */
    Enrolment awaitConfirmation(Enrolment enrolment, String deviceName, String publicKey, int confirmSeconds) {
        Enrolment confirming = enrolment.confirming(deviceName, publicKey, now() + confirmSeconds);
        update(confirming);
        return confirming;
    }

    /** Takes the browser's one answer to a confirmation (putIfAbsent: a double submit cannot enrol twice). */
    boolean takeConfirmation(Enrolment enrolment) {
        return enrolment.status() == ExpertpassStatus.CONFIRMING
                && store.putIfAbsent(CONFIRMATION + enrolment.id(), Math.max(1, enrolment.keepSeconds(now())));
    }

    Optional<Enrolment> enrolment(String ref) {
        if (!ExpertpassCrypto.isToken(ref)) {
            return Optional.empty();
        }
        return Optional.ofNullable(store.get(Kind.ENROLMENT.prefix + ref)).map(n -> Enrolment.from(ref, n));
    }

    // --- the browser's watch handle ---

    /** A parsed watch token: which entry it points at, and the secret that entry must hold. */
    record Watch(Kind kind, String id, String secret) {
        static Optional<Watch> parse(String token) {
            String[] parts = token == null ? new String[0] : token.split("\\.", -1);
            Kind kind = parts.length != 3
                    ? null
                    : Kind.CHALLENGE.token.equals(parts[0])
                            ? Kind.CHALLENGE
                            : Kind.ENROLMENT.token.equals(parts[0]) ? Kind.ENROLMENT : null;
            if (kind == null || !ExpertpassCrypto.isToken(parts[1]) || !ExpertpassCrypto.isToken(parts[2])) {
                return Optional.empty();
            }
            return Optional.of(new Watch(kind, parts[1], parts[2]));
        }

        boolean challenge() {
            return kind == Kind.CHALLENGE;
        }

        /** Whether {@code entry} is the one this token was given for (constant-time on the secret). */
        boolean matches(ExpertpassEntry entry) {
            String held = entry.watch();
            return entry.kind() == kind
                    && held != null
                    && MessageDigest.isEqual(
                            held.getBytes(StandardCharsets.US_ASCII), secret.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The entry a watch token points at, if it still exists and the token's secret is its own. */
    Optional<? extends ExpertpassEntry> watched(Watch watch) {
        return (watch.challenge() ? challenge(watch.id()) : enrolment(watch.id())).filter(watch::matches);
    }

    /** The challenge a watch token points at, if it is one, still exists and the token's secret is its own. */
    Optional<Challenge> watchedChallenge(Watch watch) {
        return watch.challenge() ? challenge(watch.id()).filter(watch::matches) : Optional.empty();
    }

    /** What the phone is shown about the browser that asks to sign in, and the browser's network (not shown). */
    record ChallengeOrigin(String service, String browser, String os, String ip, String network) {
        ChallengeOrigin(String service, String browser, String os, String ip) {
            this(service, browser, os, ip, ExpertpassProximity.network(ip));
        }

        static ChallengeOrigin of(KeycloakSession session, ClientModel client) {
            String ua = session.getContext().getRequestHeaders().getHeaderString("User-Agent");
            String name =
                    client.getName() == null || client.getName().isBlank() ? client.getClientId() : client.getName();
            return new ChallengeOrigin(
                    name,
                    UserAgentSummary.browser(ua),
                    UserAgentSummary.os(ua),
                    session.getContext().getConnection().getRemoteAddr());
        }
    }
}
