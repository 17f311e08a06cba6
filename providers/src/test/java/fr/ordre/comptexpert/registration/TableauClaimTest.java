package fr.ordre.comptexpert.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.ordre.comptexpert.profile.OrdreProfile;
import fr.ordre.comptexpert.tableau.NameNormalizer;
import fr.ordre.comptexpert.tableau.RegisterEntry;
import fr.ordre.comptexpert.tableau.RegisterList;
import fr.ordre.comptexpert.tableau.RegisterStatus;
import fr.ordre.comptexpert.tableau.TableauRegister;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TableauClaimTest {

    static final LocalDate BORN = LocalDate.of(1990, 6, 21);
    static final List<RegisterEntry> ENTRIES = List.of(
            new RegisterEntry(
                    "BRE-1",
                    "Le Goff",
                    null,
                    "Yannick",
                    BORN,
                    RegisterList.STAGIAIRE,
                    "Bretagne",
                    RegisterStatus.INSCRIT,
                    null),
            new RegisterEntry(
                    "BRE-2",
                    "Le Goff",
                    null,
                    "Anne",
                    BORN,
                    RegisterList.STAGIAIRE,
                    "Bretagne",
                    RegisterStatus.INSCRIT,
                    null),
            new RegisterEntry(
                    "OCC-3",
                    "Martin",
                    "Roussel",
                    "Claire",
                    BORN,
                    RegisterList.EXPERT_COMPTABLE,
                    "Occitanie",
                    RegisterStatus.INSCRIT,
                    null),
            new RegisterEntry(
                    "NOR-4",
                    "Lemoine",
                    null,
                    "Julien",
                    BORN,
                    RegisterList.EXPERT_COMPTABLE,
                    "Normandie",
                    RegisterStatus.RADIE,
                    null));

    /** A register in a list, matching as the file provider does. */
    static final TableauRegister REGISTER = new TableauRegister() {
        @Override
        public List<RegisterEntry> findByNameAndBirthDate(String nom, LocalDate birthDate) {
            String n = NameNormalizer.normalize(nom);
            return ENTRIES.stream()
                    .filter(e -> e.dateNaissance().equals(birthDate)
                            && (NameNormalizer.normalize(e.nom()).equals(n)
                                    || NameNormalizer.normalize(e.nomUsage()).equals(n)))
                    .toList();
        }

        @Override
        public Optional<RegisterEntry> findByNumero(String numero) {
            return ENTRIES.stream().filter(e -> e.numero().equals(numero)).findFirst();
        }

        @Override
        public void close() {}
    };

    static OrdreProfile profile(RegisterList... lists) {
        return new OrdreProfile("p", "P", "P", 1, EnumSet.copyOf(List.of(lists)), true, true, false, "g");
    }

    static TableauClaim byName(OrdreProfile profile, String nom, String prenom, LocalDate born) {
        return TableauClaim.find(REGISTER, profile, nom, prenom, born, null);
    }

    @Test
    void homonymsAreToldApartByThePrenomAndAnUnknownPrenomMatchesNothing() {
        OrdreProfile stagiaire = profile(RegisterList.STAGIAIRE);
        assertEquals("BRE-2", byName(stagiaire, "LE GOFF", "anne", BORN).entry().numero());
        assertEquals(
                TableauClaim.Outcome.NONE,
                byName(stagiaire, "Le Goff", "Pierre", BORN).outcome());
    }

    @Test
    void aSingleEntryStillNeedsOneOfItsPrenomsIncludingByTheUsageName() {
        OrdreProfile ec = profile(RegisterList.EXPERT_COMPTABLE);
        assertEquals("OCC-3", byName(ec, "Roussel", "claire", BORN).entry().numero());
        assertEquals(
                TableauClaim.Outcome.NONE, byName(ec, "Roussel", "Zoé", BORN).outcome(), "any prénom is not enough");
        assertEquals(
                TableauClaim.Outcome.NONE,
                byName(ec, "Roussel", "Claire", BORN.plusDays(1)).outcome());
    }

    @Test
    void severalEntriesOfTheSamePersonAreAmbiguousNeverNotFound() {
        TableauRegister twins = new TableauRegister() {
            final List<RegisterEntry> two = List.of(
                    new RegisterEntry(
                            "GE-1",
                            "Weber",
                            null,
                            "Lukas",
                            BORN,
                            RegisterList.EXPERT_COMPTABLE,
                            "Grand Est",
                            RegisterStatus.INSCRIT,
                            null),
                    new RegisterEntry(
                            "GE-2",
                            "Weber",
                            null,
                            "Lukas",
                            BORN,
                            RegisterList.EXPERT_COMPTABLE,
                            "Grand Est",
                            RegisterStatus.INSCRIT,
                            null));

            @Override
            public List<RegisterEntry> findByNameAndBirthDate(String nom, LocalDate birthDate) {
                return two;
            }

            @Override
            public Optional<RegisterEntry> findByNumero(String numero) {
                return two.stream().filter(e -> e.numero().equals(numero)).findFirst();
            }
        };
        OrdreProfile ec = profile(RegisterList.EXPERT_COMPTABLE);
        assertEquals(
                TableauClaim.Outcome.AMBIGUOUS,
                TableauClaim.find(twins, ec, "Weber", "Lukas", BORN, null).outcome());
        assertEquals(
                "GE-2",
                TableauClaim.find(twins, ec, "Weber", "Lukas", BORN, "GE-2")
                        .entry()
                        .numero(),
                "the numéro tells them apart");
    }

    @Test
    void theListMustBeOneOfTheProfilesAndTheEntryActive() {
        assertEquals(
                TableauClaim.Outcome.NONE,
                byName(profile(RegisterList.HONORAIRE), "Martin", "Claire", BORN)
                        .outcome());
        assertEquals(
                TableauClaim.Outcome.NONE,
                byName(profile(RegisterList.EXPERT_COMPTABLE), "Lemoine", "Julien", BORN)
                        .outcome(),
                "a struck-off member cannot register as one");
    }

    @Test
    void aNumeroMustComeWithTheNomThePrenomAndTheBirthDate() {
        OrdreProfile ec = profile(RegisterList.EXPERT_COMPTABLE);
        assertEquals(
                "OCC-3",
                TableauClaim.find(REGISTER, ec, "Martin", "Claire", BORN, "OCC-3")
                        .entry()
                        .numero());
        assertEquals(
                "OCC-3",
                TableauClaim.find(REGISTER, ec, "roussel", "CLAIRE", BORN, "OCC-3")
                        .entry()
                        .numero(),
                "usage name");
        assertTrue(!TableauClaim.find(REGISTER, ec, "Martin", "Claire", BORN.minusYears(1), "OCC-3")
                .matched());
        assertTrue(
                !TableauClaim.find(REGISTER, ec, "Invente", "Claire", BORN, "OCC-3")
                        .matched(),
                "the nom is checked");
        assertTrue(
                !TableauClaim.find(REGISTER, ec, "Martin", "Paul", BORN, "OCC-3")
                        .matched(),
                "the prénom is checked");
        assertTrue(!TableauClaim.find(REGISTER, ec, "Martin", "Claire", BORN, "ZZZ-9")
                .matched());
    }
}
