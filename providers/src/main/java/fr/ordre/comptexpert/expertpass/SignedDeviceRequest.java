package fr.ordre.comptexpert.expertpass;

import fr.ordre.comptexpert.support.JsonApi;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The app's authentication, the one path of every signed call (sign-in decisions, the devices list, the
 * professional card): a request signed by the key of an enrolled, non-revoked device, with a time within the
 * allowed clock skew. The caller chooses the purpose line of what is signed, which must
 * cover the request's nonce: a nonce is accepted once within the clock-skew window, so a captured request cannot be
 * played again.
 */
public final class SignedDeviceRequest {

    /** How long the phone's clock may differ from the server's. */
    static final long CLOCK_SKEW_SECONDS = 120;

    /** Why a signed request was refused; the caller turns it into its own error and event. */
    public enum Refusal {
        UNKNOWN_DEVICE,
        BAD_SIGNATURE,
        STALE_TIME,
        REPLAY
    }

    /** The outcome: the device's user and credential, or a refusal (with the named user when known, for events). */
    public record Outcome(UserModel user, String credentialId, Refusal refusal) {
        public boolean accepted() {
            return refusal == null;
        }

        /** Whether the device is known and its key signed the message, whatever the time or nonce. */
        public boolean signedByDevice() {
            return refusal == null || refusal == Refusal.STALE_TIME || refusal == Refusal.REPLAY;
        }
    }

    /** The fields of a signed call that carries a nonce (the devices list, the card), as the app posts them. */
    public record Fields(String deviceId, String signature, String nonce, long time) {
        /** The fields of a JSON body, or none if one is missing or malformed (a 400 for the caller). */
        public static Optional<Fields> parse(String json) {
            Map<String, Object> in = JsonApi.parseObject(json);
            String deviceId = JsonApi.text(in, "deviceId");
            String signature = JsonApi.text(in, "signature");
            String nonce = JsonApi.text(in, "nonce");
            if (deviceId == null
                    || signature == null
                    || !(in.get("time") instanceof Number time)
                    || !ExpertpassCrypto.isNonce(nonce)) {
                return Optional.empty();
            }
            return Optional.of(new Fields(deviceId, signature, nonce, time.longValue()));
        }
    }

    private SignedDeviceRequest() {}

    /** {@link #verify} of a call's fields, over the message its purpose builds from them. */
    public static Outcome verify(KeycloakSession session, RealmModel realm, Fields fields, String message) {
        return verify(session, realm, fields.deviceId(), message, fields.signature(), fields.time(), fields.nonce());
    }

    /**
     * Verifies {@code signature} over {@code message} (which holds {@code nonce}) by the device {@code deviceId}, at
     * {@code time} (Unix seconds), and takes the nonce.
     */
    public static Outcome verify(
            KeycloakSession session,
            RealmModel realm,
            String deviceId,
            String message,
            String signature,
            long time,
            String nonce) {
        Outcome signed = check(session, realm, deviceId, message, signature, time);
        if (!signed.accepted()) {
            return signed;
        }
        // Kept as long as a request with that time is accepted (the time may be up to the skew ahead).
        long window = time + CLOCK_SKEW_SECONDS - ExpertpassStore.now() + 1;
        if (!new ExpertpassStore(session).takeNonce(deviceId, nonce, window)) {
            return new Outcome(signed.user(), signed.credentialId(), Refusal.REPLAY);
        }
        return signed;
    }

    /**
     * The device check every signed call makes, in this order: an enrolled, non-revoked device; its key's signature
     * over {@code message}; a time within the clock skew. A sign-in decision stops here (its challenge is taken
     * once, so it carries no nonce); other calls go on to {@link #verify}'s nonce.
     */
    static Outcome check(
            KeycloakSession session, RealmModel realm, String deviceId, String message, String signature, long time) {
        Optional<EnrolledDevice> device = EnrolledDevice.find(session, realm, deviceId);
        if (device.isEmpty()) {
            return new Outcome(
                    EnrolledDevice.userOf(session, realm, deviceId).orElse(null), null, Refusal.UNKNOWN_DEVICE);
        }
        UserModel user = device.get().user();
        String credentialId = device.get().credential().getId();
        if (!ExpertpassCrypto.verify(device.get().key(), message, signature)) {
            return new Outcome(user, credentialId, Refusal.BAD_SIGNATURE);
        }
        if (Math.abs(ExpertpassStore.now() - time) > CLOCK_SKEW_SECONDS) {
            return new Outcome(user, credentialId, Refusal.STALE_TIME);
        }
        return new Outcome(user, credentialId, null);
    }

    /** Whether the user's profile may use Expertpass (catalogue flag), read now. */
    public static boolean eligible(KeycloakSession session, RealmModel realm, UserModel user) {
        return ExpertpassEligibility.eligible(session, realm, user);
    }
}
