package fr.ordre.comptexpert.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * French typography in every French bundle we ship (providers' and themes', pages and emails): a narrow
 * no-break space (U+202F) before ; ! and ?, a no-break space (U+00A0) before : and inside « », so that a
 * phone never wraps "»." or "?" onto a line of its own. A colon or mark glued to what follows (a URL's
 * "https:", "10:30", "?x=1") is not punctuation of the sentence and is left alone.
 */
class FrenchTypographyTest {

    static final char NNBSP = '\u202F';
    static final char NBSP = '\u00A0';

    /** Every French bundle of both modules. */
    static List<Path> frenchBundles() throws IOException {
        List<Path> bundles = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/resources"), Path.of("../themes/src/main/resources"))) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.getFileName().toString().matches("messages_fr(_.*)?\\.properties"))
                        .forEach(bundles::add);
            }
        }
        return bundles;
    }

    /** What is wrong in one French text, empty when nothing. */
    static List<String> problems(String text) {
        List<String> found = new ArrayList<>();
        String plain = text.replaceAll("&#?[A-Za-z0-9]+;", "x"); // HTML entities end with ';' and are not sentences
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            char before = i == 0 ? '\n' : plain.charAt(i - 1);
            boolean endsClause = i + 1 == plain.length()
                    || Character.isWhitespace(plain.charAt(i + 1))
                    || plain.charAt(i + 1) == NBSP
                    || plain.charAt(i + 1) == NNBSP
                    || plain.charAt(i + 1) == '»'
                    || plain.charAt(i + 1) == ')'
                    || plain.charAt(i + 1) == '<';
            if (c == ';' || c == '!' || c == '?') {
                if (i > 0
                        && before != NNBSP
                        && (Character.isWhitespace(before) || before == NBSP || endsClause)
                        && !"!?".contains(String.valueOf(before))) {
                    found.add("U+202F before '" + c + "' in «…" + around(plain, i) + "…»");
                }
            } else if (c == ':') {
                if (i > 0 && before != NBSP && (Character.isWhitespace(before) || before == NNBSP || endsClause)) {
                    found.add("U+00A0 before ':' in «…" + around(plain, i) + "…»");
                }
            } else if (c == '«') {
                if (i + 1 < plain.length() && plain.charAt(i + 1) != NBSP) {
                    found.add("U+00A0 after '«' in «…" + around(plain, i) + "…»");
                }
            } else if (c == '»') {
                if (i > 0 && before != NBSP) {
                    found.add("U+00A0 before '»' in «…" + around(plain, i) + "…»");
                }
            }
        }
        return found;
    }

    private static String around(String text, int i) {
        return text.substring(Math.max(0, i - 20), Math.min(text.length(), i + 5));
    }

    @Test
    void everyFrenchBundleUsesFrenchSpacing() throws IOException {
        List<Path> bundles = frenchBundles();
        assertTrue(bundles.size() >= 3, "expected the providers', login and email bundles: " + bundles);
        List<String> wrong = new ArrayList<>();
        for (Path bundle : bundles) {
            Properties messages = new Properties();
            try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
                messages.load(reader);
            }
            for (String key : new TreeSet<>(messages.stringPropertyNames())) {
                for (String problem : problems(messages.getProperty(key))) {
                    wrong.add(bundle.getFileName() + " ("
                            + bundle.getParent().getParent().getFileName() + ") " + key + ": " + problem);
                }
            }
        }
        assertEquals(List.of(), wrong, wrong.size() + " spacing problems:\n" + String.join("\n", wrong));
    }

    @Test
    void theCheckCatchesPlainSpacesAndLeavesUrlsAlone() {
        assertEquals(4, problems("Pourquoi ? Voici : « Autre profil ».").size());
        assertEquals(
                List.of(),
                problems("Pourquoi\u202F? Voici\u00A0: «\u00A0Autre profil\u00A0». https://x.fr/a?b=1 à 10:30"));
        assertEquals(1, problems("Attention!").size(), "a mark glued to the word");
        assertEquals(List.of(), problems("Bonjour&nbsp;!".replace("&nbsp;", "\u202F")));
    }
}
