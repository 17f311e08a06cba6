package fr.ordre.comptexpert.card;

import fr.ordre.comptexpert.support.ConfigValue;
import java.util.function.Function;
import org.keycloak.models.RealmModel;

/**
 * The card's settings, read per request from realm attributes (Realm settings → attributes through the Admin
 * REST API, or the realm import file): ops tune them per realm without a restart, and every node sees the
 * same value at once.
 *
 * @param lifespanSeconds     how long a card is valid after issue; the app refreshes it
 * @param verifyLimit         verifications allowed per client IP in one window
 * @param verifyWindowSeconds the rate-limit window
 */
record CardConfig(int lifespanSeconds, int verifyLimit, int verifyWindowSeconds) {

    static final String LIFESPAN = "ordreCardLifespanSeconds";
    static final String VERIFY_LIMIT = "ordreCardVerifyLimit";
    static final String VERIFY_WINDOW = "ordreCardVerifyWindowSeconds";

    static final CardConfig DEFAULTS = new CardConfig(3_600, 60, 60);
    /** A card lives at most a day: it attests a live register, a longer one would be a stale snapshot. */
    static final int MAX_LIFESPAN = 86_400;

    static CardConfig of(RealmModel realm) {
        return of(realm::getAttribute);
    }

    static CardConfig of(Function<String, String> attributes) {
        return new CardConfig(
                ConfigValue.positiveIntAtMost(attributes.apply(LIFESPAN), MAX_LIFESPAN, DEFAULTS.lifespanSeconds()),
                ConfigValue.positiveIntAtMost(attributes.apply(VERIFY_LIMIT), 100_000, DEFAULTS.verifyLimit()),
                ConfigValue.positiveIntAtMost(attributes.apply(VERIFY_WINDOW), 86_400, DEFAULTS.verifyWindowSeconds()));
    }
}
