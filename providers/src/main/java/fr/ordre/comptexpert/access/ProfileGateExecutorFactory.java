package fr.ordre.comptexpert.access;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/** Client policy executor: access by profile at code exchange and refresh (wired to every client in the realm). */
public final class ProfileGateExecutorFactory implements ClientPolicyExecutorProviderFactory {

    public static final String PROVIDER_ID = "ordre-profile-gate-executor";

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new ProfileGateExecutor(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Refuses the code exchange and the token refresh (invalid_grant) when the user's profile may not use the "
                + "client (client role 'acces'), or a Tableau member is no longer active on the register.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}
}
