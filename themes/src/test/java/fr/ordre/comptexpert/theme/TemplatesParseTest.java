package fr.ordre.comptexpert.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.ordre.comptexpert.theme.Themes.Type;
import freemarker.template.Configuration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every one of our templates parses with the FreeMarker version and settings Keycloak uses. */
class TemplatesParseTest {

    @ParameterizedTest
    @EnumSource(Type.class)
    void everyOrdreTemplateParses(Type type) throws Exception {
        Configuration cfg = Themes.freemarker(type);
        List<String> files = Themes.ordreFiles(type, ".ftl");
        assertTrue(files.size() >= 2, "too few templates found for " + type.dir + ": " + files);

        List<String> failures = new ArrayList<>();
        for (String file : files) {
            try {
                cfg.getTemplate(file);
            } catch (Exception e) {
                failures.add(file + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), failures);
    }
}
