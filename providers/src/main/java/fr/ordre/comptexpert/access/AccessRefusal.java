package fr.ordre.comptexpert.access;

import java.util.Locale;
import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The record every refusal leaves: a Keycloak event (user, client, profile) and a warning in the log. */
final class AccessRefusal {

    /** Event error of every refusal, whatever the way in (browser, broker, code exchange, refresh). */
    static final String EVENT_ERROR = "ordre_profile_not_allowed";

    static final String DETAIL_PROFILE = "ordre_profile";
    /** profile_not_allowed or not_on_register. */
    static final String DETAIL_REASON = "ordre_reason";

    static final String NO_PROFILE = "none";

    private static final Logger LOG = Logger.getLogger(AccessRefusal.class);

    private AccessRefusal() {}

    static void record(
            EventBuilder event,
            RealmModel realm,
            ClientModel client,
            UserModel user,
            AccessDecision decision,
            String way) {
        String profile = decision.profileId() == null ? NO_PROFILE : decision.profileId();
        String reason = decision.outcome().name().toLowerCase(Locale.ROOT);
        LOG.warnf(
                "Access refused (%s): user %s, profile %s, client %s, realm %s, reason %s",
                way, user.getUsername(), profile, client.getClientId(), realm.getName(), reason);
        event.realm(realm)
                .client(client)
                .user(user)
                .detail(Details.USERNAME, user.getUsername())
                .detail(DETAIL_PROFILE, profile)
                .detail(DETAIL_REASON, reason)
                .error(EVENT_ERROR);
    }

    static void logGranted(RealmModel realm, ClientModel client, UserModel user, AccessDecision decision, String way) {
        if (LOG.isDebugEnabled()) {
            LOG.debugf(
                    "Access %s (%s): user %s, profile %s, client %s, realm %s",
                    decision.outcome(),
                    way,
                    user.getUsername(),
                    decision.profileId(),
                    client.getClientId(),
                    realm.getName());
        }
    }
}
