package fr.ordre.comptexpert.binding;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Listed in the realm's event listeners ("ordre-tableau-binding"): completes an admin's confirmation. */
public final class AdminConfirmationListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "ordre-tableau-binding";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new AdminConfirmationListener(session);
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
