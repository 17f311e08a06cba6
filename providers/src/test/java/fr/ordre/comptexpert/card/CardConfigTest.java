package fr.ordre.comptexpert.card;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CardConfigTest {

    @Test
    void emptyConfigGivesTheDefaults() {
        assertEquals(new CardConfig(3600, 60, 60), CardConfig.of(Map.<String, String>of()::get));
    }

    @Test
    void badValuesFallBackAndLifespanIsCapped() {
        CardConfig config = CardConfig.of(Map.of(
                CardConfig.LIFESPAN, "999999", CardConfig.VERIFY_LIMIT, "-3", CardConfig.VERIFY_WINDOW, "soon")::get);
        assertEquals(new CardConfig(CardConfig.MAX_LIFESPAN, 60, 60), config);
        assertEquals(2, CardConfig.of(Map.of(CardConfig.LIFESPAN, " 2 ")::get).lifespanSeconds());
    }

    @Test
    void zeroBlankAndNumbersBeyondAnIntFallBackRatherThanCap() {
        CardConfig config = CardConfig.of(Map.of(
                CardConfig.LIFESPAN, "99999999999", CardConfig.VERIFY_LIMIT, "0", CardConfig.VERIFY_WINDOW, " ")::get);
        assertEquals(CardConfig.DEFAULTS, config);
        assertEquals(
                new CardConfig(3600, 100_000, 86_400),
                CardConfig.of(Map.of(CardConfig.VERIFY_LIMIT, "100001", CardConfig.VERIFY_WINDOW, "86401")::get));
    }
}
