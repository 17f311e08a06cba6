package fr.ordre.comptexpert.expertpass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class ExpertpassLoginConfigTest {

    private static ExpertpassLoginConfig of(Map<String, String> values) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(values);
        return ExpertpassLoginConfig.of(model);
    }

    @Test
    void noConfigMeansTheDefaults() {
        assertEquals(ExpertpassLoginConfig.DEFAULTS, ExpertpassLoginConfig.of(null));
        assertEquals(new ExpertpassLoginConfig(true, 60, 2), of(Map.of()));
    }

    @Test
    void valuesOutsideTheSafeRangeFallBackToTheDefaults() {
        assertEquals(
                new ExpertpassLoginConfig(true, 60, 2),
                of(Map.of("challenge-lifespan-seconds", "600", "code-digits", "1")));
        assertEquals(new ExpertpassLoginConfig(true, 60, 2), of(Map.of("challenge-lifespan-seconds", "x")));
        assertEquals(
                new ExpertpassLoginConfig(false, 5, 3),
                of(Map.of("expertpass-enabled", "false", "challenge-lifespan-seconds", "5", "code-digits", "3")));
    }
}
