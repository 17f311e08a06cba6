package fr.ordre.comptexpert.expertpass;

import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Registers the {@value ExpertpassCredentialModel#TYPE} credential type. */
public final class ExpertpassCredentialProviderFactory
        implements CredentialProviderFactory<ExpertpassCredentialProvider> {

    public static final String PROVIDER_ID = "ordre-expertpass";

    @Override
    public CredentialProvider<?> create(KeycloakSession session) {
        return new ExpertpassCredentialProvider(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
