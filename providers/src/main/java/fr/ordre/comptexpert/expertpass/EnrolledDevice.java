package fr.ordre.comptexpert.expertpass;

import java.security.PublicKey;
import java.util.Optional;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** An enrolled phone, found from the app's device id ({@code <user id>.<credential id>}). */
record EnrolledDevice(UserModel user, CredentialModel credential, PublicKey key) {

    static final String MAX_DEVICES_ATTRIBUTE = "ordreExpertpassMaxDevices";
    static final int MAX_DEVICES_DEFAULT = 5;

    /** The id the app keeps for a device: its user and its credential. */
    static String id(String userId, String credentialId) {
        return userId + "." + credentialId;
    }

    /** The user a device id names, whether or not the device is still enrolled (for the events). */
    static Optional<UserModel> userOf(KeycloakSession session, RealmModel realm, String deviceId) {
        int dot = deviceId.indexOf('.');
        if (dot <= 0 || dot == deviceId.length() - 1 || deviceId.length() > 100) {
            return Optional.empty();
        }
        return Optional.ofNullable(session.users().getUserById(realm, deviceId.substring(0, dot)));
    }

    static Optional<EnrolledDevice> find(KeycloakSession session, RealmModel realm, String deviceId) {
        Optional<UserModel> owner = userOf(session, realm, deviceId);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        UserModel user = owner.get();
        CredentialModel stored =
                user.credentialManager().getStoredCredentialById(deviceId.substring(deviceId.indexOf('.') + 1));
        if (stored == null || !ExpertpassCredentialModel.TYPE.equals(stored.getType())) {
            return Optional.empty();
        }
        return ExpertpassCrypto.parsePublicKey(
                        ExpertpassCredentialModel.from(stored).publicKey())
                .map(key -> new EnrolledDevice(user, stored, key));
    }

    /** Realm attribute {@value #MAX_DEVICES_ATTRIBUTE}: phones per user (default {@value #MAX_DEVICES_DEFAULT}, 1 to 50). */
    static int maxPerUser(RealmModel realm) {
        try {
            String value = realm.getAttribute(MAX_DEVICES_ATTRIBUTE);
            return value == null ? MAX_DEVICES_DEFAULT : Math.max(1, Math.min(50, Integer.parseInt(value.trim())));
        } catch (NumberFormatException e) {
            return MAX_DEVICES_DEFAULT;
        }
    }

    /** Whether the user has as many phones as the realm allows. */
    static boolean limitReached(RealmModel realm, UserModel user) {
        return user.credentialManager()
                        .getStoredCredentialsByTypeStream(ExpertpassCredentialModel.TYPE)
                        .count()
                >= maxPerUser(realm);
    }
}
