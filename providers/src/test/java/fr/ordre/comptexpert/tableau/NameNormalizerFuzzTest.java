package fr.ordre.comptexpert.tableau;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Set;

/**
 * The matching forms of names: stable (normalising twice changes nothing, each variant is its own
 * normal form), free of separators, the plain form always among the variants.
 */
class NameNormalizerFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void normalizeIsIdempotentAndDropsSeparators(FuzzedDataProvider data) {
        String name = data.consumeRemainingAsString();
        String once = NameNormalizer.normalize(name);
        assertEquals(once, NameNormalizer.normalize(once), "normalize(normalize(x)) for " + name);
        assertFalse(hasSeparator(once), once);
        Set<String> variants = NameNormalizer.variants(name);
        assertEquals(once.isEmpty(), variants.isEmpty(), "variants of " + name);
        assertTrue(once.isEmpty() || variants.contains(once), "variants of " + name + " lack " + once);
        assertTrue(variants.size() <= 2, "variants of " + name);
        for (String variant : variants) {
            assertEquals(variant, NameNormalizer.normalize(variant), "variant of " + name);
            assertFalse(hasSeparator(variant), variant);
        }
    }

    private static boolean hasSeparator(String folded) {
        return folded.chars()
                .anyMatch(c -> c == '-' || c == '\'' || c == '.' || c == ' ' || c == '\u2019' || c == '\u00B7');
    }
}
