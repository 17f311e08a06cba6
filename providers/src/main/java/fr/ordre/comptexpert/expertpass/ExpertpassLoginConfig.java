package fr.ordre.comptexpert.expertpass;

import fr.ordre.comptexpert.support.ConfigValue;
import java.util.List;
import java.util.Map;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The sign-in step's Expertpass settings (flow "ordre browser forms" → gear), with safe defaults. */
record ExpertpassLoginConfig(boolean enabled, int challengeLifespanSeconds, int codeDigits) {

    static final String ENABLED = "expertpass-enabled";
    static final String CHALLENGE_LIFESPAN = "challenge-lifespan-seconds";
    static final String CODE_DIGITS = "code-digits";

    static final ExpertpassLoginConfig DEFAULTS = new ExpertpassLoginConfig(true, 60, 2);

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
            .name(ENABLED)
            .label("Offer Expertpass")
            .helpText("Show the Expertpass QR code beside the password form.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue(Boolean.toString(DEFAULTS.enabled()))
            .add()
            .property()
            .name(CHALLENGE_LIFESPAN)
            .label("QR lifespan (seconds)")
            .helpText("How long one sign-in QR code is valid; the page shows a new one when it ends. 5 to 60.")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(DEFAULTS.challengeLifespanSeconds())
            .add()
            .property()
            .name(CODE_DIGITS)
            .label("Matching code digits")
            .helpText("Digits of the number the user confirms in the app: 2 or 3.")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(DEFAULTS.codeDigits())
            .add()
            .build();

    static ExpertpassLoginConfig of(AuthenticatorConfigModel model) {
        Map<String, String> c = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        return new ExpertpassLoginConfig(
                ConfigValue.bool(c.get(ENABLED), DEFAULTS.enabled()),
                ConfigValue.intBetween(c.get(CHALLENGE_LIFESPAN), 5, 60, DEFAULTS.challengeLifespanSeconds()),
                ConfigValue.intBetween(c.get(CODE_DIGITS), 2, 3, DEFAULTS.codeDigits()));
    }
}
