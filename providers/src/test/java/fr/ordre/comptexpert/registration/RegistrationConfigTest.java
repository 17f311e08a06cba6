package fr.ordre.comptexpert.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class RegistrationConfigTest {

    @Test
    void noConfigMeansDefaults() {
        assertEquals(RegistrationConfig.DEFAULTS, RegistrationConfig.of(null));
        assertEquals(RegistrationConfig.DEFAULTS, RegistrationConfig.of(new AuthenticatorConfigModel()));
    }

    @Test
    void badValuesFallBackToDefaultsGoodOnesAreRead() {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(Map.of(
                RegistrationConfig.LINK_LIFESPAN,
                "600",
                RegistrationConfig.MAX_TABLEAU_PER_NETWORK,
                "-3",
                RegistrationConfig.RESEND_INTERVAL,
                "soon"));
        RegistrationConfig config = RegistrationConfig.of(model);
        assertEquals(600, config.linkLifespanSeconds());
        assertEquals(RegistrationConfig.DEFAULTS.maxTableauPerNetwork(), config.maxTableauPerNetwork());
        assertEquals(RegistrationConfig.DEFAULTS.resendIntervalSeconds(), config.resendIntervalSeconds());
    }
}
