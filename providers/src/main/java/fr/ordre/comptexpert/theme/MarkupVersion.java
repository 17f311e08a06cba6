package fr.ordre.comptexpert.theme;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The version of a block of markup: 128 bits of the SHA-256 of its text, without surrounding white space, base64url.
 * A page names a resource made of the block by it, so a browser may keep that resource as long as it likes: new words
 * (an admin's realm text, a new theme) make a new version, and the same words give the same version on every node.
 */
public final class MarkupVersion {

    private MarkupVersion() {}

    public static String of(String markup) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(markup.strip().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every Java runtime", e);
        }
    }
}
