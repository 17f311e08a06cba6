package fr.ordre.comptexpert.tableau.file;

import static fr.ordre.comptexpert.tableau.file.RegisterCsvReaderTest.HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import fr.ordre.comptexpert.tableau.RegisterEntry;
import fr.ordre.comptexpert.tableau.TableauRegister;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every letter of Latin-1 Supplement, Latin Extended-A and Latin Extended-B, in a register entry's nom
 * and prénom, is found when typed in plain ASCII. The ASCII is derived here from the letter's Unicode
 * name ("LATIN SMALL LETTER O WITH STROKE" → "o"), not from the code under test.
 */
class LatinLettersLookupTest {

    private static final int[][] RANGES = {{0x00C0, 0x00FF}, {0x0100, 0x017F}, {0x0180, 0x024F}};

    /** Names of letters that are not "X WITH …" nor a two-letter digraph, as people type them. */
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("SHARP S", "ss"),
            Map.entry("ETH", "d"),
            Map.entry("THORN", "th"),
            Map.entry("KRA", "k"),
            Map.entry("ENG", "n"),
            Map.entry("LONG S", "s"),
            Map.entry("SCHWA", "e"),
            Map.entry("GAMMA", "g"),
            Map.entry("IOTA", "i"),
            Map.entry("UPSILON", "u"),
            Map.entry("LAMBDA", "l"),
            Map.entry("DELTA", "d"),
            Map.entry("ESH", "sh"),
            Map.entry("ESH LOOP", "sh"),
            Map.entry("EZH", "z"),
            Map.entry("EZH REVERSED", "z"),
            Map.entry("WYNN", "w"),
            Map.entry("YOGH", "gh"),
            Map.entry("YR", "r"),
            // Gothic hwair, capital of ƕ (LATIN SMALL LETTER HV): one letter, one spelling
            Map.entry("HWAIR", "hv"),
            // Zhuang tone letters, written z, q, h since the 1982 orthography
            Map.entry("TONE TWO", "z"),
            Map.entry("TONE FIVE", "q"),
            Map.entry("TONE SIX", "h"),
            // no sound of their own: typed as nothing, as the apostrophes that often stand for them
            Map.entry("GLOTTAL STOP", ""),
            Map.entry("TWO", ""),
            Map.entry("DENTAL CLICK", ""),
            Map.entry("LATERAL CLICK", ""),
            Map.entry("ALVEOLAR CLICK", ""),
            Map.entry("RETROFLEX CLICK", ""));

    private static final Pattern PREFIX = Pattern.compile("^LATIN (CAPITAL |SMALL )?(LETTER|LIGATURE) ");
    private static final Pattern TWO_LETTERS = Pattern.compile("^([A-Z]) WITH SMALL LETTER ([A-Z])\\b");
    private static final Pattern QUALIFIER = Pattern.compile("^(SMALL|TURNED|REVERSED|INVERTED|DOTLESS|OPEN|AFRICAN) ");
    private static final Pattern DIGRAPH = Pattern.compile("^(AE|OE|IJ|DZ|LJ|NJ|HV|OI|OU|DB|QP)\\b");

    private static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1950, 1, 1);

    private record Letter(int codePoint, String typed, String alternative) {
        String text() {
            return new String(Character.toChars(codePoint));
        }

        String numero() {
            return String.format(Locale.ROOT, "GEN-%04X", codePoint);
        }
    }

    private static List<Letter> letters;

    @TempDir
    static Path dir;

    @BeforeAll
    static void letters() {
        letters = new ArrayList<>();
        for (int[] range : RANGES) {
            for (int cp = range[0]; cp <= range[1]; cp++) {
                if (Character.isLetter(cp)) {
                    letters.add(new Letter(cp, typed(Character.getName(cp)), alternative(Character.getName(cp))));
                }
            }
        }
    }

    /** The plain ASCII people type for a letter, from its Unicode name; fails on a name it cannot read. */
    static String typed(String unicodeName) {
        Matcher prefix = PREFIX.matcher(unicodeName);
        if (!prefix.find()) {
            throw new AssertionError("not a Latin letter name: " + unicodeName);
        }
        String rest = unicodeName.substring(prefix.end());
        Matcher twoLetters = TWO_LETTERS.matcher(rest);
        if (twoLetters.find()) {
            // LATIN CAPITAL LETTER D WITH SMALL LETTER Z WITH CARON (ǅ)
            return (twoLetters.group(1) + twoLetters.group(2)).toLowerCase(Locale.ROOT);
        }
        rest = QUALIFIER.matcher(rest).replaceFirst("");
        String base = rest.split(" WITH | PRECEDED BY | DIGRAPH")[0];
        if (base.length() == 1 || base.charAt(1) == ' ') {
            // O WITH STROKE, U BAR, N PRECEDED BY APOSTROPHE
            return base.substring(0, 1).toLowerCase(Locale.ROOT);
        }
        Matcher digraph = DIGRAPH.matcher(base);
        if (digraph.find()) {
            return digraph.group(1).toLowerCase(Locale.ROOT);
        }
        String named = NAMED.get(base);
        if (named == null) {
            throw new AssertionError("no plain spelling known for " + unicodeName + " (base '" + base + "')");
        }
        return named;
    }

    /** The second usual spelling: ä ö ü as ae oe ue (German), å as aa and ø as oe (Scandinavian), đ as dj; else null. */
    static String alternative(String unicodeName) {
        String base = PREFIX.matcher(unicodeName).replaceFirst("");
        if (base.matches("[AOU] WITH DIAERESIS.*")) {
            return base.substring(0, 1).toLowerCase(Locale.ROOT) + "e";
        }
        if (base.matches("A WITH RING ABOVE.*")) {
            return "aa";
        }
        if (base.matches("O WITH STROKE.*")) {
            return "oe";
        }
        if (base.equals("D WITH STROKE")) {
            return "dj";
        }
        return null;
    }

    /** One entry per letter: nom "Ba" + letter + "ton", prénom "Jo" + letter + "el", each born on its own day. */
    private static TableauRegister register() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < letters.size(); i++) {
            Letter letter = letters.get(i);
            csv.append(letter.numero())
                    .append(";Ba")
                    .append(letter.text())
                    .append("ton;;Jo")
                    .append(letter.text())
                    .append("el;")
                    .append(FIRST_BIRTH_DATE.plusDays(i))
                    .append(";expert-comptable;Test;inscrit\n");
        }
        Path file = Files.writeString(dir.resolve("letters.csv"), csv, StandardCharsets.UTF_8);
        FileTableauRegisterFactory factory = new FileTableauRegisterFactory();
        factory.init(new MapScope(Map.of("path", file.toString())));
        factory.postInit(null);
        assertEquals(
                String.valueOf(letters.size()), factory.getOperationalInfo().get("entries"));
        return factory.create(null);
    }

    @Test
    void theRangesHoldTheLettersWeExpect() {
        // 62 in Latin-1 Supplement (no × ÷), 128 in Extended-A, 208 in Extended-B
        assertEquals(62 + 128 + 208, letters.size());
        assertEquals("o", typed("LATIN SMALL LETTER O WITH STROKE"));
        assertEquals("dz", typed("LATIN CAPITAL LETTER D WITH SMALL LETTER Z WITH CARON"));
        assertEquals("ae", typed("LATIN CAPITAL LETTER AE WITH ACUTE"));
        assertEquals("ss", typed("LATIN SMALL LETTER SHARP S"));
        assertEquals("ue", alternative("LATIN SMALL LETTER U WITH DIAERESIS AND MACRON"));
    }

    @Test
    void everyLatinLetterIsFoundTypedInAscii() throws IOException {
        TableauRegister register = register();
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < letters.size(); i++) {
            Letter letter = letters.get(i);
            LocalDate born = FIRST_BIRTH_DATE.plusDays(i);
            check(register, letter, "ba" + letter.typed() + "ton", "Jo" + letter.typed() + "el", born, missed);
            check(
                    register,
                    letter,
                    ("BA" + letter.typed() + "TON").toUpperCase(Locale.ROOT),
                    "JO" + letter.typed().toUpperCase(Locale.ROOT) + "EL",
                    born,
                    missed);
            // The register's own spelling still finds it.
            check(register, letter, "Ba" + letter.text() + "ton", "Jo" + letter.text() + "el", born, missed);
            if (letter.alternative() != null) {
                check(
                        register,
                        letter,
                        "Ba" + letter.alternative() + "ton",
                        "Jo" + letter.alternative() + "el",
                        born,
                        missed);
            }
        }
        assertTrue(missed.isEmpty(), missed.size() + " letters not found as typed:\n" + String.join("\n", missed));
    }

    private static void check(
            TableauRegister register, Letter letter, String nom, String prenom, LocalDate born, List<String> missed) {
        List<RegisterEntry> found = register.findByNameAndBirthDate(nom, born);
        String what = String.format(
                Locale.ROOT,
                "U+%04X %s (%s) typed '%s' / '%s'",
                letter.codePoint(),
                letter.text(),
                Character.getName(letter.codePoint()),
                nom,
                prenom);
        if (found.size() != 1 || !found.get(0).numero().equals(letter.numero())) {
            missed.add(what + ": nom found " + found);
        } else if (!found.get(0).matchesPrenom(prenom) || !found.get(0).matchesNom(nom)) {
            missed.add(what + ": prénom or nom not matched");
        } else if (!register.findByNumero(letter.numero()).orElseThrow().matchesNom(nom)) {
            missed.add(what + ": nom not matched on the numéro path");
        }
    }

    @Test
    void aWrongLetterIsNotFound() throws IOException {
        TableauRegister register = register();
        int eth = letters.indexOf(
                letters.stream().filter(l -> l.codePoint() == 'ð').findFirst().orElseThrow());
        assertTrue(register.findByNameAndBirthDate("Baton", FIRST_BIRTH_DATE.plusDays(eth))
                .isEmpty());
        assertTrue(register.findByNameAndBirthDate("Batton", FIRST_BIRTH_DATE.plusDays(eth))
                .isEmpty());
        assertFalse(register.findByNumero("GEN-00F0").orElseThrow().matchesPrenom("Joel"));
        if (letters.stream().noneMatch(l -> l.typed().isEmpty())) {
            fail("the clicks and glottal stops are typed as nothing: the derivation lost them");
        }
    }
}
