package fr.ordre.comptexpert.expertpass;

import fr.ordre.comptexpert.support.RealmPath;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;

/** Where the Expertpass API lives ({@code /realms/{realm}/comptexpert/expertpass/v1}) and whom a phone talks to. */
final class ExpertpassUrls {

    static final String VERSION = "v1";

    private ExpertpassUrls() {}

    /** The API's base URL for this request's host. */
    static String apiBase(KeycloakSession session, RealmModel realm) {
        return RealmPath.realmBase(session, realm) + "/comptexpert/expertpass/" + VERSION;
    }

    /**
     * The realm's issuer as tokens carry it ({@code Urls.realmIssuer}): the server a phone enrols with and the one
     * its decisions must name. Behind the configured hostname it does not depend on the request's Host.
     */
    static String issuer(KeycloakSession session, RealmModel realm) {
        return Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName());
    }
}
