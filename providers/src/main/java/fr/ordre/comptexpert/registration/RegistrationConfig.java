package fr.ordre.comptexpert.registration;

import fr.ordre.comptexpert.support.ConfigValue;
import java.util.List;
import java.util.Map;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The registration step's settings (Authentication → flow "ordre registration" → gear), with safe defaults. */
public record RegistrationConfig(
        int linkLifespanSeconds,
        int resendIntervalSeconds,
        int maxTableauPerNetwork,
        int networkWindowSeconds,
        int maxMailsPerEntry,
        int entryWindowSeconds,
        int confirmLinkLifespanSeconds,
        int unconfirmedReleaseSeconds) {

    static final String LINK_LIFESPAN = "link-lifespan-seconds";
    static final String RESEND_INTERVAL = "resend-interval-seconds";
    static final String MAX_TABLEAU_PER_NETWORK = "max-tableau-registrations-per-network";
    static final String NETWORK_WINDOW = "network-window-seconds";
    static final String MAX_MAILS_PER_ENTRY = "max-mails-per-entry";
    static final String ENTRY_WINDOW = "entry-window-seconds";
    static final String CONFIRM_LINK_LIFESPAN = "confirm-link-lifespan-seconds";
    static final String UNCONFIRMED_RELEASE = "unconfirmed-release-seconds";

    static final RegistrationConfig DEFAULTS =
            new RegistrationConfig(86_400, 60, 20, 3_600, 3, 86_400, 604_800, 604_800);

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
            .name(LINK_LIFESPAN)
            .label("Set-password link lifespan (seconds)")
            .helpText("How long the emailed link to create the password stays valid.")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(DEFAULTS.linkLifespanSeconds())
            .add()
            .property()
            .name(RESEND_INTERVAL)
            .label("Minimum delay between two emails (seconds)")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(DEFAULTS.resendIntervalSeconds())
            .add()
            .property()
            .name(MAX_TABLEAU_PER_NETWORK)
            .label("Tableau registrations per client network")
            .helpText("Registrations with a Tableau profile allowed from one IPv4 address or IPv6 /64 per window.")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(DEFAULTS.maxTableauPerNetwork())
            .add()
            .property()
            .name(NETWORK_WINDOW)
            .label("Per-network window (seconds)")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(DEFAULTS.networkWindowSeconds())
            .add()
            .property()
            .name(MAX_MAILS_PER_ENTRY)
            .label("Emails about one Tableau entry")
            .helpText(
                    "Confirmation requests and notices sent about one register entry per window; more are dropped (with an event).")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(DEFAULTS.maxMailsPerEntry())
            .add()
            .property()
            .name(ENTRY_WINDOW)
            .label("Per-entry window (seconds)")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(DEFAULTS.entryWindowSeconds())
            .add()
            .property()
            .name(CONFIRM_LINK_LIFESPAN)
            .label("Tableau confirmation link lifespan (seconds)")
            .helpText("How long the link sent to the address on file to confirm a binding stays valid.")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(DEFAULTS.confirmLinkLifespanSeconds())
            .add()
            .property()
            .name(UNCONFIRMED_RELEASE)
            .label("Release of never-activated bindings (seconds)")
            .helpText(
                    "An account bound to a Tableau entry whose password was never created gives the entry up after this delay.")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(DEFAULTS.unconfirmedReleaseSeconds())
            .add()
            .build();

    /** The settings of the realm's registration step, for a page outside its flow ("Changer de profil"). */
    public static RegistrationConfig ofRealm(RealmModel realm) {
        return realm.getAuthenticationFlowsStream()
                .flatMap(flow -> realm.getAuthenticationExecutionsStream(flow.getId()))
                .filter(e -> RegistrationAuthenticatorFactory.PROVIDER_ID.equals(e.getAuthenticator())
                        && e.getAuthenticatorConfig() != null)
                .map(e -> realm.getAuthenticatorConfigById(e.getAuthenticatorConfig()))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .map(RegistrationConfig::of)
                .orElse(DEFAULTS);
    }

    static RegistrationConfig of(AuthenticatorConfigModel model) {
        Map<String, String> c = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        return new RegistrationConfig(
                ConfigValue.positiveInt(c.get(LINK_LIFESPAN), DEFAULTS.linkLifespanSeconds()),
                ConfigValue.positiveInt(c.get(RESEND_INTERVAL), DEFAULTS.resendIntervalSeconds()),
                ConfigValue.positiveInt(c.get(MAX_TABLEAU_PER_NETWORK), DEFAULTS.maxTableauPerNetwork()),
                ConfigValue.positiveInt(c.get(NETWORK_WINDOW), DEFAULTS.networkWindowSeconds()),
                ConfigValue.positiveInt(c.get(MAX_MAILS_PER_ENTRY), DEFAULTS.maxMailsPerEntry()),
                ConfigValue.positiveInt(c.get(ENTRY_WINDOW), DEFAULTS.entryWindowSeconds()),
                ConfigValue.positiveInt(c.get(CONFIRM_LINK_LIFESPAN), DEFAULTS.confirmLinkLifespanSeconds()),
                ConfigValue.positiveInt(c.get(UNCONFIRMED_RELEASE), DEFAULTS.unconfirmedReleaseSeconds()));
    }
}
