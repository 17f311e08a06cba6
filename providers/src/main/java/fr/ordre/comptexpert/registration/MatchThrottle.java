package fr.ordre.comptexpert.registration;

import fr.ordre.comptexpert.register.NameNormalizer;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

import java.util.Map;

/**
 * Makes guessing a member's birth date impractical: failed register matches are counted per registration
 * attempt (authentication session) and per nom across all attempts, in Keycloak's cluster-wide
 * single-use store, over a fixed window.
 */
final class MatchThrottle {

    private static final String KEY = "ordre-reg-mismatch:";

    private final KeycloakSession session;
    private final RegistrationConfig config;

    MatchThrottle(KeycloakSession session, RegistrationConfig config) {
        this.session = session;
        this.config = config;
    }

    boolean locked(RegistrationState state, String nom) {
        return state.failures() >= config.maxMatchFailuresPerAttempt()
                || failuresFor(nom) >= config.maxMatchFailuresPerName();
    }

    void failed(RegistrationState state, String nom) {
        state.failed();
        SingleUseObjectProvider store = session.singleUseObjects();
        String key = key(nom);
        Map<String, String> current = store.get(key);
        long now = System.currentTimeMillis() / 1000;
        long start = current == null ? now : Long.parseLong(current.getOrDefault("start", Long.toString(now)));
        long remaining = Math.max(1, start + config.nameWindowSeconds() - now);
        int count = current == null ? 1 : Integer.parseInt(current.getOrDefault("n", "0")) + 1;
        store.put(key, remaining, Map.of("n", Integer.toString(count), "start", Long.toString(start)));
    }

    private int failuresFor(String nom) {
        Map<String, String> current = session.singleUseObjects().get(key(nom));
        return current == null ? 0 : Integer.parseInt(current.getOrDefault("n", "0"));
    }

    private static String key(String nom) {
        return KEY + NameNormalizer.normalize(nom);
    }
}
