package fr.ordre.comptexpert.access;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** "Ordre: access by profile": place it REQUIRED after the step that identifies the user. */
public final class ProfileGateAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "ordre-profile-gate";

    private static final ProfileGateAuthenticator SINGLETON = new ProfileGateAuthenticator();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Ordre: access by profile";
    }

    @Override
    public String getReferenceCategory() {
        return "ordre-access";
    }

    @Override
    public String getHelpText() {
        return "Lets the user into a client only if one of their profile groups (/profils/...) holds the client's role "
                + "'acces'; clients without that role are open. Members entitled through a Tableau profile must be "
                + "active on the register. Refusals show a 403 page and emit an event (error ordre_profile_not_allowed).";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {
            AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED
        };
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}
}
