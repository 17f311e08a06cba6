package fr.ordre.comptexpert.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.ordre.comptexpert.profile.OrdreProfile;
import fr.ordre.comptexpert.tableau.RegisterEntry;
import fr.ordre.comptexpert.tableau.RegisterList;
import fr.ordre.comptexpert.tableau.RegisterStatus;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CardStandingTest {

    private static final OrdreProfile EXPERT = new OrdreProfile(
            "expert-comptable",
            "Expert-comptable",
            "Chartered accountant",
            10,
            Set.of(RegisterList.EXPERT_COMPTABLE),
            true,
            true,
            false,
            "g1");
    private static final OrdreProfile PERMANENT =
            new OrdreProfile("permanent", "Permanent de l'Ordre", "Staff", 110, Set.of(), true, false, false, "g2");
    private static final ProfessionalCard CARD = new ProfessionalCard(
            "iss",
            "user",
            "jti",
            0,
            10,
            "Moreau",
            "Camille",
            "expert-comptable",
            "CVL-100013",
            "Centre-Val de Loire",
            ProfessionalCard.INSCRIT);

    private static Optional<RegisterEntry> entry(RegisterList list, RegisterStatus status) {
        return Optional.of(new RegisterEntry(
                "CVL-100013",
                "Moreau",
                null,
                "Camille",
                LocalDate.of(1993, 8, 8),
                list,
                "Centre-Val de Loire",
                status,
                null));
    }

    private static String refusal(Optional<RegisterEntry> entry) {
        return CardStanding.refusal(
                CARD, Optional.of(EXPERT), true, true, "expert-comptable", "cvl 100013".replace(' ', '-'), entry);
    }

    @Test
    void activeEntryOnTheProfilesListBacksTheCard() {
        assertNull(refusal(entry(RegisterList.EXPERT_COMPTABLE, RegisterStatus.INSCRIT)));
    }

    @Test
    void theRegistersVerdictWinsOverTheCard() {
        assertEquals("struck-off", refusal(entry(RegisterList.EXPERT_COMPTABLE, RegisterStatus.RADIE)));
        assertEquals("struck-off", refusal(entry(RegisterList.EXPERT_COMPTABLE, RegisterStatus.SUSPENDU)));
        assertEquals("other-list", refusal(entry(RegisterList.HONORAIRE, RegisterStatus.INSCRIT)));
        assertEquals("not-on-register", refusal(Optional.empty()));
    }

    @Test
    void theAccountMustStillBeTheHolders() {
        Optional<RegisterEntry> active = entry(RegisterList.EXPERT_COMPTABLE, RegisterStatus.INSCRIT);
        assertEquals(
                "account-deleted", CardStanding.refusal(CARD, Optional.of(EXPERT), false, false, null, null, active));
        assertEquals(
                "account-disabled",
                CardStanding.refusal(CARD, Optional.of(EXPERT), true, false, "expert-comptable", "CVL-100013", active));
        assertEquals(
                "numero-changed",
                CardStanding.refusal(CARD, Optional.of(EXPERT), true, true, "expert-comptable", "NOR-100011", active));
        assertEquals(
                "profile-changed",
                CardStanding.refusal(CARD, Optional.of(EXPERT), true, true, "etudiant", "CVL-100013", active));
        assertEquals(
                "profile-changed",
                CardStanding.refusal(CARD, Optional.empty(), true, true, "expert-comptable", "CVL-100013", active));
    }

    @Test
    void permanentsAreBackedByTheirProfileAlone() {
        ProfessionalCard card = new ProfessionalCard(
                "iss", "user", "jti", 0, 10, "Durand", "Alex", "permanent", null, null, ProfessionalCard.PERMANENT);
        assertNull(CardStanding.refusal(card, Optional.of(PERMANENT), true, true, "permanent", null, Optional.empty()));
        assertEquals(
                "profile-changed",
                CardStanding.refusal(
                        card, Optional.of(PERMANENT), true, true, "expert-comptable", null, Optional.empty()));
    }
}
