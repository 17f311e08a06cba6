package fr.ordre.comptexpert.tableau.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileRegisterConfigTest {

    @Test
    void emptyConfigGivesDefaults() {
        FileRegisterConfig config = FileRegisterConfig.from(new MapScope(Map.of()));
        assertTrue(config.path().isEmpty());
        assertEquals(Duration.ofSeconds(10), config.reloadInterval());
    }

    @Test
    void nullScopeGivesDefaults() {
        FileRegisterConfig config = FileRegisterConfig.from(null);
        assertTrue(config.path().isEmpty());
        assertEquals(Duration.ofSeconds(FileRegisterConfig.DEFAULT_RELOAD_INTERVAL_SECONDS), config.reloadInterval());
    }

    @Test
    void valuesAreRead() {
        FileRegisterConfig config = FileRegisterConfig.from(
                new MapScope(Map.of("path", " /opt/keycloak/data/tableau.csv ", "reload-interval", "0")));
        assertEquals(Path.of("/opt/keycloak/data/tableau.csv"), config.path().orElseThrow());
        assertEquals(Duration.ZERO, config.reloadInterval());
    }

    @Test
    void blankPathMeansUnset() {
        assertTrue(FileRegisterConfig.from(new MapScope(Map.of("path", "  ")))
                .path()
                .isEmpty());
    }

    @Test
    void badIntervalFallsBackToDefault() {
        assertEquals(
                Duration.ofSeconds(10),
                FileRegisterConfig.from(new MapScope(Map.of("reload-interval", "ten")))
                        .reloadInterval());
        assertEquals(
                Duration.ofSeconds(10),
                FileRegisterConfig.from(new MapScope(Map.of("reload-interval", "-5")))
                        .reloadInterval());
        assertEquals(
                Duration.ofSeconds(10),
                FileRegisterConfig.from(new MapScope(Map.of("reload-interval", "99999999999999999999")))
                        .reloadInterval());
    }

    @Test
    void intervalIsReadWithoutSpacesAndBlankMeansTheDefault() {
        assertEquals(
                Duration.ofSeconds(30),
                FileRegisterConfig.from(new MapScope(Map.of("reload-interval", " 30 ")))
                        .reloadInterval());
        assertEquals(
                Duration.ofSeconds(10),
                FileRegisterConfig.from(new MapScope(Map.of("reload-interval", " ")))
                        .reloadInterval());
    }
}
