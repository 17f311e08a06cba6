package fr.ordre.comptexpert.recovery;

import fr.ordre.comptexpert.support.ConfigValue;
import java.util.List;
import java.util.Map;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Settings of "Identifiant ou mot de passe oublié", with safe defaults. */
record RecoveryConfig(int linkLifespanSeconds, int requestWindowSeconds, int answerFloorMillis) {

    static final String LINK_LIFESPAN = "link-lifespan-seconds";
    static final String REQUEST_WINDOW = "request-window-seconds";
    static final String ANSWER_FLOOR = "answer-floor-millis";

    static final RecoveryConfig DEFAULTS = new RecoveryConfig(1_800, 300, 250);

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
            .name(LINK_LIFESPAN)
            .label("Link lifespan (seconds)")
            .helpText("How long the emailed link to set a new password stays valid.")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(DEFAULTS.linkLifespanSeconds())
            .add()
            .property()
            .name(REQUEST_WINDOW)
            .label("One email per account per (seconds)")
            .helpText("Further requests for the same account within this window send nothing and look the same.")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(DEFAULTS.requestWindowSeconds())
            .add()
            .property()
            .name(ANSWER_FLOOR)
            .label("Answer after at least (milliseconds)")
            .helpText("The form's answer waits until this long after the request, whether the address is known or"
                    + " not, so that its time tells nothing. Above the slowest known request: 0 to 2000.")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(DEFAULTS.answerFloorMillis())
            .add()
            .build();

    static RecoveryConfig of(AuthenticatorConfigModel model) {
        Map<String, String> c = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        return new RecoveryConfig(
                ConfigValue.positiveInt(c.get(LINK_LIFESPAN), DEFAULTS.linkLifespanSeconds()),
                ConfigValue.positiveInt(c.get(REQUEST_WINDOW), DEFAULTS.requestWindowSeconds()),
                ConfigValue.intBetween(c.get(ANSWER_FLOOR), 0, 2_000, DEFAULTS.answerFloorMillis()));
    }
}
