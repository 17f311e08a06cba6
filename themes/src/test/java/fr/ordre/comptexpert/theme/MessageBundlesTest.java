package fr.ordre.comptexpert.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import fr.ordre.comptexpert.theme.Themes.Type;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our message bundles: complete in both languages, well-formed, and covering what our templates ask for. */
class MessageBundlesTest {

    private static final List<String> LANGUAGES = List.of("fr", "en");

    /** msg("key") or msg('key') with a literal key, as the first argument. */
    private static final Pattern MSG_CALL = Pattern.compile("msg\\(\\s*([\"'])([^\"'$+]+)\\1\\s*[,)]");
    /** Our own keys wherever they appear as literals, e.g. msg(pending?then("ordreA", "ordreB")). */
    private static final Pattern ORDRE_KEY_LITERAL = Pattern.compile("[\"'](ordre[A-Z][A-Za-z0-9]*)[\"']");
    /** An apostrophe on its own: MessageFormat would swallow it (write l''Ordre). */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @ParameterizedTest
    @EnumSource(Type.class)
    void frenchAndEnglishHaveTheSameKeys(Type type) throws Exception {
        Set<String> fr = keys(Themes.bundle("ordre", type, "fr"));
        Set<String> en = keys(Themes.bundle("ordre", type, "en"));
        assertTrue(!fr.isEmpty(), "no French " + type.dir + " messages");

        Set<String> missingInEnglish = new TreeSet<>(fr);
        missingInEnglish.removeAll(en);
        Set<String> missingInFrench = new TreeSet<>(en);
        missingInFrench.removeAll(fr);
        assertEquals(Set.of(), missingInEnglish, type.dir + ": in messages_fr, not in messages_en");
        assertEquals(Set.of(), missingInFrench, type.dir + ": in messages_en, not in messages_fr");
    }

    @ParameterizedTest
    @EnumSource(Type.class)
    void valuesAreNonEmptyMessageFormatPatterns(Type type) throws Exception {
        List<String> problems = new ArrayList<>();
        for (String lang : LANGUAGES) {
            Properties bundle = Themes.bundle("ordre", type, lang);
            for (String key : keys(bundle)) {
                String value = bundle.getProperty(key);
                String where = type.dir + "/messages_" + lang + " " + key;
                if (value.isBlank()) {
                    problems.add(where + ": empty");
                }
                if (LONE_APOSTROPHE.matcher(value).find()) {
                    problems.add(where + ": single apostrophe, write ''");
                }
                try {
                    new MessageFormat(value);
                } catch (IllegalArgumentException e) {
                    problems.add(where + ": " + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @EnumSource(Type.class)
    void bundlesAreUtf8(Type type) throws Exception {
        for (String lang : LANGUAGES) {
            String name = Themes.ORDRE + type.dir + "/messages/messages_" + lang + ".properties";
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(in.readAllBytes()));
            } catch (CharacterCodingException e) {
                fail(name + " is not valid UTF-8: " + e);
            }
        }
    }

    /** A key is resolvable if our bundle or a parent theme's (Keycloak's) has it. */
    @ParameterizedTest
    @EnumSource(Type.class)
    void everyKeyOurTemplatesUseExists(Type type) throws Exception {
        List<String> missing = new ArrayList<>();
        for (String lang : LANGUAGES) {
            Properties available = Themes.messages(type, lang);
            for (String file : Themes.ordreFiles(type, ".ftl")) {
                for (String key : usedKeys(Themes.ordreFile(type, file))) {
                    if (!available.containsKey(key)) {
                        missing.add(lang + ": " + file + " uses " + key);
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    /** ordre-email.ftl builds these keys from a variable; they come from base. */
    @Test
    void baseHasTheLinkExpirationUnitsTheFallbackUses() throws Exception {
        for (String lang : LANGUAGES) {
            Properties messages = Themes.messages(Type.EMAIL, lang);
            for (String unit : List.of("minutes", "hours", "days")) {
                assertTrue(messages.containsKey("linkExpirationFormatter.timePeriodUnit." + unit), lang + " " + unit);
            }
        }
    }

    @Test
    void theCustomEmailsHaveTheirSubjects() throws Exception {
        for (String lang : LANGUAGES) {
            // The providers' bundle: our emails render under any email theme.
            Properties ours = Themes.themeResourcesBundle(lang);
            for (String subject :
                    List.of("ordreSetPasswordSubject", "ordreResetSubject", "ordreExpertpassDeviceAddedSubject")) {
                assertTrue(ours.containsKey(subject), lang + " " + subject);
            }
        }
    }

    private static Set<String> usedKeys(String template) {
        Set<String> keys = new TreeSet<>();
        for (Pattern p : List.of(MSG_CALL, ORDRE_KEY_LITERAL)) {
            Matcher m = p.matcher(template);
            while (m.find()) {
                keys.add(m.group(m.groupCount()));
            }
        }
        return keys;
    }

    private static Set<String> keys(Properties p) {
        return new TreeSet<>(p.stringPropertyNames());
    }
}
