package fr.ordre.comptexpert.card;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.keycloak.models.KeycloakSession;

/**
 * The short reference a card's QR code carries instead of the card itself: {@code ordre-card:<jti>} in
 * Keycloak's SingleUseObject store (cluster-wide, expiring) holds the JWS. A signed card is 700 to 1,000
 * characters with RS256; its reference keeps the QR at version 5 (37×37), easy for any phone camera at a
 * glance from another phone's screen. Kept an hour past the card's expiry, so a late scan still hears
 * "expired" rather than "unknown".
 */
final class CardReferences {

    static final String KEY = "ordre-card:";
    static final int KEEP_AFTER_EXPIRY_SECONDS = 3_600;
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final KeycloakSession session;

    CardReferences(KeycloakSession session) {
        this.session = session;
    }

    static boolean isReference(String value) {
        return value != null && REFERENCE.matcher(value).matches();
    }

    void save(ProfessionalCard card, String jws) {
        long lifespan = Math.max(1, card.expiresAt() - System.currentTimeMillis() / 1000) + KEEP_AFTER_EXPIRY_SECONDS;
        session.singleUseObjects().put(KEY + card.id(), lifespan, Map.of("card", jws));
    }

    Optional<String> find(String reference) {
        Map<String, String> entry = session.singleUseObjects().get(KEY + reference);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.get("card"));
    }
}
