package fr.ordre.comptexpert.account;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** "Changer de profil": a required action started by the member (kc_action), from /comptexpert/profil. */
public final class ProfileChangeActionFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = "ordre-profile-change";

    private static final ProfileChangeAction SINGLETON = new ProfileChangeAction();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "Changer de profil";
    }

    @Override
    public boolean isOneTimeAction() {
        return true;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}
}
