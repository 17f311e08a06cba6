package fr.ordre.comptexpert.expertpass.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExpertpassAppTest {

    @Test
    void everyListedFileIsInTheJarVendoredLibrariesIncluded() throws IOException {
        for (String name : ExpertpassApp.FILES.keySet()) {
            try (InputStream in = ExpertpassApp.class.getResourceAsStream(ExpertpassApp.ROOT + name)) {
                assertNotNull(in, name + " (vendor/ is filled by npm in the providers build)");
                assertTrue(in.readAllBytes().length > 0, name);
            }
        }
    }

    @Test
    void theServiceWorkerKeepsEveryFileOfTheShell() throws IOException {
        String worker;
        try (InputStream in = ExpertpassApp.class.getResourceAsStream(ExpertpassApp.ROOT + "sw.js")) {
            worker = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String name : ExpertpassApp.FILES.keySet()) {
            if (!name.equals("sw.js") && !name.equals("index.html")) {
                assertTrue(worker.contains("\"" + name + "\""), name + " missing from sw.js SHELL");
            }
        }
        assertTrue(worker.contains("\"messages-fr.json\"") && worker.contains("\"messages-en.json\""));
    }

    @Test
    void thePolicyAllowsNothingInlineNorForeign() {
        String csp = ExpertpassApp.CONTENT_SECURITY_POLICY;
        assertTrue(csp.startsWith("default-src 'none';"));
        assertFalse(csp.contains("unsafe"), csp);
        assertFalse(csp.contains("http"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"));
    }

    @Test
    void everyTextTheAppNamesIsInBothBundles() throws IOException {
        java.util.Set<String> named = new java.util.TreeSet<>();
        for (String name : ExpertpassApp.FILES.keySet()) {
            if (name.endsWith(".js") && !name.startsWith("vendor/") || name.endsWith(".html")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                                "\"(" + ExpertpassApp.MESSAGE_PREFIX + "[A-Za-z0-9]+)\"")
                        .matcher(read(ExpertpassApp.ROOT + name));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertTrue(named.size() > 50, named.toString());
        for (String language : java.util.List.of("fr", "en")) {
            java.util.Properties bundle = new java.util.Properties();
            bundle.load(
                    new java.io.StringReader(read("/theme-resources/messages/messages_" + language + ".properties")));
            java.util.List<String> missing =
                    named.stream().filter(k -> !bundle.containsKey(k)).toList();
            assertEquals(java.util.List.of(), missing, language);
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ExpertpassApp.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theAppSitsBesideTheApi() {
        assertEquals(
                "https://h/realms/ordre/comptexpert/app/",
                ExpertpassApp.url("https://h/realms/ordre/comptexpert/expertpass/v1"));
        assertEquals("MessageFormat's l'Ordre", ExpertpassApp.unquote("MessageFormat''s l''Ordre"));
    }
}
