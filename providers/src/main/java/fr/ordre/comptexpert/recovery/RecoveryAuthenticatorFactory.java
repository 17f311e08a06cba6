package fr.ordre.comptexpert.recovery;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * "Identifiant ou mot de passe oublié": the only step of the realm's reset-credentials flow
 * ("ordre reset credentials"). Emails the identifiant and a set-password link; says the same to everyone.
 */
public final class RecoveryAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "ordre-recovery";

    private volatile Authenticator authenticator;

    @Override
    public Authenticator create(KeycloakSession session) {
        return authenticator;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        authenticator = new RecoveryAuthenticator();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Comptexpert: forgotten identifiant or password";
    }

    @Override
    public String getReferenceCategory() {
        return "reset-credentials";
    }

    @Override
    public String getHelpText() {
        return "Asks for the email (or identifiant) and emails the identifiant with a single-use link to set a new password.";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return RecoveryConfig.PROPERTIES;
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
    public void close() {}
}
