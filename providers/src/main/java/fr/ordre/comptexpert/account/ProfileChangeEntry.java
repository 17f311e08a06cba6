package fr.ordre.comptexpert.account;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocolService;

/**
 * GET /realms/{realm}/comptexpert/profil: a stable link (account console's applications, the refusal page, the
 * help) that starts "Changer de profil" as an application-initiated action of Keycloak's own account client,
 * so the member signs in if needed and lands back in the account console afterwards.
 */
public final class ProfileChangeEntry {

    private final KeycloakSession session;

    public ProfileChangeEntry(KeycloakSession session) {
        this.session = session;
    }

    @GET
    public Response start() {
        RealmModel realm = session.getContext().getRealm();
        URI base = session.getContext().getUri().getBaseUri();
        String account = UriBuilder.fromUri(base)
                .path("realms")
                .path(realm.getName())
                .path("account")
                .path("/")
                .build()
                .toString();
        URI auth = OIDCLoginProtocolService.authUrl(UriBuilder.fromUri(base))
                .queryParam("client_id", Constants.ACCOUNT_MANAGEMENT_CLIENT_ID)
                .queryParam("redirect_uri", account)
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam(Constants.KC_ACTION, ProfileChangeActionFactory.PROVIDER_ID)
                .build(realm.getName());
        return Response.seeOther(auth).build();
    }
}
