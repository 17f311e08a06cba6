package fr.ordre.comptexpert.expertpass;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** "Activer Expertpass": a required action, also started from the account console (kc_action). */
public final class ExpertpassEnrolActionFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = "ordre-expertpass-enrol";

    private static final ExpertpassEnrolAction SINGLETON = new ExpertpassEnrolAction();

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
        return "Activer Expertpass";
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
