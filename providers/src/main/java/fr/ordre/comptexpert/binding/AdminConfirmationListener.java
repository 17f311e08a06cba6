package fr.ordre.comptexpert.binding;

import fr.ordre.comptexpert.profile.OrdreAttributes;
import fr.ordre.comptexpert.support.DeferredMail;
import fr.ordre.comptexpert.support.RenderedEmail;
import fr.ordre.comptexpert.tableau.RegisterEntry;
import fr.ordre.comptexpert.tableau.TableauRegister;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.Event;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * An admin confirms a pending binding in the admin console by setting the user's attribute
 * {@code ordreTableauBinding} to {@code confirmed} (after checking the person's identity by other means).
 * Admin events reach listeners inside the admin request's transaction, so the binding is completed here, in
 * the same commit: the claimed entry's numéro, conseil and spelling, or back to {@code pending} if the entry
 * is inactive or already held, each with an event.
 */
final class AdminConfirmationListener implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(AdminConfirmationListener.class);

    private final KeycloakSession session;

    AdminConfirmationListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getResourceType() != ResourceType.USER
                || event.getOperationType() != OperationType.UPDATE
                || event.getResourcePath() == null
                || !event.getResourcePath().matches("users/[^/]+")) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserModel user = realm == null
                ? null
                : session.users().getUserById(realm, event.getResourcePath().substring("users/".length()));
        if (user == null
                || !TableauBinding.CONFIRMED.equals(user.getFirstAttribute(OrdreAttributes.TABLEAU_BINDING))
                || user.getFirstAttribute(OrdreAttributes.NUMERO) != null) {
            return;
        }
        String numero = user.getFirstAttribute(OrdreAttributes.TABLEAU_CLAIM);
        EventBuilder userEvent = new EventBuilder(
                        realm, session, session.getContext().getConnection())
                .event(EventType.UPDATE_PROFILE)
                .user(user)
                .detail(Details.USERNAME, user.getUsername())
                .detail(TableauBinding.METHOD, TableauBinding.METHOD_ADMIN)
                .detail(
                        "ordre_admin",
                        event.getAuthDetails() == null
                                ? null
                                : event.getAuthDetails().getUserId())
                .detail("ordre_numero", numero);
        Optional<RegisterEntry> entry = numero == null
                ? Optional.empty()
                : session.getProvider(TableauRegister.class)
                        .findByNumero(numero)
                        .filter(RegisterEntry::isActive);
        if (entry.isEmpty()
                || TableauBinding.holder(session, realm, numero, Integer.MAX_VALUE)
                        .isPresent()) {
            // Nothing to bind to: the account stays pending and the admin sees it did.
            TableauBinding.pending(user, numero);
            LOG.warnf(
                    "Admin confirmation of %s in realm %s refused: claimed entry %s missing, inactive or held",
                    user.getUsername(), realm.getName(), numero);
            userEvent.detail(TableauBinding.DETAIL, "refused").error(Errors.INVALID_REGISTRATION);
            return;
        }
        TableauBinding.confirm(user, entry.get());
        LOG.infof("Tableau entry %s bound to %s in realm %s by an admin", numero, user.getUsername(), realm.getName());
        userEvent.detail(TableauBinding.DETAIL, TableauBinding.CONFIRMED).success();
        entry.get().emailOnFile().ifPresent(address -> notifyOnFile(realm, user, entry.get(), address));
    }

    /** Every binding is told to the address on file: here the member did not take part in it. */
    private void notifyOnFile(RealmModel realm, UserModel user, RegisterEntry entry, String address) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("identifiant", user.getUsername());
        attributes.put("accountEmail", user.getEmail() == null ? "" : user.getEmail());
        attributes.put("firstName", user.getFirstName() == null ? "" : user.getFirstName());
        attributes.put("lastName", user.getLastName() == null ? "" : user.getLastName());
        attributes.put("numero", entry.numero());
        try {
            DeferredMail.send(
                    session,
                    realm,
                    RenderedEmail.render(
                            session,
                            realm,
                            user,
                            address,
                            "ordreTableauBoundSubject",
                            "ordre-tableau-bound.ftl",
                            attributes),
                    null);
        } catch (EmailException | RuntimeException e) {
            LOG.errorf(
                    e, "Could not render the binding notice for entry %s in realm %s", entry.numero(), realm.getName());
        }
    }

    @Override
    public void onEvent(Event event) {}

    @Override
    public void close() {}
}
