package fr.ordre.comptexpert.expertpass;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.Optional;

/**
 * The app's authentication, the one path of every signed call (sign-in decisions, the devices list, the
 * professional card): a request signed by the key of an enrolled, non-revoked device, with a time within the
 * allowed clock skew. The caller chooses the purpose line of what is signed, which must
 * cover the request's nonce: a nonce is accepted once within the clock-skew window, so a captured request cannot be
 * played again.
 */
public final class SignedDeviceRequest {

    /** Why a signed request was refused; the caller turns it into its own error and event. */
    public enum Refusal { UNKNOWN_DEVICE, BAD_SIGNATURE, STALE_TIME, REPLAY }

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

    private SignedDeviceRequest() {
    }

    /**
     * Verifies {@code signature} over {@code message} (which holds {@code nonce}) by the device {@code deviceId}, at
     * {@code time} (Unix seconds), and takes the nonce.
     */
    public static Outcome verify(KeycloakSession session, RealmModel realm, String deviceId, String message,
                                 String signature, long time, String nonce) {
        Outcome signed = check(session, realm, deviceId, message, signature, time);
        if (!signed.accepted()) {
            return signed;
        }
        // Kept as long as a request with that time is accepted (the time may be up to the skew ahead).
        long window = time + ExpertpassResource.CLOCK_SKEW_SECONDS - ExpertpassStore.now() + 1;
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
    static Outcome check(KeycloakSession session, RealmModel realm, String deviceId, String message, String signature,
                         long time) {
        Optional<ExpertpassResource.Device> device = ExpertpassResource.Device.find(session, realm, deviceId);
        if (device.isEmpty()) {
            return new Outcome(ExpertpassResource.Device.userOf(session, realm, deviceId).orElse(null), null,
                    Refusal.UNKNOWN_DEVICE);
        }
        UserModel user = device.get().user();
        String credentialId = device.get().credential().getId();
        if (!ExpertpassCrypto.verify(device.get().key(), message, signature)) {
            return new Outcome(user, credentialId, Refusal.BAD_SIGNATURE);
        }
        if (Math.abs(ExpertpassStore.now() - time) > ExpertpassResource.CLOCK_SKEW_SECONDS) {
            return new Outcome(user, credentialId, Refusal.STALE_TIME);
        }
        return new Outcome(user, credentialId, null);
    }

    /** Whether the user's profile may use Expertpass (catalogue flag), read now. */
    public static boolean eligible(KeycloakSession session, RealmModel realm, UserModel user) {
        return ExpertpassEligibility.eligible(session, realm, user);
    }
}
