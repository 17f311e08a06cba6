package fr.ordre.comptexpert.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The API's error texts: every error answered has its message in French and English, read as the pages read theirs. */
class ApiMessagesTest {

    private static final Path JAVA = Path.of("src/main/java");
    private static final Path MESSAGES = Path.of("src/main/resources/theme-resources/messages");
    private static final Path OPENAPI = Path.of("../docs/expertpass-openapi.yml");
    private static final Pattern OPENAPI_CODES = Pattern.compile("error: \\{type: string, enum: \\[([a-z_, ]+)]");
    private static final Pattern ERROR_CALL = Pattern.compile("JsonApi\\.error\\(");
    private static final Pattern TRANSLATED_CALL = Pattern.compile(
            "JsonApi\\.error\\(session, \\d{3}, \"([a-z_]+)\", \"(ordreApi[A-Z][A-Za-z0-9]*)\"(, [^;]*)?\\);");

    @Test
    void everyErrorAnsweredHasItsTextInFrenchAndEnglish() throws IOException {
        Properties fr = bundle("fr");
        Properties en = bundle("en");
        Matcher documented = OPENAPI_CODES.matcher(Files.readString(OPENAPI));
        assertTrue(documented.find(), "the error enum of docs/expertpass-openapi.yml");
        List<String> codes = List.of(documented.group(1).split(",\\s*"));
        List<String> problems = new ArrayList<>();
        int calls = 0;
        for (Path source : sources()) {
            String java = Files.readString(source);
            long all = ERROR_CALL.matcher(java).results().count();
            long translated = TRANSLATED_CALL.matcher(java).results().count();
            if (all != translated) {
                problems.add(source.getFileName() + ": " + (all - translated)
                        + " JsonApi.error call(s) without a session and a literal ordreApi key");
            }
            Matcher m = TRANSLATED_CALL.matcher(java);
            while (m.find()) {
                calls++;
                String code = m.group(1);
                String key = m.group(2);
                for (Properties bundle : List.of(fr, en)) {
                    String text = bundle.getProperty(key);
                    if (text == null) {
                        problems.add((bundle == fr ? "fr" : "en") + ": no " + key + " (" + code + ")");
                    } else if (ApiMessages.format(text, Locale.ROOT).contains("''")) {
                        problems.add(key + ": an apostrophe left doubled");
                    }
                }
                if (!codes.contains(code)) {
                    problems.add(code + " is not in the error enum of docs/expertpass-openapi.yml");
                }
            }
        }
        assertTrue(calls >= 20, "the API's error calls were found: " + calls);
        assertEquals(List.of(), problems);
    }

    @Test
    void formatUndoesTheDoubledApostrophesAsMsgDoes() {
        assertEquals(
                "Ce compte n'a aucune inscription active au Tableau de l'Ordre.",
                ApiMessages.format("Ce compte n''a aucune inscription active au Tableau de l''Ordre.", Locale.FRENCH));
        assertEquals(
                "code, deviceId, decision (approve|deny)",
                ApiMessages.format("code, deviceId, decision (approve|deny)", Locale.ENGLISH));
    }

    @Test
    void aBrokenPatternIsShownAsItIs() {
        // A realm override may be malformed: still an answer, not a 500.
        assertEquals("Ce {code est faux", ApiMessages.format("Ce {code est faux", Locale.FRENCH));
    }

    @Test
    void withoutTheThemeThePackagedEnglishText() {
        ApiMessages.Text text = ApiMessages.english("ordreApiBadSignature");
        assertEquals("The signature does not match this phone's key.", text.text());
        assertEquals(Locale.ENGLISH, text.locale());
        assertEquals(
                "ordreApiNoSuchKey", ApiMessages.english("ordreApiNoSuchKey").text());
    }

    private static Properties bundle(String lang) throws IOException {
        Properties p = new Properties();
        try (Reader in =
                Files.newBufferedReader(MESSAGES.resolve("messages_" + lang + ".properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        assertFalse(p.isEmpty());
        return p;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> all = Files.walk(JAVA)) {
            return all.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
