package fr.ordre.comptexpert.privacy;

import fr.ordre.comptexpert.account.AccountContact;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * GET /realms/{realm}/comptexpert/confidentialite: the privacy notice (RGPD), public, rendered by the realm's
 * login theme in the visitor's language. The figures that ops can change (how long sign-in events are kept,
 * whom to write to) are read from the realm, so the page never contradicts the configuration.
 */
public final class PrivacyPage {

    static final String TEMPLATE = "ordre-privacy.ftl";
    private static final long SECONDS_PER_DAY = 86_400;

    private final KeycloakSession session;

    public PrivacyPage(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response render() {
        RealmModel realm = session.getContext().getRealm();
        return session.getProvider(LoginFormsProvider.class)
                .setAttribute("ordreContactEmail", AccountContact.email(realm))
                .setAttribute("ordreEventsDays", eventsDays(realm))
                .createForm(TEMPLATE);
    }

    /** Days Keycloak keeps sign-in events (0: kept until an admin clears them). */
    static long eventsDays(RealmModel realm) {
        Long seconds = realm.getEventsExpiration();
        return seconds == null || seconds <= 0 ? 0 : Math.max(1, seconds / SECONDS_PER_DAY);
    }
}
