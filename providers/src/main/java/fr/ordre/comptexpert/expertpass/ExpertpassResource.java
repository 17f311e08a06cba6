package fr.ordre.comptexpert.expertpass;

import fr.ordre.comptexpert.support.JsonApi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;
import org.keycloak.sessions.AuthenticationSessionModel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The Expertpass API, version 1 ({@code docs/expertpass-openapi.yml}), at
 * {@code /realms/{realm}/comptexpert/expertpass/v1}: the app's calls (enrol, read and decide a sign-in,
 * list devices), each authenticated by a signature of the device key, and the browser's own two calls
 * (wait for a decision, rotate the QR), authenticated by the page's watch token.
 */
public final class ExpertpassResource {

    static final String VERSION = "v1";
    /** How long the phone's clock may differ from the server's. */
    static final long CLOCK_SKEW_SECONDS = 120;
    /** One long-poll; the page asks again at once. Below common proxy idle timeouts. */
    static final long WAIT_SECONDS = 25;
    static final int ENROLMENT_LIFESPAN_SECONDS = 240;
    static final String MAX_DEVICES_ATTRIBUTE = "ordreExpertpassMaxDevices";
    static final int MAX_DEVICES_DEFAULT = 5;
    /** A rotation may come this early, for clocks of cluster nodes that differ slightly; the page asks at expiry. */
    static final long ROTATE_EARLY_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(ExpertpassResource.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ExpertpassStore store;

    public ExpertpassResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.store = new ExpertpassStore(session);
    }

    /** The app API's base URL for this request's host; joined by hand, as a UriBuilder costs more than the QR. */
    static String apiBase(KeycloakSession session, RealmModel realm) {
        String base = session.getContext().getUri().getBaseUri().toString();
        return base + (base.endsWith("/") ? "" : "/") + "realms/"
                + URLEncoder.encode(realm.getName(), StandardCharsets.UTF_8).replace("+", "%20")
                + "/comptexpert/expertpass/" + VERSION;
    }

