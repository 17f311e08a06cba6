package fr.ordre.comptexpert.registration;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The Comptexpert registration: profile and identity, Tableau check, identifiant, then a set-password link
 * by email. Bound as the only step of the realm's registration flow ("ordre registration").
 */
public final class RegistrationAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "ordre-registration";

    /** Ages are counted in the Ordre's time zone, not the server's. */
    private static final Clock PARIS = Clock.system(ZoneId.of("Europe/Paris"));

    private static final Authenticator SINGLETON = new RegistrationAuthenticator(PARIS);

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Comptexpert registration";
    }

    @Override
    public String getReferenceCategory() {
        return "registration";
    }

    @Override
    public String getHelpText() {
        return "Profile, nom, date de naissance; Tableau check for regulated profiles; identifiant; password created from an emailed link.";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return RegistrationConfig.PROPERTIES;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}
}
