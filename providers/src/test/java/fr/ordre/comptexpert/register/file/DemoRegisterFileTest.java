package fr.ordre.comptexpert.register.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.ordre.comptexpert.register.RegisterList;

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
        assertTrue(demo.index().size() >= 250, "about 300 entries expected, got " + demo.index().size());
    }

    @Test
    void fixedEntriesAreThere() {
        RegisterIndex index = demo.index();
        assertTrue(index.findByNameAndBirthDate("LEFEVRE DUPONT", LocalDate.of(1975, 3, 14)).get(0).matchesPrenom("Hélène"));
        assertEquals("ARA-100002", index.findByNameAndBirthDate("Dalmeida", LocalDate.of(1982, 11, 2)).get(0).numero());
        assertEquals(2, index.findByNameAndBirthDate("le goff", LocalDate.of(1990, 6, 21)).size());
        assertEquals("OCC-100005", index.findByNameAndBirthDate("Roussel", LocalDate.of(1968, 1, 30)).get(0).numero());
        assertEquals(RegisterList.HONORAIRE, index.findByNumero("PAC-100006").orElseThrow().liste());
        assertFalse(index.findByNumero("NOR-100011").orElseThrow().isActive());
        assertEquals(RegisterList.MEMBRE_ECE, index.findByNumero(" idf-100 012 ").orElseThrow().liste());
        assertEquals(LocalDate.of(1988, 2, 29), index.findByNumero("PDL-100010").orElseThrow().dateNaissance());
        assertTrue(index.findByNumero("COR-100014").orElseThrow().matchesPrenom("Paul-Antoine"));
        assertEquals("La Réunion", index.findByNumero("REU-100015").orElseThrow().conseilRegional());
    }
}
