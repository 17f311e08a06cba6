package fr.ordre.comptexpert.account;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Event listener "ordre-account-notices", named in the realm's event listeners (Realm settings → Events). */
public final class AccountNoticesFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "ordre-account-notices";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new AccountNotices(session);
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
