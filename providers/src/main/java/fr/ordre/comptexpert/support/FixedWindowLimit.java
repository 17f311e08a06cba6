package fr.ordre.comptexpert.support;

import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * At most {@code limit} actions per key and fixed window, counted exactly across the cluster in Keycloak's
 * single-use store: each allowed action takes one numbered slot with putIfAbsent (atomic on every node), so
 * parallel requests cannot lose counts. A hint entry remembers the last slot taken, so the usual cost is one
 * read and one insert, and a refusal is a single read.
 */
public final class FixedWindowLimit {

    private final SingleUseObjectProvider store;
    private final String prefix;

    /** @param prefix names the limit in the store's keys, e.g. {@code "ordre-reg-net:"} */
    public FixedWindowLimit(KeycloakSession session, String prefix) {
        this.store = session.singleUseObjects();
        this.prefix = prefix;
    }

    /** Seconds to wait before the next action is allowed; 0 if this one is allowed (and counted). */
    public long acquire(String key, int limit, int windowSeconds) {
        long now = System.currentTimeMillis() / 1000;
        long index = now / windowSeconds;
        long left = (index + 1) * windowSeconds - now;
        // The window length is part of the key: changing it starts fresh counters rather than misreading old ones.
        String base = prefix + windowSeconds + ":" + index + ":" + key;
        Map<String, String> hint = store.get(base);
        int next = hint == null ? 1 : parse(hint.get("n")) + 1;
        for (int slot = Math.max(1, next); slot <= limit; slot++) {
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
