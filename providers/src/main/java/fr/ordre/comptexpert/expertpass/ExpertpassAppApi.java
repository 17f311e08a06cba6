package fr.ordre.comptexpert.expertpass;

import fr.ordre.comptexpert.expertpass.ExpertpassEntry.Challenge;
import fr.ordre.comptexpert.expertpass.ExpertpassEntry.Denial;
import fr.ordre.comptexpert.expertpass.ExpertpassEntry.Enrolment;
import fr.ordre.comptexpert.support.JsonApi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The Expertpass API for the app, version 1 ({@code docs/expertpass-openapi.yml}), at
 * {@code /realms/{realm}/comptexpert/expertpass/v1}: enrol a phone, read and decide a sign-in, list the devices.
 * Every call but the enrolment's first read is authenticated by the device key: the enrolment by a proof of the new
 * key over the enrolment's nonce, the others through {@link SignedDeviceRequest}. The browser's calls are
 * {@link ExpertpassBrowserApi}'s.
 */
public final class ExpertpassAppApi {

    private static final Logger LOG = Logger.getLogger(ExpertpassAppApi.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ExpertpassStore store;

    public ExpertpassAppApi(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.store = new ExpertpassStore(session);
    }

    // ---------------------------------------------------------------- enrolment

    @GET
    @Path("v1/enrolments/{ref}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response enrolment(@PathParam("ref") String ref) {
        Optional<Enrolment> posted = store.enrolment(ref)
                .filter(e -> realm.getId().equals(e.realmId()))
                .filter(e -> e.status() != ExpertpassStatus.PENDING && e.status() != ExpertpassStatus.CANCELLED);
        if (posted.isPresent()) {
            return confirmation(posted.get());
        }
        Optional<Enrolment> entry = liveEnrolment(ref);
        if (entry.isEmpty()) {
            return JsonApi.error(session, 404, "unknown_enrolment", "ordreApiEnrolmentUnavailable");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ExpertpassStatus.PENDING.wire());
        body.put("enrolment", ref);
        body.put("nonce", entry.get().nonce());
        body.put("realm", realm.getName());
        body.put("issuer", ExpertpassUrls.issuer(session, realm));
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
        if (deviceName.isEmpty()
                || deviceName.length() > 64
                || deviceName.chars().anyMatch(Character::isISOControl)) {
            return JsonApi.error(session, 400, "invalid_device_name", "ordreApiDeviceNameInvalid");
        }
        Optional<PublicKey> key = ExpertpassCrypto.parsePublicKey(publicKey);
        if (key.isEmpty()) {
            return JsonApi.error(session, 400, "invalid_public_key", "ordreApiPublicKeyInvalid");
        }
        EventBuilder event =
                event(EventType.UPDATE_CREDENTIAL).detail("credential_type", ExpertpassCredentialModel.TYPE);
        Optional<Enrolment> found =
                store.enrolment(ref).filter(e -> realm.getId().equals(e.realmId()));
        if (found.isEmpty()) {
            event.error(ExpertpassEvents.ENROLMENT_INVALID);
            return JsonApi.error(session, 404, "unknown_enrolment", "ordreApiEnrolmentUnknown");
        }
        Enrolment enrolment = found.get();
        UserModel user = session.users().getUserById(realm, enrolment.userId());
        event.user(user);
        if (enrolment.status() == ExpertpassStatus.CANCELLED) {
            event.detail(ExpertpassEvents.DETAIL, "enrolment-cancelled").error(ExpertpassEvents.ENROLMENT_CANCELLED);
            return JsonApi.error(session, 410, "enrolment_cancelled", "ordreApiEnrolmentCancelled");
        }
        if (enrolment.status() != ExpertpassStatus.PENDING) {
            event.detail(ExpertpassEvents.DETAIL, "enrolment-used").error(ExpertpassEvents.ENROLMENT_USED);
            return JsonApi.error(session, 409, "enrolment_used", "ordreApiEnrolmentUsed");
        }
        if (enrolment.expired(ExpertpassStore.now())) {
            event.detail(ExpertpassEvents.DETAIL, "enrolment-expired").error(ExpertpassEvents.ENROLMENT_INVALID);
            return JsonApi.error(session, 410, "enrolment_expired", "ordreApiEnrolmentExpired");
        }
        String message = ExpertpassCrypto.enrolMessage(ref, enrolment.nonce(), publicKey.trim(), deviceName);
        if (!ExpertpassCrypto.verify(key.get(), message, signature)) {
            event.detail(ExpertpassEvents.DETAIL, "enrolment-proof").error(ExpertpassEvents.BAD_SIGNATURE);
            return JsonApi.error(session, 400, "bad_signature", "ordreApiEnrolmentBadProof");
        }
        if (!store.takeOnce(enrolment)) {
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
        if (EnrolledDevice.limitReached(realm, user)) {
            int cap = EnrolledDevice.maxPerUser(realm);
            store.update(enrolment.with(ExpertpassStatus.CANCELLED));
            event.detail(ExpertpassEvents.DETAIL, "device-limit")
                    .detail("max_devices", Integer.toString(cap))
                    .error(ExpertpassEvents.DEVICE_LIMIT);
            return JsonApi.error(session, 409, "device_limit", "ordreApiDeviceLimit", cap);
        }
        // Whoever saw the QR could have posted this key: it is enrolled only once the person confirms it, by its name,
        // in the browser that shows the QR (ExpertpassEnrolAction), which the wake-up makes ask at once.
        Enrolment confirming =
                store.awaitConfirmation(enrolment, deviceName, publicKey.trim(), ExpertpassActivation.CONFIRM_SECONDS);
        store.afterCommit(() -> ExpertpassWakeups.INSTANCE.publish(session, ref, ExpertpassStatus.CONFIRMING));
        LOG.debugf(
                "Expertpass: device '%s' proved its key for user %s in realm %s; waiting for the browser's confirmation",
                deviceName, user.getUsername(), realm.getName());
        return Response.status(202)
                .entity(confirmationBody(confirming))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    /**
     * The phone's view of an enrolment whose key it posted: waiting for the browser ({@code confirming}), {@code done}
     * (with the device id the app keeps), or refused in the browser (410).
     */
    private Response confirmation(Enrolment enrolment) {
        ExpertpassStatus status = enrolment.status();
        if (status == ExpertpassStatus.REFUSED) {
            return JsonApi.error(session, 410, "enrolment_refused", "ordreApiEnrolmentRefused");
        }
        if (status == ExpertpassStatus.CONFIRMING && enrolment.expired(ExpertpassStore.now())) {
            return JsonApi.error(session, 410, "enrolment_expired", "ordreApiEnrolmentExpired");
        }
        if (status != ExpertpassStatus.CONFIRMING && status != ExpertpassStatus.DONE) {
            return JsonApi.error(session, 404, "unknown_enrolment", "ordreApiEnrolmentUnavailable");
        }
        return Response.ok(confirmationBody(enrolment), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .build();
    }

    private Map<String, Object> confirmationBody(Enrolment enrolment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", enrolment.status().wire());
        body.put("deviceName", enrolment.deviceName());
        if (enrolment.status() == ExpertpassStatus.DONE) {
            UserModel user = session.users().getUserById(realm, enrolment.userId());
            body.put("deviceId", EnrolledDevice.id(enrolment.userId(), enrolment.credentialId()));
            body.put("username", user == null ? null : user.getUsername());
        } else {
            body.put("expiresAt", enrolment.expiresAt());
        }
        return body;
    }

    private Optional<Enrolment> liveEnrolment(String ref) {
        return store.enrolment(ref)
                .filter(e -> realm.getId().equals(e.realmId()))
                .filter(e -> e.status() == ExpertpassStatus.PENDING && !e.expired(ExpertpassStore.now()));
    }

    // ---------------------------------------------------------------- sign-in, the app's side

    @GET
    @Path("v1/challenges/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response challenge(@PathParam("id") String id) {
        Optional<Challenge> found =
                store.challenge(id).filter(c -> realm.getId().equals(c.realmId()));
        if (found.isEmpty()
                || found.get().status() != ExpertpassStatus.PENDING
                || found.get().expired(ExpertpassStore.now())) {
            return JsonApi.error(session, 404, "unknown_challenge", "ordreApiChallengeUnknown");
        }
        Challenge c = found.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issuer", ExpertpassUrls.issuer(session, realm));
        body.put("challenge", id);
        body.put("service", c.origin().service());
        body.put("browser", c.origin().browser());
        body.put("os", c.origin().os());
        body.put("ip", c.origin().ip());
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
        if (code == null
                || deviceId == null
                || decision == null
                || signature == null
                || time == null
                || issuer == null
                || context == null
                || !("approve".equals(decision) || "deny".equals(decision))
                || !code.matches("[0-9]{1,6}")) {
            return JsonApi.error(session, 400, "invalid_request", "ordreApiDecisionRequestInvalid");
        }
        EventBuilder event = event(EventType.LOGIN_ERROR).detail("auth_method", ExpertpassLoginForm.AUTH_METHOD);
        String message = ExpertpassCrypto.decisionMessage(issuer, id, context, code, deviceId, decision, time);
        Optional<Challenge> found =
                store.challenge(id).filter(c -> realm.getId().equals(c.realmId()));
        if (found.isEmpty() && store.used(id)) {
            // Approved and already consumed by its sign-in: a replay, whoever is quicker, the browser or the replayer.
            SignedDeviceRequest.Outcome signer =
                    SignedDeviceRequest.check(session, realm, deviceId, message, signature, time);
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
        Challenge challenge = found.get();
        ClientModel client = realm.getClientById(challenge.clientId());
        if (client != null) {
            event.client(client);
        }
        SignedDeviceRequest.Outcome signed =
                SignedDeviceRequest.check(session, realm, deviceId, message, signature, time);
        if (signed.refusal() == SignedDeviceRequest.Refusal.UNKNOWN_DEVICE) {
            if (signed.user() != null) {
                event.user(signed.user());
            }
            event.detail(ExpertpassEvents.DETAIL, "device-revoked").error(ExpertpassEvents.DEVICE_REVOKED);
            return JsonApi.error(session, 403, "unknown_device", "ordreApiDeviceUnknown");
        }
        UserModel user = signed.user();
        boolean sameNetwork = sameNetwork(challenge);
        event.user(user)
                .detail("credential_id", signed.credentialId())
                .detail(ExpertpassProximity.DETAIL, ExpertpassProximity.detail(sameNetwork));
        if (signed.refusal() == SignedDeviceRequest.Refusal.BAD_SIGNATURE) {
            event.detail(ExpertpassEvents.DETAIL, "bad-signature").error(ExpertpassEvents.BAD_SIGNATURE);
            return JsonApi.error(session, 403, "bad_signature", "ordreApiBadSignature");
        }
        if (signed.refusal() == SignedDeviceRequest.Refusal.STALE_TIME) {
            event.detail(ExpertpassEvents.DETAIL, "stale-time").error(ExpertpassEvents.STALE);
            return JsonApi.error(session, 400, "stale_time", "ordreApiStaleTime");
        }
        if (!store.takeOnce(challenge) || !challenge.status().undecided()) {
            event.detail(ExpertpassEvents.DETAIL, "replay").error(ExpertpassEvents.REPLAY);
            return JsonApi.error(session, 409, "already_used", "ordreApiChallengeUsed");
        }
        Optional<AuthenticationSessionModel> attempt = store.attempt(realm, challenge);
        if (challenge.status() == ExpertpassStatus.ROTATED
                || challenge.expired(ExpertpassStore.now())
                || attempt.isEmpty()
                || !id.equals(attempt.get().getAuthNote(ExpertpassStore.NOTE_CHALLENGE))) {
            event.detail(ExpertpassEvents.DETAIL, "expired").error(ExpertpassEvents.EXPIRED);
            return JsonApi.error(session, 410, "expired", "ordreApiChallengeExpired");
        }
        // A signed decision for another server, or for a context this server did not show: the QR was relayed.
        // The challenge is burnt, so the relaying browser cannot wait for a second try.
        if (!issuer.equals(ExpertpassUrls.issuer(session, realm))) {
            decide(challenge.denied(Denial.RELAY));
            event.detail(ExpertpassEvents.DETAIL, "foreign-issuer")
                    .detail("signed_issuer", abbreviate(issuer))
                    .error(ExpertpassEvents.FOREIGN_ISSUER);
            return JsonApi.error(session, 403, "foreign_issuer", "ordreApiForeignIssuer");
        }
        if (!MessageDigest.isEqual(
                context.getBytes(StandardCharsets.US_ASCII),
                contextDigest(challenge).getBytes(StandardCharsets.US_ASCII))) {
            decide(challenge.denied(Denial.RELAY));
            event.detail(ExpertpassEvents.DETAIL, "context-mismatch").error(ExpertpassEvents.CONTEXT_MISMATCH);
            return JsonApi.error(session, 403, "context_mismatch", "ordreApiContextMismatch");
        }
        if (!user.isEnabled() || !ExpertpassEligibility.eligible(session, realm, user)) {
            decide(challenge.denied(Denial.INELIGIBLE));
            event.detail(ExpertpassEvents.DETAIL, "ineligible").error(ExpertpassEvents.INELIGIBLE);
            return JsonApi.error(session, 403, "ineligible", "ordreApiExpertpassIneligible");
        }
        if ("deny".equals(decision)) {
            decide(challenge.denied(Denial.USER));
            event.detail(ExpertpassEvents.DETAIL, "denied").error(ExpertpassEvents.DENIED);
            return Response.ok(Map.of("status", ExpertpassStatus.DENIED.wire()), MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        if (!sameNetwork && ExpertpassProximity.of(realm) == ExpertpassProximity.REFUSE) {
            // The realm accepts approvals only from the browser's network: this QR was scanned elsewhere (relayed?).
            decide(challenge.denied(Denial.NETWORK));
            event.detail(ExpertpassEvents.DETAIL, "other-network").error(ExpertpassEvents.OTHER_NETWORK);
            return JsonApi.error(session, 403, "other_network", "ordreApiOtherNetwork");
        }
        if (!code.equals(challenge.code())) {
            // One try per QR: the 2-3 digit code cannot be guessed by retrying.
            decide(challenge.denied(Denial.CODE));
            event.detail(ExpertpassEvents.DETAIL, "code-mismatch").error(ExpertpassEvents.CODE_MISMATCH);
            return JsonApi.error(session, 403, "code_mismatch", "ordreApiCodeMismatch");
        }
        decide(challenge.approved(user.getId(), signed.credentialId(), ExpertpassProximity.detail(sameNetwork)));
        event.event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail("custom_required_action", ExpertpassLoginForm.AUTH_METHOD)
                .detail(ExpertpassEvents.DETAIL, ExpertpassEvents.APPROVED)
                .success();
        LOG.debugf(
                "Expertpass approval by user %s (device %s) in realm %s",
                user.getUsername(), signed.credentialId(), realm.getName());
        return Response.ok(Map.of("status", ExpertpassStatus.APPROVED.wire()), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    /** Whether this request (the phone's) comes from the network of the browser that shows the challenge. */
    private boolean sameNetwork(Challenge challenge) {
        return ExpertpassProximity.sameNetwork(
                challenge.origin().network(),
                session.getContext().getConnection().getRemoteAddr());
    }

    private static String shownTime(Challenge challenge) {
        return Instant.ofEpochSecond(challenge.createdAt()).toString();
    }

    /** The digest of the context this server shows for {@code challenge} ({@link #challenge}), as the phone signs it. */
    private String contextDigest(Challenge c) {
        return ExpertpassCrypto.contextDigest(
                ExpertpassUrls.issuer(session, realm),
                c.id(),
                c.origin().service(),
                c.origin().browser(),
                c.origin().os(),
                c.origin().ip(),
                shownTime(c));
    }

    private static String abbreviate(String value) {
        return value.length() <= 200 ? value : value.substring(0, 200);
    }

    private void decide(Challenge decided) {
        store.update(decided);
        // The waiting page is told once the decision is stored, so that its next read sees it.
        store.afterCommit(() -> ExpertpassWakeups.INSTANCE.publish(session, decided.id(), decided.status()));
    }

    @POST
    @Path("v1/devices")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response devices(String json) {
        Optional<SignedDeviceRequest.Fields> fields = SignedDeviceRequest.Fields.parse(json);
        if (fields.isEmpty()) {
            return JsonApi.error(session, 400, "invalid_request", "ordreApiSignedRequestInvalid");
        }
        SignedDeviceRequest.Fields f = fields.get();
        SignedDeviceRequest.Outcome signed = SignedDeviceRequest.verify(
                session, realm, f, ExpertpassCrypto.devicesMessage(f.deviceId(), f.time(), f.nonce()));
        if (!signed.accepted()) {
            EventBuilder event = event(EventType.LOGIN_ERROR).detail(ExpertpassEvents.DETAIL, "devices");
            if (signed.user() != null) {
                event.user(signed.user()).detail("credential_id", signed.credentialId());
            }
            if (signed.refusal() == SignedDeviceRequest.Refusal.REPLAY) {
                event.error(ExpertpassEvents.REPLAY);
                return JsonApi.error(session, 409, "already_used", "ordreApiRequestReplayed");
            }
            event.error(
                    signed.refusal() == SignedDeviceRequest.Refusal.UNKNOWN_DEVICE
                            ? ExpertpassEvents.DEVICE_REVOKED
                            : signed.refusal() == SignedDeviceRequest.Refusal.STALE_TIME
                                    ? ExpertpassEvents.STALE
                                    : ExpertpassEvents.BAD_SIGNATURE);
            return JsonApi.error(session, 403, "unknown_device", "ordreApiDeviceUnknown");
        }
        UserModel user = signed.user();
        String current = signed.credentialId();
        List<Map<String, Object>> devices = user.credentialManager()
                .getStoredCredentialsByTypeStream(ExpertpassCredentialModel.TYPE)
                .map(c -> {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("deviceId", EnrolledDevice.id(user.getId(), c.getId()));
                    d.put("deviceName", c.getUserLabel());
                    d.put(
                            "created",
                            c.getCreatedDate() == null
                                    ? null
                                    : Instant.ofEpochMilli(c.getCreatedDate()).toString());
                    d.put("current", c.getId().equals(current));
                    return d;
                })
                .toList();
        return Response.ok(Map.of("username", user.getUsername(), "devices", devices), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    private EventBuilder event(EventType type) {
        return new EventBuilder(realm, session, session.getContext().getConnection()).event(type);
    }
}
