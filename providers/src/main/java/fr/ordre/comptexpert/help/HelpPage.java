package fr.ordre.comptexpert.help;

import fr.ordre.comptexpert.expertpass.app.AppLinks;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.Urls;

/**
 * GET /realms/{realm}/comptexpert/aide: public, rendered by the realm's login theme in the visitor's language.
 * {@code back}: the sign-in page the person came from (the footer passes the flow's restart URL), offered as the
 * way back; only this realm's restart URL is accepted, so the page links nowhere else.
 */
public final class HelpPage {

    static final String TEMPLATE = "ordre-help.ftl";
    private static final int MAX_BACK_LENGTH = 2048;

    private final KeycloakSession session;

    public HelpPage(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response render(@QueryParam("back") String back) {
        LoginFormsProvider form = session.getProvider(LoginFormsProvider.class)
                .setAttribute(
                        AppLinks.ATTRIBUTE,
                        AppLinks.of(session, session.getContext().getRealm()));
        if (isRestartOfThisRealm(back)) {
            form.setAttribute("ordreHelpBack", back);
        }
        return form.createForm(TEMPLATE);
    }

    private boolean isRestartOfThisRealm(String back) {
        if (back == null || back.length() > MAX_BACK_LENGTH) {
            return false;
        }
        String restart = Urls.realmLoginRestartPage(
                        session.getContext().getUri().getBaseUri(),
                        session.getContext().getRealm().getName(),
                        false)
                .toString();
        return back.equals(restart) || back.startsWith(restart + "?");
    }
}
