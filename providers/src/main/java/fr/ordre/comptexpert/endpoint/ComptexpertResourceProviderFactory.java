package fr.ordre.comptexpert.endpoint;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts our public pages and APIs under {@code /realms/{realm}/comptexpert/...}. */
public final class ComptexpertResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "comptexpert";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new ComptexpertResourceProvider(session);
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
