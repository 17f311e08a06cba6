package fr.ordre.comptexpert.expertpass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

/**
 * One enrolled phone: the user label is the device name, the credential data holds the public key
 * (SPKI, base64) and its algorithm. There is no secret: the private key never leaves the phone.
 */
public final class ExpertpassCredentialModel extends CredentialModel {

    public static final String TYPE = "ordre-expertpass";

    static ExpertpassCredentialModel create(String deviceName, String publicKey, long createdAt) {
        ExpertpassCredentialModel model = new ExpertpassCredentialModel();
        model.setType(TYPE);
        model.setUserLabel(deviceName);
        model.setCreatedDate(createdAt);
        Map<String, String> data = new LinkedHashMap<>();
        data.put("publicKey", publicKey);
        data.put("algorithm", ExpertpassCrypto.ALGORITHM);
        try {
            model.setCredentialData(JsonSerialization.writeValueAsString(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        model.setSecretData("{}");
        return model;
    }

    static ExpertpassCredentialModel from(CredentialModel stored) {
        ExpertpassCredentialModel model = new ExpertpassCredentialModel();
        model.setId(stored.getId());
        model.setType(stored.getType());
        model.setUserLabel(stored.getUserLabel());
        model.setCreatedDate(stored.getCreatedDate());
        model.setCredentialData(stored.getCredentialData());
        model.setSecretData(stored.getSecretData());
        return model;
    }

    /** The base64 SPKI, or null if the stored data is unreadable. */
    String publicKey() {
        try {
            Map<?, ?> data = JsonSerialization.readValue(getCredentialData(), Map.class);
            return data.get("publicKey") instanceof String s ? s : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
