package fr.ordre.comptexpert.expertpass;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
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
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22,64}");

    private ExpertpassCrypto() {
    }

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

    /** A P-256 public key from its base64 SPKI, or empty if it is anything else. */
    static Optional<PublicKey> parsePublicKey(String spkiBase64) {
        if (spkiBase64 == null || spkiBase64.length() > 400) {
            return Optional.empty();
        }
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(spkiBase64.trim())));
            if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
                return Optional.of(key);
            }
            return Optional.empty();
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

    public static String decisionMessage(String challenge, String code, String deviceId, String decision, long time) {
        return String.join("\n", DECISION_PURPOSE, challenge, code, deviceId, decision, Long.toString(time));
    }

    public static String devicesMessage(String deviceId, long time) {
        return String.join("\n", DEVICES_PURPOSE, deviceId, Long.toString(time));
    }

    public static String cardMessage(String deviceId, long time) {
        return String.join("\n", CARD_PURPOSE, deviceId, Long.toString(time));
    }
}
