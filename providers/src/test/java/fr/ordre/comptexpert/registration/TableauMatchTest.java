package fr.ordre.comptexpert.registration;

import fr.ordre.comptexpert.profile.OrdreProfile;
import fr.ordre.comptexpert.register.NameNormalizer;
import fr.ordre.comptexpert.register.RegisterEntry;
import fr.ordre.comptexpert.register.RegisterList;
import fr.ordre.comptexpert.register.RegisterStatus;
import fr.ordre.comptexpert.register.TableauRegister;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableauMatchTest {

    static final LocalDate BORN = LocalDate.of(1990, 6, 21);
    static final List<RegisterEntry> ENTRIES = List.of(
            new RegisterEntry("BRE-1", "Le Goff", null, "Yannick", BORN, RegisterList.STAGIAIRE, "Bretagne", RegisterStatus.INSCRIT, null),
            new RegisterEntry("BRE-2", "Le Goff", null, "Anne", BORN, RegisterList.STAGIAIRE, "Bretagne", RegisterStatus.INSCRIT, null),
            new RegisterEntry("OCC-3", "Martin", "Roussel", "Claire", BORN, RegisterList.EXPERT_COMPTABLE, "Occitanie", RegisterStatus.INSCRIT, null),
            new RegisterEntry("NOR-4", "Lemoine", null, "Julien", BORN, RegisterList.EXPERT_COMPTABLE, "Normandie", RegisterStatus.RADIE, null));

    /** A register in a list, matching as the file provider does. */
    static final TableauRegister REGISTER = new TableauRegister() {
        @Override
        public List<RegisterEntry> findByNameAndBirthDate(String nom, LocalDate birthDate) {
            String n = NameNormalizer.normalize(nom);
            return ENTRIES.stream().filter(e -> e.dateNaissance().equals(birthDate)
                    && (NameNormalizer.normalize(e.nom()).equals(n) || NameNormalizer.normalize(e.nomUsage()).equals(n))).toList();
        }

        @Override
        public Optional<RegisterEntry> findByNumero(String numero) {
            return ENTRIES.stream().filter(e -> e.numero().equals(numero)).findFirst();
        }

        @Override
        public void close() {
        }
    };

    static OrdreProfile profile(RegisterList... lists) {
        return new OrdreProfile("p", "P", "P", 1, EnumSet.copyOf(List.of(lists)), true, true, false, "g");
    }

    @Test
    void homonymsNeedThePrenom() {
        OrdreProfile stagiaire = profile(RegisterList.STAGIAIRE);
        assertEquals("BRE-2", TableauMatch.byNameAndBirthDate(REGISTER, stagiaire, "LE GOFF", "anne", BORN).orElseThrow().numero());
        assertTrue(TableauMatch.byNameAndBirthDate(REGISTER, stagiaire, "Le Goff", "Pierre", BORN).isEmpty());
    }

    @Test
    void aSingleMatchIsFoundByNomAndDateAloneIncludingTheUsageName() {
        OrdreProfile ec = profile(RegisterList.EXPERT_COMPTABLE);
        assertEquals("OCC-3", TableauMatch.byNameAndBirthDate(REGISTER, ec, "Roussel", "", BORN).orElseThrow().numero());
        assertTrue(TableauMatch.byNameAndBirthDate(REGISTER, ec, "Roussel", "", BORN.plusDays(1)).isEmpty());
    }

    @Test
    void theListMustBeOneOfTheProfilesAndTheEntryActive() {
        assertTrue(TableauMatch.byNameAndBirthDate(REGISTER, profile(RegisterList.HONORAIRE), "Martin", "Claire", BORN).isEmpty());
        assertTrue(TableauMatch.byNameAndBirthDate(REGISTER, profile(RegisterList.EXPERT_COMPTABLE), "Lemoine", "Julien", BORN).isEmpty(),
                "a struck-off member cannot register as one");
    }

    @Test
    void aNumeroMustComeWithTheRightBirthDate() {
        OrdreProfile ec = profile(RegisterList.EXPERT_COMPTABLE);
        assertEquals("OCC-3", TableauMatch.byNumero(REGISTER, ec, "OCC-3", BORN).orElseThrow().numero());
        assertTrue(TableauMatch.byNumero(REGISTER, ec, "OCC-3", BORN.minusYears(1)).isEmpty());
        assertTrue(TableauMatch.byNumero(REGISTER, ec, "ZZZ-9", BORN).isEmpty());
    }
}
