package fr.ordre.comptexpert.register;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The matching form of names: stable (normalising twice changes nothing), free of separators and case. */
class NameNormalizerFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void normalizeIsIdempotentAndDropsSeparators(FuzzedDataProvider data) {
        String name = data.consumeRemainingAsString();
        String once = NameNormalizer.normalize(name);
        assertEquals(once, NameNormalizer.normalize(once), "normalize(normalize(x)) for " + name);
        assertFalse(once.chars().anyMatch(c -> c == '-' || c == '\'' || c == '.' || c == ' ' || c == '\u2019'), once);
    }
}
