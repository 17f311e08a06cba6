package fr.ordre.comptexpert.registration;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import java.util.List;
import java.util.Map;

/** The registration step's settings (Authentication → flow "ordre registration" → gear), with safe defaults. */
record RegistrationConfig(int linkLifespanSeconds, int maxMatchFailuresPerAttempt, int maxMatchFailuresPerName,
                          int nameWindowSeconds, int resendIntervalSeconds) {

    static final String LINK_LIFESPAN = "link-lifespan-seconds";
    static final String MAX_FAILURES_ATTEMPT = "max-match-failures-per-attempt";
    static final String MAX_FAILURES_NAME = "max-match-failures-per-name";
    static final String NAME_WINDOW = "name-window-seconds";
    static final String RESEND_INTERVAL = "resend-interval-seconds";

    static final RegistrationConfig DEFAULTS = new RegistrationConfig(86_400, 5, 20, 3_600, 60);

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(LINK_LIFESPAN).label("Set-password link lifespan (seconds)")
            .helpText("How long the emailed link to create the password stays valid.")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(DEFAULTS.linkLifespanSeconds()).add()
            .property().name(MAX_FAILURES_ATTEMPT).label("Tableau mismatches per attempt")
            .helpText("Failed register matches allowed in one registration attempt before it is stopped.")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(DEFAULTS.maxMatchFailuresPerAttempt()).add()
            .property().name(MAX_FAILURES_NAME).label("Tableau mismatches per name")
            .helpText("Failed register matches allowed for one nom, all attempts together, within the window below.")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(DEFAULTS.maxMatchFailuresPerName()).add()
            .property().name(NAME_WINDOW).label("Per-name window (seconds)")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(DEFAULTS.nameWindowSeconds()).add()
            .property().name(RESEND_INTERVAL).label("Minimum delay between two emails (seconds)")
            .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(DEFAULTS.resendIntervalSeconds()).add()
            .build();

    static RegistrationConfig of(AuthenticatorConfigModel model) {
        Map<String, String> c = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        return new RegistrationConfig(
                positive(c.get(LINK_LIFESPAN), DEFAULTS.linkLifespanSeconds()),
                positive(c.get(MAX_FAILURES_ATTEMPT), DEFAULTS.maxMatchFailuresPerAttempt()),
                positive(c.get(MAX_FAILURES_NAME), DEFAULTS.maxMatchFailuresPerName()),
                positive(c.get(NAME_WINDOW), DEFAULTS.nameWindowSeconds()),
                positive(c.get(RESEND_INTERVAL), DEFAULTS.resendIntervalSeconds()));
    }

    private static int positive(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            return parsed > 0 ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
