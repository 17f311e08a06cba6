package fr.ordre.comptexpert.expertpass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpertpassCryptoTest {

    private static KeyPair pair(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    /** An SPKI naming secp256k1 (1.3.132.0.10), which JDK 17 can no longer generate: its header and a point. */
    private static byte[] secp256k1Key() throws Exception {
        byte[] header = java.util.HexFormat.of().parseHex("3056301006072a8648ce3d020106052b8104000a034200");
        byte[] point = pair("secp256r1").getPublic().getEncoded();
        byte[] spki = java.util.Arrays.copyOf(header, header.length + 65);
        System.arraycopy(point, point.length - 65, spki, header.length, 65);
        return spki;
    }

    private static String sign(KeyPair pair, String message) throws Exception {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(message.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
    }

    @Test
    void aP256SignatureOverTheCanonicalStringVerifies() throws Exception {
        KeyPair pair = pair("secp256r1");
        String spki = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        String message = ExpertpassCrypto.decisionMessage(
                "https://h/realms/ordre", "abc", "ctx", "42", "u.c", "approve", 1_700_000_000L);
        assertEquals(
                "ordre-expertpass/v1/decision\nhttps://h/realms/ordre\nabc\nctx\n42\nu.c\napprove\n1700000000",
                message);
        String signature = sign(pair, message);
        var key = ExpertpassCrypto.parsePublicKey(spki).orElseThrow();
        assertTrue(ExpertpassCrypto.verify(key, message, signature));
        assertFalse(
                ExpertpassCrypto.verify(key, message.replace("approve", "deny"), signature), "the decision is signed");
        assertFalse(
                ExpertpassCrypto.verify(key, ExpertpassCrypto.devicesMessage("u.c", 1, "n"), signature),
                "purpose line");
        assertFalse(ExpertpassCrypto.verify(key, message, "not-base64!"));
    }

    @Test
    void theContextDigestCoversEachShownField() {
        String digest = ExpertpassCrypto.contextDigest(
                "https://h/realms/ordre", "abc", "Service", "Firefox", "Linux", "192.0.2.1", "2026-11-29T23:00:00Z");
        // SHA-256 of the seven fields joined by newlines, base64url without padding: 43 characters.
        assertEquals(43, digest.length());
        assertFalse(digest.equals(ExpertpassCrypto.contextDigest(
                "https://h/realms/ordre", "abc", "Service", "Safari", "Linux", "192.0.2.1", "2026-11-29T23:00:00Z")));
        assertFalse(digest.equals(ExpertpassCrypto.contextDigest(
                "https://relay/realms/ordre",
                "abc",
                "Service",
                "Firefox",
                "Linux",
                "192.0.2.1",
                "2026-11-29T23:00:00Z")));
    }

    @Test
    void onlyP256PublicKeysAreAccepted() throws Exception {
        String p384 =
                Base64.getEncoder().encodeToString(pair("secp384r1").getPublic().getEncoded());
        assertTrue(ExpertpassCrypto.parsePublicKey(p384).isEmpty());
        // Another 256-bit curve: the field size alone would have let it in; its identifier does not.
        String k256 = Base64.getEncoder().encodeToString(secp256k1Key());
        assertTrue(ExpertpassCrypto.parsePublicKey(k256).isEmpty());
        assertTrue(ExpertpassCrypto.parsePublicKey("bm90IGEga2V5").isEmpty());
        assertTrue(ExpertpassCrypto.parsePublicKey(null).isEmpty());
    }

    @Test
    void tokensAre256BitsAndCodesHaveTheirDigits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = ExpertpassCrypto.randomToken();
            assertEquals(43, token.length());
            assertTrue(ExpertpassCrypto.isToken(token));
            assertTrue(seen.add(token));
            String code = ExpertpassCrypto.randomCode(2);
            assertTrue(code.matches("[1-9][0-9]"), code);
            assertTrue(ExpertpassCrypto.randomCode(3).matches("[1-9][0-9]{2}"));
        }
        assertFalse(ExpertpassCrypto.isToken("short"));
        assertFalse(ExpertpassCrypto.isToken("../../etc/passwd/aaaaaaaaaaaaaaaaaaaaaaaaaa"));
    }
}
