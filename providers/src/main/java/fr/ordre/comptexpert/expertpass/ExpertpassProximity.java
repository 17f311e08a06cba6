package fr.ordre.comptexpert.expertpass;

import fr.ordre.comptexpert.support.ClientNetwork;
import java.util.Locale;
import org.keycloak.models.RealmModel;

/**
 * The proximity signal: whether the phone that decides a sign-in is on the network of the browser that shows its QR
 * (same IPv4 address, or same IPv6 /64, as Keycloak reads the client address: behind a trusted proxy, its
 * X-Forwarded-For). A relayed QR is usually approved from somewhere else than the attacker's browser; a member on
 * 4G beside an office computer is too, so the default is to warn, and a realm may choose to refuse.
 */
enum ExpertpassProximity {
    WARN,
    REFUSE;

    /** Realm attribute: {@code warn} (default) or {@code refuse}. */
    static final String REALM_ATTRIBUTE = "ordreExpertpassProximity";
    /** The event detail that records it: {@code same} or {@code different}. */
    static final String DETAIL = "ordre_expertpass_network";

    static ExpertpassProximity of(RealmModel realm) {
        String value = realm.getAttribute(REALM_ATTRIBUTE);
        return value != null && "refuse".equals(value.strip().toLowerCase(Locale.ROOT)) ? REFUSE : WARN;
    }

    /** The network a challenge records for its browser. */
    static String network(String address) {
        return ClientNetwork.of(address);
    }

    /** Whether the phone at {@code phoneAddress} is on {@code browserNetwork}; an unreadable address is never. */
    static boolean sameNetwork(String browserNetwork, String phoneAddress) {
        String phone = ClientNetwork.of(phoneAddress);
        return browserNetwork != null && !"unknown".equals(phone) && phone.equals(browserNetwork);
    }

    static String detail(boolean same) {
        return same ? "same" : "different";
    }
}
