package fr.ordre.comptexpert.companion;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The phone's key and enrolment, kept in a local JSON file (mode 600): the P-256 private key as PKCS#8
 * base64, the public key as SPKI base64, and what the server returned at enrolment, among it the issuer (the realm's
 * URL) of the server enrolled with: the phone's pin, the only server whose QR codes it signs.
 */
public record DeviceKey(
        String issuer,
        String api,
        String deviceId,
        String deviceName,
        String username,
        String privateKey,
        String publicKey) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A fresh P-256 key pair, not yet enrolled. */
    public static DeviceKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            return new DeviceKey(
                    null,
                    null,
                    null,
                    null,
                    null,
                    Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No P-256 support in this JVM", e);
        }
    }

    public DeviceKey enrolled(String issuer, String api, String deviceId, String deviceName, String username) {
        return new DeviceKey(issuer, api, deviceId, deviceName, username, privateKey, publicKey);
    }

    /** ES256 (SHA256withECDSA, DER), base64url: what the server verifies. */
    public String sign(String message) {
        try {
            PrivateKey key = KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unusable private key", e);
        }
    }

    public static DeviceKey load(Path file) {
        try {
            DeviceKey key = JSON.readValue(file.toFile(), DeviceKey.class);
            // A key file written before the issuer was kept: the API base names it.
            return key.issuer() != null || key.api() == null
                    ? key
                    : new DeviceKey(
                            key.api().replaceFirst("/comptexpert/expertpass/v1$", ""),
                            key.api(),
                            key.deviceId(),
                            key.deviceName(),
                            key.username(),
                            key.privateKey(),
                            key.publicKey());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key file " + file, e);
        }
    }

    public void save(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".expertpass", ".json");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system: the file keeps the platform's default rights.
            }
            ObjectNode node = JSON.valueToTree(this);
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the key file " + file, e);
        }
    }
}
