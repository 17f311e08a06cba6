package fr.ordre.comptexpert.help;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;

/** GET /realms/{realm}/comptexpert/aide: public, rendered by the realm's login theme in the visitor's language. */
public final class HelpPage {

    static final String TEMPLATE = "ordre-help.ftl";

    private final KeycloakSession session;

    public HelpPage(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response render() {
        return session.getProvider(LoginFormsProvider.class).createForm(TEMPLATE);
    }
}
