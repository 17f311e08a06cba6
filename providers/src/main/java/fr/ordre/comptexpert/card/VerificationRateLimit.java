package fr.ordre.comptexpert.card;

import fr.ordre.comptexpert.support.ClientNetwork;
import fr.ordre.comptexpert.support.FixedWindowLimit;
import org.keycloak.models.KeycloakSession;

/**
 * Verifications per client network (an IPv4 address, an IPv6 /64) over a fixed window, counted exactly across
 * the cluster ({@link FixedWindowLimit}). The client is the connection's address as Keycloak resolves it: the
 * X-Forwarded-For of a proxy listed in {@code KC_PROXY_TRUSTED_ADDRESSES}, else the peer itself
 * (docs/operations.md).
 */
final class VerificationRateLimit {

    private static final String KEY = "ordre-card-rl:";

    private final FixedWindowLimit limit;

    VerificationRateLimit(KeycloakSession session) {
        this.limit = new FixedWindowLimit(session, KEY);
    }

    /** Seconds to wait before the next verification is allowed, 0 if this one is allowed (and counted). */
    long acquire(String clientIp, CardConfig config) {
        return limit.acquire(ClientNetwork.of(clientIp), config.verifyLimit(), config.verifyWindowSeconds());
    }
}
