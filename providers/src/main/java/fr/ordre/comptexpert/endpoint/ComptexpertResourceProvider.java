package fr.ordre.comptexpert.endpoint;

import fr.ordre.comptexpert.account.ProfileChangeEntry;
import fr.ordre.comptexpert.card.CardApiResource;
import fr.ordre.comptexpert.card.CardPage;
import fr.ordre.comptexpert.expertpass.ExpertpassAppApi;
import fr.ordre.comptexpert.expertpass.ExpertpassBrowserApi;
import fr.ordre.comptexpert.expertpass.app.ExpertpassApp;
import fr.ordre.comptexpert.help.HelpPage;
import fr.ordre.comptexpert.link.ShortLinkResource;
import fr.ordre.comptexpert.privacy.PrivacyPage;
import jakarta.ws.rs.Path;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** The root of {@code /realms/{realm}/comptexpert}: one sub-resource per feature. */
final class ComptexpertResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    ComptexpertResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return this;
    }

    /** "Aide complète": the help page built from the Ordre's FAQ. */
    @Path("aide")
    public HelpPage help() {
        return new HelpPage(session);
    }

    /** The privacy notice (RGPD): what is kept, why, how long, who sees it, the person's rights. */
    @Path("confidentialite")
    public PrivacyPage privacy() {
        return new PrivacyPage(session);
    }

    /** "Changer de profil": starts the member's profile change (a required action) and returns to the account console. */
    @Path("profil")
    public ProfileChangeEntry profileChange() {
        return new ProfileChangeEntry(session);
    }

    /** Expertpass: the app's API (docs/expertpass-openapi.yml). */
    @Path("expertpass")
    public ExpertpassAppApi expertpass() {
        return new ExpertpassAppApi(session);
    }

    /** Expertpass: the sign-in and enrolment pages' calls (start, wait, rotate), by the page's own tokens. */
    @Path("expertpass/v1/browser")
    public ExpertpassBrowserApi expertpassBrowser() {
        return new ExpertpassBrowserApi(session);
    }

    /** The professional card, fetched by the app with a signed request (Expertpass API v1, docs/card.md). */
    @Path("expertpass/v1/card")
    public CardApiResource card() {
        return new CardApiResource(session);
    }

    /** The Expertpass web app (PWA) for phones, on the API's origin (docs/expertpass-app.md). */
    @Path("app")
    public ExpertpassApp app() {
        return new ExpertpassApp(session);
    }

    /** The public check of a professional card: the page its QR code opens, and the same as JSON. */
    @Path("carte")
    public CardPage cardCheck() {
        return new CardPage(session);
    }

    /** The short links our emails carry, each leading to its signed action-token link. */
    @Path("l")
    public ShortLinkResource shortLink() {
        return new ShortLinkResource(session);
    }

    @Override
    public void close() {}
}
