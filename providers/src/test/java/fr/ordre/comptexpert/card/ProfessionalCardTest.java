package fr.ordre.comptexpert.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfessionalCardTest {

    private static final ProfessionalCard CARD = new ProfessionalCard(
            "https://x/realms/ordre",
            "u-1",
            "abc",
            100,
            3700,
            "Lefèvre-Dupont",
            "Marie Hélène",
            "expert-comptable",
            "IDF-100001",
            "Île-de-France",
            ProfessionalCard.INSCRIT);

    @Test
    void claimsRoundTrip() {
        assertEquals(CARD, ProfessionalCard.from(CARD.claims()));
    }

    @Test
    void aPermanentCardHasNoNumero() {
        ProfessionalCard permanent = new ProfessionalCard(
                "i", "u", "j", 1, 2, "N", "P", "permanent", null, null, ProfessionalCard.PERMANENT);
        assertFalse(permanent.claims().containsKey("numero"));
        assertEquals(permanent, ProfessionalCard.from(permanent.claims()));
    }

    @Test
    void incompleteOrMistypedClaimsAreNotACard() {
        Map<String, Object> noNumero = new HashMap<>(CARD.claims());
        noNumero.remove("numero");
        assertNull(ProfessionalCard.from(noNumero));
        Map<String, Object> textExp = new HashMap<>(CARD.claims());
        textExp.put("exp", "tomorrow");
        assertNull(ProfessionalCard.from(textExp));
        Map<String, Object> otherStatus = new HashMap<>(CARD.claims());
        otherStatus.put("statut", "radie");
        assertNull(ProfessionalCard.from(otherStatus));
    }

    @Test
    void claimsNeverCarryPrivateData() {
        for (String key : CARD.claims().keySet()) {
            assertFalse(key.contains("birth") || key.contains("email") || key.contains("username"), key);
        }
    }
}
