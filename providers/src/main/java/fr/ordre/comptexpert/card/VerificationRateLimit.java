package fr.ordre.comptexpert.card;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Verifications per client IP over a fixed window, counted exactly across the cluster in Keycloak's
 * SingleUseObject store: each allowed verification takes one numbered slot with putIfAbsent (atomic on every
 * node), so at most {@code limit} succeed per window whatever the concurrency. A hint entry remembers the last
 * slot taken, so the usual cost is one read and one insert, and a refusal is a single read.
 * <p>
 * The client is the connection's address as Keycloak resolves it: the X-Forwarded-For of a proxy listed in
 * {@code KC_PROXY_TRUSTED_ADDRESSES}, else the peer itself (docs/operations.md). IPv4 counts per address, IPv6 per
 * /64: one subscriber usually holds a whole /64, and counting per /128 would give them 2^64 counters.
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
        String base = KEY + window + ":" + index + ":" + client(clientIp);
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

    /** What the limit counts: an IPv4 address, or an IPv6 address's /64 ({@code 2001:db8:1:2::/64}). */
    static String client(String ip) {
        // Only literals are parsed (a name would make InetAddress look it up): dotted IPv4, or IPv6 with its colons.
        if (ip == null || !(ip.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || ip.contains(":") && ip.matches("[0-9A-Fa-f:.]{2,45}"))) {
            return "unknown";
        }
        try {
            InetAddress address = InetAddress.getByName(ip);
            if (address instanceof Inet6Address) {
                byte[] b = address.getAddress();
                StringBuilder prefix = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    prefix.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
                }
                return prefix + ":/64";
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    private static int parse(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