    /**
     * The realm's issuer as tokens carry it ({@code Urls.realmIssuer}): the server a phone enrols with and the one
     * its decisions must name. Behind the configured hostname it does not depend on the request's Host.
     */
    static String issuer(KeycloakSession session, RealmModel realm) {
        return Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName());
    }

    // ---------------------------------------------------------------- enrolment

    @GET
    @Path("v1/enrolments/{ref}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response enrolment(@PathParam("ref") String ref) {
        Optional<ExpertpassStore.Entry> posted = store.enrolment(ref).filter(e -> realm.getId().equals(e.get("realm")))
                .filter(e -> !ExpertpassStore.PENDING.equals(e.status()) && !ExpertpassStore.CANCELLED.equals(e.status()));
        if (posted.isPresent()) {
            return confirmation(posted.get());
        }
        Optional<ExpertpassStore.Entry> entry = liveEnrolment(ref);
        if (entry.isEmpty()) {
            return JsonApi.error(session, 404, "unknown_enrolment", "ordreApiEnrolmentUnavailable");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ExpertpassStore.PENDING);
        body.put("enrolment", ref);
        body.put("nonce", entry.get().get("nonce"));
        body.put("realm", realm.getName());
        body.put("issuer", issuer(session, realm));
        body.put("expiresAt", entry.get().expiresAt());
        body.put("algorithm", ExpertpassCrypto.ALGORITHM);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Path("v1/enrolments/{ref}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response enrol(@PathParam("ref") String ref, String json) {
        Map<String, Object> in = JsonApi.parseObject(json);
        String deviceName = JsonApi.text(in, "deviceName");
        String publicKey = JsonApi.text(in, "publicKey");
        String signature = JsonApi.text(in, "signature");
        if (in == null || deviceName == null || publicKey == null || signature == null) {
            return JsonApi.error(session, 400, "invalid_request", "ordreApiEnrolmentRequestInvalid");
        }
        deviceName = deviceName.strip();
        if (deviceName.isEmpty() || deviceName.length() > 64 || deviceName.chars().anyMatch(Character::isISOControl)) {
            return JsonApi.error(session, 400, "invalid_device_name", "ordreApiDeviceNameInvalid");
        }
        Optional<PublicKey> key = ExpertpassCrypto.parsePublicKey(publicKey);
        if (key.isEmpty()) {
            return JsonApi.error(session, 400, "invalid_public_key", "ordreApiPublicKeyInvalid");
        }
        EventBuilder event = event(EventType.UPDATE_CREDENTIAL).detail("credential_type", ExpertpassCredentialModel.TYPE);
        Optional<ExpertpassStore.Entry> found = store.enrolment(ref).filter(e -> realm.getId().equals(e.get("realm")));
        if (found.isEmpty()) {
            event.error(ExpertpassEvents.ENROLMENT_INVALID);
            return JsonApi.error(session, 404, "unknown_enrolment", "ordreApiEnrolmentUnknown");
        }
        ExpertpassStore.Entry enrolment = found.get();
        UserModel user = session.users().getUserById(realm, enrolment.get("user"));
        event.user(user);
        if (ExpertpassStore.CANCELLED.equals(enrolment.status())) {
            event.detail(ExpertpassEvents.DETAIL, "enrolment-cancelled").error(ExpertpassEvents.ENROLMENT_CANCELLED);
            return JsonApi.error(session, 410, "enrolment_cancelled", "ordreApiEnrolmentCancelled");
        }
        if (!ExpertpassStore.PENDING.equals(enrolment.status())) {
            event.detail(ExpertpassEvents.DETAIL, "enrolment-used").error(ExpertpassEvents.ENROLMENT_USED);
            return JsonApi.error(session, 409, "enrolment_used", "ordreApiEnrolmentUsed");
        }
        if (enrolment.expired(ExpertpassStore.now())) {
            event.detail(ExpertpassEvents.DETAIL, "enrolment-expired").error(ExpertpassEvents.ENROLMENT_INVALID);
            return JsonApi.error(session, 410, "enrolment_expired", "ordreApiEnrolmentExpired");
        }
        String message = ExpertpassCrypto.enrolMessage(ref, enrolment.get("nonce"), publicKey.trim(), deviceName);
        if (!ExpertpassCrypto.verify(key.get(), message, signature)) {
            event.detail(ExpertpassEvents.DETAIL, "enrolment-proof").error(ExpertpassEvents.BAD_SIGNATURE);
            return JsonApi.error(session, 400, "bad_signature", "ordreApiEnrolmentBadProof");
        }
        if (!store.takeOnce(ref, enrolment.expiresAt() - ExpertpassStore.now() + ExpertpassStore.KEEP_SECONDS)) {
            event.detail(ExpertpassEvents.DETAIL, "enrolment-used").error(ExpertpassEvents.ENROLMENT_USED);
            return JsonApi.error(session, 409, "enrolment_used", "ordreApiEnrolmentUsed");
        }
        if (user == null || !user.isEnabled()) {
            event.error(ExpertpassEvents.ENROLMENT_INVALID);
            return JsonApi.error(session, 404, "unknown_enrolment", "ordreApiEnrolmentUnknown");
        }
        if (!ExpertpassEligibility.eligible(session, realm, user)) {
            event.error(ExpertpassEvents.INELIGIBLE);
            return JsonApi.error(session, 403, "ineligible", "ordreApiExpertpassIneligible");
        }
        int cap = maxDevices(realm);
        if (user.credentialManager().getStoredCredentialsByTypeStream(ExpertpassCredentialModel.TYPE).count() >= cap) {
            store.update(ExpertpassStore.ENROLMENT, enrolment.with("status", ExpertpassStore.CANCELLED));
            event.detail(ExpertpassEvents.DETAIL, "device-limit").detail("max_devices", Integer.toString(cap))
                    .error(ExpertpassEvents.DEVICE_LIMIT);
            return JsonApi.error(session, 409, "device_limit", "ordreApiDeviceLimit", cap);
        }
        // Whoever saw the QR could have posted this key: it is enrolled only once the person confirms it, by its name,
        // in the browser that shows the QR (ExpertpassEnrolAction), which the wake-up makes ask at once.
        ExpertpassStore.Entry confirming = store.awaitConfirmation(enrolment, deviceName, publicKey.trim(),
                ExpertpassActivation.CONFIRM_SECONDS);
        store.afterCommit(() -> ExpertpassWakeups.INSTANCE.publish(session, ref, ExpertpassStore.CONFIRMING));
        LOG.debugf("Expertpass: device '%s' proved its key for user %s in realm %s; waiting for the browser's confirmation",
                deviceName, user.getUsername(), realm.getName());
        return Response.status(202).entity(confirmationBody(confirming)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * The phone's view of an enrolment whose key it posted: waiting for the browser ({@code confirming}), {@code done}
     * (with the device id the app keeps), or refused in the browser (410).
     */
    private Response confirmation(ExpertpassStore.Entry enrolment) {
        String status = enrolment.status();
        if (ExpertpassStore.REFUSED.equals(status)) {
            return JsonApi.error(session, 410, "enrolment_refused", "ordreApiEnrolmentRefused");
        }
        if (ExpertpassStore.CONFIRMING.equals(status) && enrolment.expired(ExpertpassStore.now())) {
            return JsonApi.error(session, 410, "enrolment_expired", "ordreApiEnrolmentExpired");
        }
        if (!ExpertpassStore.CONFIRMING.equals(status) && !ExpertpassStore.DONE.equals(status)) {
            return JsonApi.error(session, 404, "unknown_enrolment", "ordreApiEnrolmentUnavailable");
        }
        return Response.ok(confirmationBody(enrolment), MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }

    private Map<String, Object> confirmationBody(ExpertpassStore.Entry enrolment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", enrolment.status());
        body.put("deviceName", enrolment.get("deviceName"));
        if (ExpertpassStore.DONE.equals(enrolment.status())) {
            UserModel user = session.users().getUserById(realm, enrolment.get("user"));
            body.put("deviceId", deviceId(enrolment.get("user"), enrolment.get("credential")));
            body.put("username", user == null ? null : user.getUsername());
        } else {
            body.put("expiresAt", enrolment.expiresAt());
        }
        return body;
    }

    /** Realm attribute {@value #MAX_DEVICES_ATTRIBUTE}: phones per user (default {@value #MAX_DEVICES_DEFAULT}, 1 to 50). */
    static int maxDevices(RealmModel realm) {
        try {
            String value = realm.getAttribute(MAX_DEVICES_ATTRIBUTE);
            return value == null ? MAX_DEVICES_DEFAULT : Math.max(1, Math.min(50, Integer.parseInt(value.trim())));
        } catch (NumberFormatException e) {
            return MAX_DEVICES_DEFAULT;
        }
    }

    private Optional<ExpertpassStore.Entry> liveEnrolment(String ref) {
        return store.enrolment(ref).filter(e -> realm.getId().equals(e.get("realm")))
                .filter(e -> ExpertpassStore.PENDING.equals(e.status()) && !e.expired(ExpertpassStore.now()));
    }

    // ---------------------------------------------------------------- sign-in, the app's side

    @GET
    @Path("v1/challenges/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response challenge(@PathParam("id") String id) {
        Optional<ExpertpassStore.Entry> found = store.challenge(id).filter(c -> realm.getId().equals(c.get("realm")));
        if (found.isEmpty() || !ExpertpassStore.PENDING.equals(found.get().status())
                || found.get().expired(ExpertpassStore.now())) {
            return JsonApi.error(session, 404, "unknown_challenge", "ordreApiChallengeUnknown");
        }
        ExpertpassStore.Entry c = found.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issuer", issuer(session, realm));
        body.put("challenge", id);
        body.put("service", c.get("service"));
        body.put("browser", c.get("browser"));
        body.put("os", c.get("os"));
        body.put("ip", c.get("ip"));
        body.put("time", shownTime(c));
        body.put("expiresAt", c.expiresAt());
        body.put("codeDigits", c.codeDigits());
        // Not part of the signed context: the server checks it again on the decision, from the decision's own address.
        body.put("sameNetwork", sameNetwork(c));
        body.put("proximity", ExpertpassProximity.of(realm).name().toLowerCase(Locale.ROOT));
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Path("v1/challenges/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response decide(@PathParam("id") String id, String json) {
        Map<String, Object> in = JsonApi.parseObject(json);
        String code = JsonApi.text(in, "code");
        String deviceId = JsonApi.text(in, "deviceId");
        String decision = JsonApi.text(in, "decision");
        String signature = JsonApi.text(in, "signature");
        String issuer = JsonApi.text(in, "issuer");
        String context = JsonApi.text(in, "context");
        Long time = in == null || !(in.get("time") instanceof Number n) ? null : n.longValue();
        if (code == null || deviceId == null || decision == null || signature == null || time == null
                || issuer == null || context == null
                || !("approve".equals(decision) || "deny".equals(decision)) || !code.matches("[0-9]{1,6}")) {
            return JsonApi.error(session, 400, "invalid_request", "ordreApiDecisionRequestInvalid");
        }
        EventBuilder event = event(EventType.LOGIN_ERROR).detail("auth_method", ExpertpassLoginForm.AUTH_METHOD);
        String message = ExpertpassCrypto.decisionMessage(issuer, id, context, code, deviceId, decision, time);
        Optional<ExpertpassStore.Entry> found = store.challenge(id).filter(c -> realm.getId().equals(c.get("realm")));
        if (found.isEmpty() && store.used(id)) {
            // Approved and already consumed by its sign-in: a replay, whoever is quicker, the browser or the replayer.
            SignedDeviceRequest.Outcome signer = SignedDeviceRequest.check(session, realm, deviceId, message, signature, time);
            if (signer.signedByDevice()) {
                event.user(signer.user()).detail("credential_id", signer.credentialId());
            }
            event.detail(ExpertpassEvents.DETAIL, "replay").error(ExpertpassEvents.REPLAY);
            return JsonApi.error(session, 409, "already_used", "ordreApiChallengeUsed");
        }
        if (found.isEmpty()) {
            event.detail(ExpertpassEvents.DETAIL, "unknown-challenge").error(ExpertpassEvents.UNKNOWN_CHALLENGE);
            return JsonApi.error(session, 404, "unknown_challenge", "ordreApiChallengeUnknown");
        }
        ExpertpassStore.Entry challenge = found.get();
        ClientModel client = realm.getClientById(challenge.get("client"));
        if (client != null) {
            event.client(client);
        }
        SignedDeviceRequest.Outcome signed = SignedDeviceRequest.check(session, realm, deviceId, message, signature, time);
        if (signed.refusal() == SignedDeviceRequest.Refusal.UNKNOWN_DEVICE) {
            if (signed.user() != null) {
                event.user(signed.user());
            }
            event.detail(ExpertpassEvents.DETAIL, "device-revoked").error(ExpertpassEvents.DEVICE_REVOKED);
            return JsonApi.error(session, 403, "unknown_device", "ordreApiDeviceUnknown");
        }
        UserModel user = signed.user();
        boolean sameNetwork = sameNetwork(challenge);
        event.user(user).detail("credential_id", signed.credentialId())
                .detail(ExpertpassProximity.DETAIL, ExpertpassProximity.detail(sameNetwork));
        if (signed.refusal() == SignedDeviceRequest.Refusal.BAD_SIGNATURE) {
            event.detail(ExpertpassEvents.DETAIL, "bad-signature").error(ExpertpassEvents.BAD_SIGNATURE);
            return JsonApi.error(session, 403, "bad_signature", "ordreApiBadSignature");
        }
        if (signed.refusal() == SignedDeviceRequest.Refusal.STALE_TIME) {
            event.detail(ExpertpassEvents.DETAIL, "stale-time").error(ExpertpassEvents.STALE);
            return JsonApi.error(session, 400, "stale_time", "ordreApiStaleTime");
        }
        if (!store.takeOnce(id, challenge.expiresAt() - ExpertpassStore.now() + ExpertpassStore.KEEP_SECONDS)
                || !(ExpertpassStore.PENDING.equals(challenge.status()) || ExpertpassStore.ROTATED.equals(challenge.status()))) {
            event.detail(ExpertpassEvents.DETAIL, "replay").error(ExpertpassEvents.REPLAY);
            return JsonApi.error(session, 409, "already_used", "ordreApiChallengeUsed");
        }
        Optional<AuthenticationSessionModel> attempt = store.attempt(realm, challenge);
        if (ExpertpassStore.ROTATED.equals(challenge.status()) || challenge.expired(ExpertpassStore.now())
                || attempt.isEmpty() || !id.equals(attempt.get().getAuthNote(ExpertpassStore.NOTE_CHALLENGE))) {
            event.detail(ExpertpassEvents.DETAIL, "expired").error(ExpertpassEvents.EXPIRED);
            return JsonApi.error(session, 410, "expired", "ordreApiChallengeExpired");
        }
        // A signed decision for another server, or for a context this server did not show: the QR was relayed.
        // The challenge is burnt, so the relaying browser cannot wait for a second try.
        if (!issuer.equals(issuer(session, realm))) {
            decide(challenge, ExpertpassStore.DENIED, "relay", null);
            event.detail(ExpertpassEvents.DETAIL, "foreign-issuer").detail("signed_issuer", abbreviate(issuer))
                    .error(ExpertpassEvents.FOREIGN_ISSUER);
            return JsonApi.error(session, 403, "foreign_issuer", "ordreApiForeignIssuer");
        }
        if (!MessageDigest.isEqual(context.getBytes(StandardCharsets.US_ASCII), contextDigest(challenge).getBytes(StandardCharsets.US_ASCII))) {
            decide(challenge, ExpertpassStore.DENIED, "relay", null);
            event.detail(ExpertpassEvents.DETAIL, "context-mismatch").error(ExpertpassEvents.CONTEXT_MISMATCH);
            return JsonApi.error(session, 403, "context_mismatch", "ordreApiContextMismatch");
        }
        if (!user.isEnabled() || !ExpertpassEligibility.eligible(session, realm, user)) {
            decide(challenge, ExpertpassStore.DENIED, "ineligible", null);
            event.detail(ExpertpassEvents.DETAIL, "ineligible").error(ExpertpassEvents.INELIGIBLE);
            return JsonApi.error(session, 403, "ineligible", "ordreApiExpertpassIneligible");
        }
        if ("deny".equals(decision)) {
            decide(challenge, ExpertpassStore.DENIED, "user", null);
            event.detail(ExpertpassEvents.DETAIL, "denied").error(ExpertpassEvents.DENIED);
            return Response.ok(Map.of("status", ExpertpassStore.DENIED), MediaType.APPLICATION_JSON_TYPE).build();
        }
        if (!sameNetwork && ExpertpassProximity.of(realm) == ExpertpassProximity.REFUSE) {
            // The realm accepts approvals only from the browser's network: this QR was scanned elsewhere (relayed?).
            decide(challenge, ExpertpassStore.DENIED, "network", null);
            event.detail(ExpertpassEvents.DETAIL, "other-network").error(ExpertpassEvents.OTHER_NETWORK);
            return JsonApi.error(session, 403, "other_network", "ordreApiOtherNetwork");
        }
        if (!code.equals(challenge.get("code"))) {
            // One try per QR: the 2-3 digit code cannot be guessed by retrying.
            decide(challenge, ExpertpassStore.DENIED, "code", null);
            event.detail(ExpertpassEvents.DETAIL, "code-mismatch").error(ExpertpassEvents.CODE_MISMATCH);
            return JsonApi.error(session, 403, "code_mismatch", "ordreApiCodeMismatch");
        }
        decide(challenge.with("network", ExpertpassProximity.detail(sameNetwork)), ExpertpassStore.APPROVED, null, signed);
        event.event(EventType.CUSTOM_REQUIRED_ACTION).detail("custom_required_action", ExpertpassLoginForm.AUTH_METHOD)
                .detail(ExpertpassEvents.DETAIL, ExpertpassEvents.APPROVED).success();
        LOG.debugf("Expertpass approval by user %s (device %s) in realm %s", user.getUsername(),
                signed.credentialId(), realm.getName());
        return Response.ok(Map.of("status", ExpertpassStore.APPROVED), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Whether this request (the phone's) comes from the network of the browser that shows the challenge. */
    private boolean sameNetwork(ExpertpassStore.Entry challenge) {
        return ExpertpassProximity.sameNetwork(challenge.get("net"), session.getContext().getConnection().getRemoteAddr());
    }

    private static String shownTime(ExpertpassStore.Entry challenge) {
        return Instant.ofEpochSecond(challenge.createdAt()).toString();
    }

    /** The digest of the context this server shows for {@code challenge} ({@link #challenge}), as the phone signs it. */
    private String contextDigest(ExpertpassStore.Entry c) {
        return ExpertpassCrypto.contextDigest(issuer(session, realm), c.id(), c.get("service"), c.get("browser"),
                c.get("os"), c.get("ip"), shownTime(c));
    }

    private static String abbreviate(String value) {
        return value.length() <= 200 ? value : value.substring(0, 200);
    }

    private void decide(ExpertpassStore.Entry challenge, String status, String reason, SignedDeviceRequest.Outcome signer) {
        ExpertpassStore.Entry decided = challenge.with("status", status);
        if (reason != null) {
            decided = decided.with("reason", reason);
        }
        if (signer != null) {
            decided = decided.with("user", signer.user().getId()).with("credential", signer.credentialId());
        }
        store.update(ExpertpassStore.CHALLENGE, decided);
        // The waiting page is told once the decision is stored, so that its next read sees it.
        store.afterCommit(() -> ExpertpassWakeups.INSTANCE.publish(session, challenge.id(), status));
    }

    @POST
    @Path("v1/devices")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response devices(String json) {
        Map<String, Object> in = JsonApi.parseObject(json);
        String deviceId = JsonApi.text(in, "deviceId");
        String signature = JsonApi.text(in, "signature");
        String nonce = JsonApi.text(in, "nonce");
        Long time = in == null || !(in.get("time") instanceof Number n) ? null : n.longValue();
        if (deviceId == null || signature == null || time == null || !ExpertpassCrypto.isNonce(nonce)) {
            return JsonApi.error(session, 400, "invalid_request", "ordreApiSignedRequestInvalid");
        }
        SignedDeviceRequest.Outcome signed = SignedDeviceRequest.verify(session, realm, deviceId,
                ExpertpassCrypto.devicesMessage(deviceId, time, nonce), signature, time, nonce);
        if (!signed.accepted()) {
            EventBuilder event = event(EventType.LOGIN_ERROR).detail(ExpertpassEvents.DETAIL, "devices");
            if (signed.user() != null) {
                event.user(signed.user()).detail("credential_id", signed.credentialId());
            }
            if (signed.refusal() == SignedDeviceRequest.Refusal.REPLAY) {
                event.error(ExpertpassEvents.REPLAY);
                return JsonApi.error(session, 409, "already_used", "ordreApiRequestReplayed");
            }
            event.error(signed.refusal() == SignedDeviceRequest.Refusal.UNKNOWN_DEVICE ? ExpertpassEvents.DEVICE_REVOKED
                    : signed.refusal() == SignedDeviceRequest.Refusal.STALE_TIME ? ExpertpassEvents.STALE
                    : ExpertpassEvents.BAD_SIGNATURE);
            return JsonApi.error(session, 403, "unknown_device", "ordreApiDeviceUnknown");
        }
        UserModel user = signed.user();
        String current = signed.credentialId();
        List<Map<String, Object>> devices = user.credentialManager()
                .getStoredCredentialsByTypeStream(ExpertpassCredentialModel.TYPE).map(c -> {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("deviceId", deviceId(user.getId(), c.getId()));
                    d.put("deviceName", c.getUserLabel());
                    d.put("created", c.getCreatedDate() == null ? null : Instant.ofEpochMilli(c.getCreatedDate()).toString());
                    d.put("current", c.getId().equals(current));
                    return d;
                }).toList();
        return Response.ok(Map.of("username", user.getUsername(), "devices", devices), MediaType.APPLICATION_JSON_TYPE).build();
    }

    // ---------------------------------------------------------------- the browser's side

    /**
     * Long-poll: answers as soon as the challenge (or enrolment) is decided on any node, when it expires,
     * or after {@value #WAIT_SECONDS} s. No thread is held while waiting.
     */
    @POST
    @Path("v1/browser/wait")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> await(String json) {
        Optional<ExpertpassStore.Watch> watch = ExpertpassStore.Watch.parse(JsonApi.text(JsonApi.parseObject(json), "watch"));
        if (watch.isEmpty()) {
            return CompletableFuture.completedFuture(status(ExpertpassStore.GONE));
        }
        CompletableFuture<String> wakeup = ExpertpassWakeups.INSTANCE.await(watch.get().id());
        // Read after registering: a decision committed in between is seen here or wakes the future.
        Optional<ExpertpassStore.Entry> entry = store.watched(watch.get()).filter(e -> realm.getId().equals(e.get("realm")));
        if (entry.isEmpty()) {
            wakeup.cancel(false);
            return CompletableFuture.completedFuture(status(ExpertpassStore.GONE));
        }
        String current = entry.get().status();
        long left = entry.get().expiresAt() - ExpertpassStore.now();
        if (!ExpertpassStore.PENDING.equals(current) || left <= 0) {
            wakeup.cancel(false);
            return CompletableFuture.completedFuture(status(ExpertpassStore.PENDING.equals(current) ? ExpertpassStore.EXPIRED : current));
        }
        String onTimeout = left <= WAIT_SECONDS ? ExpertpassStore.EXPIRED : ExpertpassStore.PENDING;
        return wakeup.completeOnTimeout(onTimeout, Math.min(left, WAIT_SECONDS), TimeUnit.SECONDS)
                .thenApply(ExpertpassResource::status);
    }

    /** The panel's first QR, asked for by the page when the panel comes into view ({@link ExpertpassPanelStart}). */
    @POST
    @Path("v1/browser/start")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(String json) {
        return ExpertpassPanelStart.start(session, realm, JsonApi.text(JsonApi.parseObject(json), "start"))
                .map(body -> Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build())
                .orElseGet(() -> status(ExpertpassStore.GONE));
    }

    /**
     * A new sign-in QR for the same login attempt, when the current one expired on an open page. The answer holds
     * the new QR's watch token, which the page uses from then on. Only the attempt's current QR is rotated, once, and
     * not before it expires: a page cannot make store entries faster than one per lifespan.
     */
    @POST
    @Path("v1/browser/rotate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response rotate(String json) {
        Optional<ExpertpassStore.Entry> old = ExpertpassStore.Watch.parse(JsonApi.text(JsonApi.parseObject(json), "watch"))
                .filter(ExpertpassStore.Watch::challenge)
                .flatMap(store::watched)
                .filter(c -> realm.getId().equals(c.get("realm")));
        if (old.isEmpty()) {
            return status(ExpertpassStore.GONE);
        }
        if (ExpertpassStore.APPROVED.equals(old.get().status()) || ExpertpassStore.DENIED.equals(old.get().status())) {
            return status(old.get().status());
        }
        Optional<AuthenticationSessionModel> attempt = store.attempt(realm, old.get());
        if (attempt.isEmpty()) {
            return status(ExpertpassStore.GONE);
        }
        String refusal = !ExpertpassStore.PENDING.equals(old.get().status())
                || !old.get().id().equals(attempt.get().getAuthNote(ExpertpassStore.NOTE_CHALLENGE)) ? "not-current"
                : ExpertpassStore.now() < old.get().expiresAt() - ROTATE_EARLY_SECONDS ? "too-early"
                : !store.takeRotation(old.get()) ? "already-rotated" : null;
        if (refusal != null) {
            // The page's script never asks this: someone replays an old watch token or asks before the QR ends.
            event(EventType.LOGIN_ERROR).client(attempt.get().getClient()).detail("auth_method", ExpertpassLoginForm.AUTH_METHOD)
                    .detail(ExpertpassEvents.DETAIL, refusal).error(ExpertpassEvents.ROTATE_REFUSED);
            return status(ExpertpassStore.ROTATED);
        }
        ExpertpassStore.Entry fresh = store.createChallenge(realm, attempt.get(), ExpertpassStore.ChallengeOrigin.of(old.get()),
                old.get().lifespanSeconds(), old.get().codeDigits());
        store.update(ExpertpassStore.CHALLENGE, old.get().with("status", ExpertpassStore.ROTATED));
        return Response.ok(ExpertpassPanelStart.shown(session, realm, fresh), MediaType.APPLICATION_JSON_TYPE).build();
    }

    // ---------------------------------------------------------------- helpers

    static String deviceId(String userId, String credentialId) {
        return userId + "." + credentialId;
    }

    /** An enrolled phone, found from the app's deviceId (user id . credential id). */
    record Device(UserModel user, CredentialModel credential, PublicKey key) {
        /** The user a device id names, whether or not the device is still enrolled (for the events). */
        static Optional<UserModel> userOf(KeycloakSession session, RealmModel realm, String deviceId) {
            int dot = deviceId.indexOf('.');
            if (dot <= 0 || dot == deviceId.length() - 1 || deviceId.length() > 100) {
                return Optional.empty();
            }
            return Optional.ofNullable(session.users().getUserById(realm, deviceId.substring(0, dot)));
        }

        static Optional<Device> find(KeycloakSession session, RealmModel realm, String deviceId) {
            Optional<UserModel> owner = userOf(session, realm, deviceId);
            if (owner.isEmpty()) {
                return Optional.empty();
            }
            UserModel user = owner.get();
            int dot = deviceId.indexOf('.');
            CredentialModel stored = user.credentialManager().getStoredCredentialById(deviceId.substring(dot + 1));
            if (stored == null || !ExpertpassCredentialModel.TYPE.equals(stored.getType())) {
                return Optional.empty();
            }
            return ExpertpassCrypto.parsePublicKey(ExpertpassCredentialModel.from(stored).publicKey())
                    .map(key -> new Device(user, stored, key));
        }
    }

    private EventBuilder event(EventType type) {
        return new EventBuilder(realm, session, session.getContext().getConnection()).event(type);
    }

    private static Response status(String status) {
        return Response.ok(Map.of("status", status), MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }



}
