package fr.ordre.comptexpert.account;

import fr.ordre.comptexpert.support.AfterCommit;
import fr.ordre.comptexpert.support.RenderedEmail;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Tells the address an account just left that it was replaced. Keycloak's update-email action changes the
 * address only once the new one is verified (event {@code UPDATE_EMAIL}, details {@code previous_email} and
 * {@code updated_email}); someone who had a moment at an unlocked screen could otherwise take the account
 * over through "oublié" without its holder ever hearing of it. The mail is rendered in the request (its
 * theme and language) and sent once the change is committed.
 */
final class AccountNotices implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(AccountNotices.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final KeycloakSession session;

    AccountNotices(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() != EventType.UPDATE_EMAIL || event.getDetails() == null) {
            return;
        }
        String previous = event.getDetails().get(Details.PREVIOUS_EMAIL);
        String updated = event.getDetails().get(Details.UPDATED_EMAIL);
        if (previous == null || previous.isBlank() || previous.equalsIgnoreCase(updated == null ? "" : updated)) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserModel user = realm == null ? null : session.users().getUserById(realm, event.getUserId());
        if (user == null) {
            return;
        }
        try {
            RenderedEmail notice = RenderedEmail.render(
                    session,
                    realm,
                    user,
                    previous,
                    "ordreEmailChangedSubject",
                    "ordre-email-changed.ftl",
                    attributes(realm, user, updated));
            AfterCommit.run(session, () -> send(realm, user.getUsername(), notice));
        } catch (EmailException | RuntimeException e) {
            LOG.errorf(
                    e,
                    "Could not render the 'email changed' notice for user %s in realm %s",
                    user.getUsername(),
                    realm.getName());
        }
    }

    private Map<String, Object> attributes(RealmModel realm, UserModel user, String updated) {
        Locale locale = session.getContext().resolveLocale(user);
        String contact = AccountContact.email(realm);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("firstName", user.getFirstName() == null ? "" : user.getFirstName());
        attributes.put("lastName", user.getLastName() == null ? "" : user.getLastName());
        attributes.put("username", user.getUsername());
        attributes.put("newEmail", mask(updated));
        attributes.put(
                "time",
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                        .withLocale(locale)
                        .format(Instant.now().atZone(PARIS)));
        attributes.put("contactEmail", contact);
        attributes.put(
                "reportSubject",
                URLEncoder.encode("Comptexpert " + user.getUsername(), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
        return attributes;
    }

    /**
     * "m…@exemple.fr": enough for the holder to recognise their own new address, without handing a personal
     * address to whoever now reads the old mailbox (often a former employer's).
     */
    static String mask(String email) {
        if (email == null) {
            return "";
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "…";
        }
        return email.charAt(0) + "…" + email.substring(at);
    }

    private void send(RealmModel realm, String username, RenderedEmail notice) {
        try {
            notice.send(session, realm);
            LOG.debugf(
                    "'Email changed' notice sent to the previous address of user %s in realm %s",
                    username, realm.getName());
        } catch (EmailException e) {
            LOG.warnf(
                    "Could not send the 'email changed' notice of user %s in realm %s: %s",
                    username, realm.getName(), e.getMessage());
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {}

    @Override
    public void close() {}
}
