package fr.ordre.comptexpert.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The providers' message bundles (theme-resources/messages, merged by Keycloak into every theme): French and
 * English have the same keys, and every key the providers' pages and code ask for exists in our bundles or
 * in the parents Keycloak resolves them from (keycloak.v2, base; the themes module's "ordre" bundles).
 * Same approach as the themes module's MessageBundlesTest.
 */
class MessageBundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources/theme-resources");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");
    private static final Path JAVA = Path.of("src/main/java");
    /** The themes module, next to this one: its "ordre" theme is what the realm uses. */
    private static final Path ORDRE_THEME = Path.of("../themes/src/main/resources/theme/ordre");

    private static final List<String> LANGUAGES = List.of("fr", "en");
    /** msg("key") or msg('key') with a literal key, as the first argument. */
    private static final Pattern MSG_CALL = Pattern.compile("msg\\(\\s*([\"'])([^\"'$+]+)\\1\\s*[,)]");
    /** Our own keys as Java string literals: messages set by the authenticators and actions. */
    private static final Pattern JAVA_ORDRE_LITERAL = Pattern.compile("\"(ordre[A-Z][A-Za-z0-9]*)\"");
    /** ordreX used as a template variable (${ordreX.y}, ordreX??): a model attribute, not a message key. */
    private static final Pattern TEMPLATE_VARIABLE =
            Pattern.compile("(?<![\"'A-Za-z0-9])(ordre[A-Z][A-Za-z0-9]*)(?=\\.|\\?\\?|\\?[a-z])");

    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void frenchAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> fr = ours("fr").stringPropertyNames();
        Set<String> en = ours("en").stringPropertyNames();
        assertFalse(fr.isEmpty());
        Set<String> missingInEnglish = new TreeSet<>(fr);
        missingInEnglish.removeAll(en);
        Set<String> missingInFrench = new TreeSet<>(en);
        missingInFrench.removeAll(fr);
        assertEquals(Set.of(), missingInEnglish, "in messages_fr, not in messages_en");
        assertEquals(Set.of(), missingInFrench, "in messages_en, not in messages_fr");
    }

    @Test
    void valuesAreNonEmptyMessageFormatPatterns() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String lang : LANGUAGES) {
            Properties bundle = ours(lang);
            for (String key : new TreeSet<>(bundle.stringPropertyNames())) {
                String value = bundle.getProperty(key);
                String where = "messages_" + lang + " " + key;
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

    @Test
    void everyKeyTheTemplatesUseExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String lang : LANGUAGES) {
            Properties available = available(lang);
            for (Path template : files(TEMPLATES, ".ftl")) {
                Matcher m = MSG_CALL.matcher(Files.readString(template));
                while (m.find()) {
                    if (!available.containsKey(m.group(2))) {
                        missing.add(lang + ": " + template.getFileName() + " uses " + m.group(2));
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    /** Error and info messages chosen in Java (FormMessage, setError, ...) must exist in both languages too. */
    @Test
    void everyOrdreKeyTheCodeNamesExists() throws IOException {
        Set<String> notMessages = new TreeSet<>();
        // Attributes our code sets for the theme's own templates (info.ftl) are template variables too.
        for (Path template : java.util.stream.Stream.of(
                        files(TEMPLATES, ".ftl"), files(ORDRE_THEME.resolve("login"), ".ftl"))
                .flatMap(List::stream)
                .toList()) {
            Matcher m = TEMPLATE_VARIABLE.matcher(Files.readString(template));
            while (m.find()) {
                notMessages.add(m.group(1));
            }
        }
        // User attribute names (OrdreAttributes), realm attribute names (CardConfig), the app's key prefix
        // (ExpertpassApp, its keys are checked by ExpertpassAppTest) and form field names are not messages either.
        for (Path source : java.util.stream.Stream.of(
                        files(JAVA, "OrdreAttributes.java"),
                        files(JAVA, "CardConfig.java"),
                        files(JAVA, "ExpertpassApp.java"))
                .flatMap(List::stream)
                .toList()) {
            Matcher m = JAVA_ORDRE_LITERAL.matcher(Files.readString(source));
            while (m.find()) {
                notMessages.add(m.group(1));
            }
        }
        // Realm attribute names declared as *_ATTRIBUTE constants anywhere are settings, not messages.
        for (Path source : files(JAVA, ".java")) {
            Matcher m =
                    Pattern.compile("_ATTRIBUTE = \"(ordre[A-Z][A-Za-z0-9]*)\"").matcher(Files.readString(source));
            while (m.find()) {
                notMessages.add(m.group(1));
            }
        }
        for (Path template : files(TEMPLATES, ".ftl")) {
            Matcher m = Pattern.compile("name=\"(ordre[A-Z][A-Za-z0-9]*)\"").matcher(Files.readString(template));
            while (m.find()) {
                notMessages.add(m.group(1));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String lang : LANGUAGES) {
            Properties available = available(lang);
            available.putAll(bundle(ORDRE_THEME.resolve("email/messages/messages_" + lang + ".properties")));
            for (Path source : files(JAVA, ".java")) {
                Matcher m = JAVA_ORDRE_LITERAL.matcher(Files.readString(source));
                while (m.find()) {
                    String key = m.group(1);
                    if (!notMessages.contains(key) && !available.containsKey(key)) {
                        missing.add(lang + ": " + source.getFileName() + " names " + key);
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    private static Properties ours(String lang) throws IOException {
        return bundle(RESOURCES.resolve("messages/messages_" + lang + ".properties"));
    }

    /** What a login page sees, as Keycloak merges it: English as last resort, base, keycloak.v2, ordre, ours. */
    private static Properties available(String lang) throws IOException {
        Properties merged = new Properties();
        for (String l : List.of("en", lang)) {
            merged.putAll(classpathBundle("theme/base/login/messages/messages_" + l + ".properties"));
            merged.putAll(classpathBundle("theme/keycloak.v2/login/messages/messages_" + l + ".properties"));
            merged.putAll(bundle(ORDRE_THEME.resolve("login/messages/messages_" + l + ".properties")));
            merged.putAll(ours(l));
        }
        return merged;
    }

    private static Properties bundle(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static Properties classpathBundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return p;
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }
}
