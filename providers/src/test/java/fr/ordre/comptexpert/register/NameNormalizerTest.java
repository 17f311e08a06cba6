package fr.ordre.comptexpert.register;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NameNormalizerTest {

    @Test
    void nullAndEmptyGiveEmpty() {
        assertEquals("", NameNormalizer.normalize(null));
        assertEquals("", NameNormalizer.normalize(""));
        assertEquals("", NameNormalizer.normalize(" - ' . "));
    }

    @Test
    void accentsAndCaseAreFolded() {
        assertEquals("helene", NameNormalizer.normalize("Hélène"));
        assertEquals("francois", NameNormalizer.normalize("FRANÇOIS"));
        assertEquals("joao", NameNormalizer.normalize("João"));
        assertEquals("ozil", NameNormalizer.normalize("Özil"));
    }

    @Test
    void apostrophesOfEveryKindAreRemoved() {
        String expected = NameNormalizer.normalize("DARTAGNAN");
        assertEquals("dartagnan", expected);
        assertEquals(expected, NameNormalizer.normalize("d'Artagnan"));
        assertEquals(expected, NameNormalizer.normalize("d’Artagnan"));
        assertEquals(expected, NameNormalizer.normalize("dʼArtagnan"));
        assertEquals(expected, NameNormalizer.normalize("d`Artagnan"));
        assertEquals(expected, NameNormalizer.normalize("D' ARTAGNAN"));
    }

    @Test
    void compoundNamesMatchWhateverTheSeparator() {
        String expected = "lefevredupont";
        assertEquals(expected, NameNormalizer.normalize("Lefèvre-Dupont"));
        assertEquals(expected, NameNormalizer.normalize("lefevre dupont"));
        assertEquals(expected, NameNormalizer.normalize("LEFEVRE  DUPONT"));
        assertEquals(expected, NameNormalizer.normalize("Lefèvre\u2011Dupont"));
        assertEquals(expected, NameNormalizer.normalize("Lefèvre\u00A0Dupont"));
    }

    @Test
    void particlesAndDotsAreRemoved() {
        assertEquals("delatour", NameNormalizer.normalize("de La Tour"));
        assertEquals("stexupery", NameNormalizer.normalize("St. Exupéry"));
    }

    @Test
    void ligaturesAreSpeltOut() {
        assertEquals("coeur", NameNormalizer.normalize("Cœur"));
        assertEquals("oeuvray", NameNormalizer.normalize("ŒUVRAY"));
        assertEquals("laetitia", NameNormalizer.normalize("Lætitia"));
        assertEquals("laetitia", NameNormalizer.normalize("LÆTITIA"));
    }

    @Test
    void decomposedInputMatchesComposed() {
        assertEquals(NameNormalizer.normalize("Lefèvre"), NameNormalizer.normalize("Lefe\u0300vre"));
    }
}
