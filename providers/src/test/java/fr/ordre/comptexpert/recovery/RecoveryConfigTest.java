package fr.ordre.comptexpert.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class RecoveryConfigTest {

    private static RecoveryConfig of(Map<String, String> values) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(values);
        return RecoveryConfig.of(model);
    }

    @Test
    void noConfigMeansTheDefaults() {
        assertEquals(new RecoveryConfig(1_800, 300, 250), RecoveryConfig.of(null));
        assertEquals(RecoveryConfig.DEFAULTS, RecoveryConfig.of(new AuthenticatorConfigModel()));
        assertEquals(RecoveryConfig.DEFAULTS, of(Map.of()));
    }

    @Test
    void positiveValuesAreReadAndTheRestFallsBack() {
        assertEquals(
                new RecoveryConfig(600, 1, 0),
                of(Map.of(
                        "link-lifespan-seconds", " 600 ", "request-window-seconds", "1", "answer-floor-millis", "0")));
        assertEquals(250, of(Map.of("answer-floor-millis", "60000")).answerFloorMillis(), "above 2 s: the default");
        assertEquals(RecoveryConfig.DEFAULTS, of(Map.of("link-lifespan-seconds", "0", "request-window-seconds", "-5")));
        assertEquals(
                RecoveryConfig.DEFAULTS, of(Map.of("link-lifespan-seconds", "  ", "request-window-seconds", "5m")));
    }
}
