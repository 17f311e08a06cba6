package fr.ordre.comptexpert.card;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

import java.util.Map;

/**
 * Verifications per client IP over a fixed window, counted exactly across the cluster in Keycloak's
 * SingleUseObject store: each allowed verification takes one numbered slot with putIfAbsent (atomic on every
 * node), so at most {@code limit} succeed per window whatever the concurrency. A hint entry remembers the last
 * slot taken, so the usual cost is one read and one insert, and a refusal is a single read.
 */
final class VerificationRateLimit {

    private static final String KEY = "ordre-card-rl:";

    private final SingleUseObjectProvider store;

    VerificationRateLimit(KeycloakSession session) {
        this.store = session.singleUseObjects();
    }

    /** Seconds to wait before the next verification is allowed, 0 if this one is allowed (and counted). */
    long acquire(String clientIp, CardConfig config) {
        long now = System.currentTimeMillis() / 1000;
        int window = config.verifyWindowSeconds();
        long index = now / window;
        long left = (index + 1) * window - now;
        // The window length is part of the key: changing it starts fresh counters rather than misreading old ones.
        String base = KEY + window + ":" + index + ":" + (clientIp == null ? "unknown" : clientIp);
        Map<String, String> hint = store.get(base);
        int next = hint == null ? 1 : parse(hint.get("n")) + 1;
        for (int slot = Math.max(1, next); slot <= config.verifyLimit(); slot++) {
            if (store.putIfAbsent(base + "#" + slot, left + 1)) {
                store.put(base, left + 1, Map.of("n", Integer.toString(slot)));
                return 0;
            }
        }
        return Math.max(1, left);
    }

    private static int parse(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
