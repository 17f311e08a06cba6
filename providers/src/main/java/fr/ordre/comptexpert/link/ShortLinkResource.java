package fr.ordre.comptexpert.link;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorPage;
import org.keycloak.services.messages.Messages;

/**
 * GET /realms/{realm}/comptexpert/l/{code}: follows a {@link ShortLink} to the signed link it stands for. An
 * unknown or expired code gets the theme's error page ("Ce lien a expiré ou a déjà servi", with the way to ask
 * for a new one), never a stack trace; the answer is the same for a code that never existed.
 */
public final class ShortLinkResource {

    private final KeycloakSession session;

    public ShortLinkResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("{code}")
    public Response follow(@PathParam("code") String code) {
        RealmModel realm = session.getContext().getRealm();
        return ShortLink.target(session, realm, code)
                .map(target -> Response.seeOther(URI.create(target))
                        .header("Cache-Control", "no-store")
                        .header("Referrer-Policy", "no-referrer")
                        .build())
                .orElseGet(() -> ErrorPage.error(session, null, Response.Status.BAD_REQUEST, Messages.EXPIRED_ACTION));
    }
}
