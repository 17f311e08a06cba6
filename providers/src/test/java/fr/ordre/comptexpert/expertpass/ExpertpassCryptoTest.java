package fr.ordre.comptexpert.expertpass;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpertpassCryptoTest {

    private static KeyPair pair(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
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
        String message = ExpertpassCrypto.decisionMessage("abc", "42", "u.c", "approve", 1_700_000_000L);
        assertEquals("ordre-expertpass/v1/decision\nabc\n42\nu.c\napprove\n1700000000", message);
        String signature = sign(pair, message);
        var key = ExpertpassCrypto.parsePublicKey(spki).orElseThrow();
        assertTrue(ExpertpassCrypto.verify(key, message, signature));
        assertFalse(ExpertpassCrypto.verify(key, message.replace("approve", "deny"), signature), "the decision is signed");
        assertFalse(ExpertpassCrypto.verify(key, ExpertpassCrypto.devicesMessage("u.c", 1), signature), "purpose line");
        assertFalse(ExpertpassCrypto.verify(key, message, "not-base64!"));
    }

    @Test
    void onlyP256PublicKeysAreAccepted() throws Exception {
        String p384 = Base64.getEncoder().encodeToString(pair("secp384r1").getPublic().getEncoded());
        assertTrue(ExpertpassCrypto.parsePublicKey(p384).isEmpty());
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
