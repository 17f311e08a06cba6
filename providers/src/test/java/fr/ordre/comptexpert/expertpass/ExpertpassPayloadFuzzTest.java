package fr.ordre.comptexpert.expertpass;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;

/**
 * What the phone app sends (public keys, signatures, tokens read from a QR) and what the browser sends
 * (User-Agent): parsed without throwing, and never accepted by accident.
 */
class ExpertpassPayloadFuzzTest {

    private static final PublicKey KEY = key();

    private static PublicKey key() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            return pair.getPublic();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void appPayloads(FuzzedDataProvider data) {
        String publicKey = data.consumeString(500);
        String message = data.consumeString(300);
        String signature = data.consumeString(300);
        String token = data.consumeRemainingAsString();
        ExpertpassCrypto.parsePublicKey(publicKey)
                .ifPresent(k -> assertTrue(k.getAlgorithm().equals("EC")));
        // A random string is not a signature of our key (the private half never left key()).
        assertFalse(ExpertpassCrypto.verify(KEY, message, signature), signature);
        if (ExpertpassCrypto.isToken(token)) {
            assertTrue(token.matches("[A-Za-z0-9_-]{22,64}"), token);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void userAgents(FuzzedDataProvider data) {
        String ua = data.consumeRemainingAsString();
        assertNotNull(UserAgentSummary.browser(ua));
        assertNotNull(UserAgentSummary.os(ua));
    }

    /** Any text we may put in a QR encodes, or is refused with IllegalArgumentException (too long). */
    @FuzzTest(maxDuration = "10s")
    void qrEncoding(FuzzedDataProvider data) {
        String content = data.consumeRemainingAsString();
        try {
            assertTrue(ExpertpassQr.dataUri(content).startsWith(ExpertpassQr.DATA_URI_PREFIX));
        } catch (IllegalArgumentException tooLong) {
            // content beyond a QR code's capacity
        }
    }
}
