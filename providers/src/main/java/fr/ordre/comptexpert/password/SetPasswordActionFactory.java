package fr.ordre.comptexpert.password;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** "Créez votre mot de passe": the page a set-password link opens (registration and recovery). */
public final class SetPasswordActionFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = "ordre-set-password";

    private static final SetPasswordAction SINGLETON = new SetPasswordAction();

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
        return "Créer son mot de passe (lien Comptexpert)";
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
