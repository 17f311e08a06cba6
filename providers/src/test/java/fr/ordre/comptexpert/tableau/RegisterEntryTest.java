package fr.ordre.comptexpert.tableau;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegisterEntryTest {

    private static RegisterEntry entry(String prenoms, RegisterStatus statut) {
        return entry(prenoms, statut, null);
    }

    private static RegisterEntry entry(String prenoms, RegisterStatus statut, String email) {
        return new RegisterEntry(
                "IDF-100001",
                "Lefèvre-Dupont",
                null,
                prenoms,
                LocalDate.of(1975, 3, 14),
                RegisterList.EXPERT_COMPTABLE,
                "Île-de-France",
                statut,
                email);
    }

    @Test
    void matchesAnyPrenomOrTheWholeString() {
        RegisterEntry entry = entry("Marie Hélène", RegisterStatus.INSCRIT);
        assertTrue(entry.matchesPrenom("Marie"));
        assertTrue(entry.matchesPrenom("helene"));
        assertTrue(entry.matchesPrenom("Marie-Hélène"));
        assertTrue(entry.matchesPrenom("MARIE HELENE"));
        assertFalse(entry.matchesPrenom("Mari"));
        assertFalse(entry.matchesPrenom("Hélène Marie"));
        assertFalse(entry.matchesPrenom(null));
        assertFalse(entry.matchesPrenom(" "));
    }

    @Test
    void prenomsMatchAsTyped() {
        RegisterEntry entry = entry("Jürgen Bjørn", RegisterStatus.INSCRIT);
        assertTrue(entry.matchesPrenom("Jurgen"));
        assertTrue(entry.matchesPrenom("Juergen"));
        assertTrue(entry.matchesPrenom("BJORN"));
        assertTrue(entry.matchesPrenom("Bjoern"));
        assertTrue(entry.matchesPrenom("juergen bjoern"));
        assertFalse(entry.matchesPrenom("Jurgenn"));
    }

    @Test
    void nomMatchesBirthOrUsageName() {
        RegisterEntry entry = new RegisterEntry(
                "GES-1",
                "Müller",
                "Łukasiewicz",
                "Anna",
                LocalDate.of(1980, 1, 1),
                RegisterList.EXPERT_COMPTABLE,
                "Grand Est",
                RegisterStatus.INSCRIT,
                null);
        assertTrue(entry.matchesNom("Mueller"));
        assertTrue(entry.matchesNom("MULLER"));
        assertTrue(entry.matchesNom("Lukasiewicz"));
        assertFalse(entry.matchesNom("Mulle"));
        assertFalse(entry.matchesNom(""));
        assertFalse(entry("Marie", RegisterStatus.INSCRIT).matchesNom(null));
        assertTrue(entry("Marie", RegisterStatus.INSCRIT).matchesNom("lefevre dupont"));
    }

    @Test
    void prenomsMayBeCommaSeparated() {
        RegisterEntry entry = entry("Jean, Pierre,Louis", RegisterStatus.INSCRIT);
        assertTrue(entry.matchesPrenom("Pierre"));
        assertTrue(entry.matchesPrenom("louis"));
        assertFalse(entry.matchesPrenom("Jean-Louis"));
    }

    @Test
    void compoundPrenomIsOnePrenom() {
        RegisterEntry entry = entry("Paul-Antoine", RegisterStatus.INSCRIT);
        assertTrue(entry.matchesPrenom("Paul Antoine"));
        assertFalse(entry.matchesPrenom("Paul"));
    }

    @Test
    void onlyInscritIsActive() {
        assertTrue(entry("Marie", RegisterStatus.INSCRIT).isActive());
        assertFalse(entry("Marie", RegisterStatus.SUSPENDU).isActive());
        assertFalse(entry("Marie", RegisterStatus.RADIE).isActive());
    }

    @Test
    void toStringLeavesTheBirthDateAndTheEmailOut() {
        String text = entry("Marie", RegisterStatus.INSCRIT, "marie.lefevre@cabinet-demo.fr")
                .toString();
        assertTrue(text.contains("IDF-100001"));
        assertFalse(text.contains("1975"));
        assertFalse(text.contains("cabinet-demo"));
        assertFalse(text.contains("@"));
    }

    @Test
    void emailOnFileIsOptional() {
        assertEquals(
                Optional.of("marie.lefevre@cabinet-demo.fr"),
                entry("Marie", RegisterStatus.INSCRIT, "marie.lefevre@cabinet-demo.fr")
                        .emailOnFile());
        assertEquals(Optional.empty(), entry("Marie", RegisterStatus.INSCRIT).emailOnFile());
    }

    @Test
    void listAndStatusCodesRoundTrip() {
        for (RegisterList list : RegisterList.values()) {
            assertEquals(list, RegisterList.fromCode(list.code()));
        }
        for (RegisterStatus status : RegisterStatus.values()) {
            assertEquals(status, RegisterStatus.fromCode(status.code()));
        }
        assertEquals(RegisterList.AGC_83_QUATER, RegisterList.fromCode(" AGC-83-Quater "));
        assertEquals("expert-comptable-entreprise", RegisterList.EXPERT_COMPTABLE_ENTREPRISE.code());
        assertEquals("membre-ece", RegisterList.MEMBRE_ECE.code());
        assertThrows(IllegalArgumentException.class, () -> RegisterList.fromCode("expert"));
        assertThrows(IllegalArgumentException.class, () -> RegisterStatus.fromCode(null));
    }

    @Test
    void numeroIsNormalised() {
        assertEquals("IDF-012345", TableauRegister.normalizeNumero(" idf - 012 345 "));
        assertEquals("", TableauRegister.normalizeNumero(null));
    }
}
