package fr.ordre.comptexpert.expertpass;

import java.util.List;
import java.util.Set;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * "Username Password Form + Expertpass": Keycloak's form with the Expertpass QR panel beside it. Bound in
 * flow "ordre browser forms" in place of auth-username-password-form; everything after it runs unchanged.
 */
public final class ExpertpassLoginFormFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "ordre-expertpass-password-form";

    @Override
    public Authenticator create(KeycloakSession session) {
        return new ExpertpassLoginForm(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Username Password Form + Expertpass";
    }

    @Override
    public String getReferenceCategory() {
        return "password";
    }

    /** The account console lists a credential type only when an enabled flow step names it: the phones. */
    @Override
    public Set<String> getOptionalReferenceCategories(KeycloakSession session) {
        return Set.of(ExpertpassCredentialModel.TYPE);
    }

    @Override
    public String getHelpText() {
        return "The username and password form, with a QR code to sign in with the Expertpass app instead.";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ExpertpassLoginConfig.PROPERTIES;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // The cluster is up once migrations ran: from then on this node hears the wake-ups of the others.
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, ExpertpassWakeups.INSTANCE::register);
            }
        });
    }

    @Override
    public void close() {}
}
