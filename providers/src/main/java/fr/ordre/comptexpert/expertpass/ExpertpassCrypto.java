package fr.ordre.comptexpert.expertpass;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The device keys and the exact bytes they sign. Keys are P-256 (SPKI, base64); signatures are ES256 in
 * the DER form every platform produces (Java, Android Keystore, iOS SecKey), base64url. Each signed message
 * starts with a purpose line so a signature made for one step can never be replayed in another.
 */
public final class ExpertpassCrypto {

    public static final String ALGORITHM = "ES256";
    static final String ENROL_PURPOSE = "ordre-expertpass/v1/enrol";
    static final String DECISION_PURPOSE = "ordre-expertpass/v1/decision";
    static final String DEVICES_PURPOSE = "ordre-expertpass/v1/devices";
    static final String CARD_PURPOSE = "ordre-expertpass/v1/card";

    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * DER of SubjectPublicKeyInfo up to the key bits: SEQUENCE, AlgorithmIdentifier {id-ecPublicKey 1.2.840.10045.2.1,
     * prime256v1 1.2.840.10045.3.1.7}, BIT STRING of 66 bytes (no unused bits, then the 65-byte uncompressed point).
     */
    private static final byte[] P256_SPKI_HEADER =
            HexFormat.of().parseHex("3059301306072a8648ce3d020106082a8648ce3d030107034200");

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22,64}");

    private ExpertpassCrypto() {}

    /** 256 bits from SecureRandom, base64url: challenge ids, enrolment references, nonces, watch tokens. */
    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The number the user matches between screen and phone: {@code digits} digits, no leading zero. */
    static String randomCode(int digits) {
        int low = (int) Math.pow(10, digits - 1);
        return Integer.toString(low + RANDOM.nextInt(9 * low));
    }

    static boolean isToken(String value) {
        return value != null && TOKEN.matcher(value).matches();
    }

    /**
     * A P-256 public key from its base64 SPKI, or empty if it is anything else. The curve is checked by its
     * identifier: the SPKI must name id-ecPublicKey with the named curve prime256v1 (1.2.840.10045.3.1.7), the exact
     * DER header every platform writes; a key on another 256-bit curve, or with explicit parameters, is refused.
     */
    static Optional<PublicKey> parsePublicKey(String spkiBase64) {
        if (spkiBase64 == null || spkiBase64.length() > 400) {
            return Optional.empty();
        }
        try {
            byte[] spki = Base64.getDecoder().decode(spkiBase64.trim());
            if (spki.length != P256_SPKI_HEADER.length + 65
                    || !Arrays.equals(spki, 0, P256_SPKI_HEADER.length, P256_SPKI_HEADER, 0, P256_SPKI_HEADER.length)) {
                return Optional.empty();
            }
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
            return key instanceof ECPublicKey ? Optional.of(key) : Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean verify(PublicKey key, String message, String signatureB64url) {
        if (signatureB64url == null || signatureB64url.length() > 200) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(message.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getUrlDecoder().decode(signatureB64url));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static String enrolMessage(String ref, String nonce, String publicKey, String deviceName) {
        return String.join("\n", ENROL_PURPOSE, ref, nonce, publicKey, deviceName);
    }

    /**
     * What the phone signs to decide a sign-in: the issuer it enrolled with (so a relaying host cannot pass the
     * signature on as its own) and the digest of the context it showed (so a relay cannot show an invented one).
     */
    public static String decisionMessage(
            String issuer, String challenge, String context, String code, String deviceId, String decision, long time) {
        return String.join(
                "\n", DECISION_PURPOSE, issuer, challenge, context, code, deviceId, decision, Long.toString(time));
    }

    /**
     * The digest of what the phone shows before the user decides: SHA-256 over the UTF-8 of the issuer, challenge,
     * service, browser, OS, IP and time (as {@code GET /challenges/{id}} gives them) joined by '\n', base64url.
     */
    public static String contextDigest(
            String issuer, String challenge, String service, String browser, String os, String ip, String time) {
        String canonical = String.join("\n", issuer, challenge, service, browser, os, ip, time);
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** A signed device request: the nonce (the app's, 128 to 384 bits, base64url) makes each one usable once. */
    public static String devicesMessage(String deviceId, long time, String nonce) {
        return String.join("\n", DEVICES_PURPOSE, deviceId, Long.toString(time), nonce);
    }

    public static String cardMessage(String deviceId, long time, String nonce) {
        return String.join("\n", CARD_PURPOSE, deviceId, Long.toString(time), nonce);
    }

    /** Whether {@code nonce} is one a signed device request may carry: 22 to 64 base64url characters. */
    public static boolean isNonce(String nonce) {
        return isToken(nonce);
    }
}
