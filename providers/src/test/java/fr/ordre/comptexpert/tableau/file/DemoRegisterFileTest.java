package fr.ordre.comptexpert.tableau.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.ordre.comptexpert.tableau.RegisterEntry;
import fr.ordre.comptexpert.tableau.RegisterList;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo register shipped in realm-config: loads cleanly and holds the entries integration tests rely on. */
class DemoRegisterFileTest {

    private static final Path DEMO = Path.of("..", "realm-config", "register", "tableau-demo.csv");

    private static RegisterCsvReader.Result demo;

    @BeforeAll
    static void load() throws IOException {
        demo = RegisterCsvReader.read(DEMO);
    }

    @Test
    void everyLineLoads() {
        assertEquals(0, demo.skippedLines());
        assertTrue(
                demo.index().size() >= 250,
                "about 300 entries expected, got " + demo.index().size());
    }

    @Test
    void fixedEntriesAreThere() {
        RegisterIndex index = demo.index();
        assertTrue(index.findByNameAndBirthDate("LEFEVRE DUPONT", LocalDate.of(1975, 3, 14))
                .get(0)
                .matchesPrenom("Hélène"));
        assertEquals(
                "ARA-100002",
                index.findByNameAndBirthDate("Dalmeida", LocalDate.of(1982, 11, 2))
                        .get(0)
                        .numero());
        assertEquals(
                2,
                index.findByNameAndBirthDate("le goff", LocalDate.of(1990, 6, 21))
                        .size());
        assertEquals(
                "OCC-100005",
                index.findByNameAndBirthDate("Roussel", LocalDate.of(1968, 1, 30))
                        .get(0)
                        .numero());
        assertEquals(
                RegisterList.HONORAIRE,
                index.findByNumero("PAC-100006").orElseThrow().liste());
        assertFalse(index.findByNumero("NOR-100011").orElseThrow().isActive());
        assertEquals(
                RegisterList.MEMBRE_ECE,
                index.findByNumero(" idf-100 012 ").orElseThrow().liste());
        assertEquals(
                LocalDate.of(1988, 2, 29),
                index.findByNumero("PDL-100010").orElseThrow().dateNaissance());
        assertTrue(index.findByNumero("COR-100014").orElseThrow().matchesPrenom("Paul-Antoine"));
        assertEquals(
                "La Réunion", index.findByNumero("REU-100015").orElseThrow().conseilRegional());
    }

    @Test
    void aboutHalfTheEntriesHaveAnEmailOnFile() {
        assertEquals(0, demo.invalidEmails());
        int size = demo.index().size();
        assertTrue(
                demo.index().withEmail() > size / 3 && demo.index().withEmail() < 2 * size / 3,
                demo.index().withEmail() + " of " + size);
    }

    /** Entries integration tests rely on, with and without an address on file. */
    @Test
    void emailFixturesAreThere() {
        RegisterIndex index = demo.index();
        for (String numero : List.of(
                "IDF-100001",
                "ARA-100002",
                "BRE-100003",
                "BRE-100004",
                "IDF-100012",
                "CVL-100013",
                "NOR-100011",
                "BFC-580088",
                "GES-741140",
                "IDF-830089",
                "GES-458233",
                "LOR-300102")) {
            assertTrue(index.findByNumero(numero).orElseThrow().emailOnFile().isEmpty(), numero);
        }
        assertEquals(
                "claire.legrand@cabinet-demo.fr",
                index.findByNumero("ARA-454567").orElseThrow().email());
        assertEquals(
                "nicolas.mercier@cabinet-demo.fr",
                index.findByNumero("IDF-407908").orElseThrow().email());
        assertEquals(
                "sebastien.chauvet@cabinet-demo.fr",
                index.findByNumero("LPC-721871").orElseThrow().email());
        assertEquals(
                "isabelle.lacroix@cabinet-demo.fr",
                index.findByNumero("NOR-247837").orElseThrow().email());
        assertEquals(
                "thomas.weber@cabinet-demo.fr",
                index.findByNumero("GES-300101").orElseThrow().email());
        // Two entries for the same nom, birth date and prénom: registration must ask for the numéro.
        List<RegisterEntry> webers = index.findByNameAndBirthDate("Weber", LocalDate.of(1984, 9, 12));
        assertEquals(2, webers.size());
        assertTrue(webers.stream().allMatch(e -> e.matchesPrenom("Thomas") && e.isActive()));
    }

    /** Names typed on a plain keyboard: letters NFKD keeps whole, and the German spelling of ü. */
    @Test
    void namesAsPeopleTypeThem() {
        RegisterIndex index = demo.index();
        for (String typed : List.of("Muller", "MUELLER", "Müller")) {
            List<RegisterEntry> found = index.findByNameAndBirthDate(typed, LocalDate.of(1979, 4, 17));
            assertEquals(1, found.size(), typed);
            assertEquals("GES-300103", found.get(0).numero());
            assertTrue(found.get(0).matchesPrenom("Juergen") && found.get(0).matchesPrenom("Jurgen"));
        }
        for (String typed : List.of("Sondergaard", "Soendergaard", "Lukasiewicz")) {
            List<RegisterEntry> found = index.findByNameAndBirthDate(typed, LocalDate.of(1986, 2, 9));
            assertEquals(1, found.size(), typed);
            assertEquals("IDF-300104", found.get(0).numero());
            assertTrue(found.get(0).matchesPrenom("Bjorn") && found.get(0).matchesPrenom("bjoern"));
        }
    }
}
