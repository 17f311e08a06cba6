package fr.ordre.comptexpert.tableau.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.ordre.comptexpert.tableau.RegisterEntry;
import fr.ordre.comptexpert.tableau.RegisterList;
import fr.ordre.comptexpert.tableau.RegisterStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RegisterCsvReaderTest {

    static final String HEADER =
            "numero_inscription;nom;nom_usage;prenoms;date_naissance;liste;conseil_regional;statut\n";

    static RegisterCsvReader.Result read(String csv) throws IOException {
        return RegisterCsvReader.read(new BufferedReader(new StringReader(csv)), "test.csv");
    }

    @Test
    void readsAnEntry() throws IOException {
        RegisterCsvReader.Result result = read(
                HEADER + "IDF-100001;Lefèvre-Dupont;;Marie Hélène;1975-03-14;expert-comptable;Île-de-France;inscrit\n");
        assertEquals(0, result.skippedLines());
        RegisterEntry entry = result.index().findByNumero("IDF-100001").orElseThrow();
        assertEquals("Lefèvre-Dupont", entry.nom());
        assertNull(entry.nomUsage());
        assertEquals("Marie Hélène", entry.prenoms());
        assertEquals(LocalDate.of(1975, 3, 14), entry.dateNaissance());
        assertEquals(RegisterList.EXPERT_COMPTABLE, entry.liste());
        assertEquals("Île-de-France", entry.conseilRegional());
        assertEquals(RegisterStatus.INSCRIT, entry.statut());
    }

    @Test
    void quotedFieldsMayHoldSeparatorsAndQuotes() throws IOException {
        RegisterCsvReader.Result result = read(
                HEADER
                        + "\"PAC-200001\";\"d'Almeida ; Costa\";\"\";\"Jean \"\"Jeannot\"\"\";1960-01-01;honoraire;\"Provence-Alpes-Côte d'Azur\";radie\n");
        assertEquals(0, result.skippedLines());
        RegisterEntry entry = result.index().findByNumero("PAC-200001").orElseThrow();
        assertEquals("d'Almeida ; Costa", entry.nom());
        assertNull(entry.nomUsage());
        assertEquals("Jean \"Jeannot\"", entry.prenoms());
        assertEquals(RegisterStatus.RADIE, entry.statut());
    }

    @Test
    void commentsBlankLinesAndBomAreIgnored() throws IOException {
        RegisterCsvReader.Result result = read("\uFEFF# exported 2026-01-01\n" + HEADER
                + "# a comment\n\n   \n"
                + "BRE-100003;Le Goff;;Yannick;1990-06-21;stagiaire;Bretagne;inscrit\n");
        assertEquals(0, result.skippedLines());
        assertEquals(1, result.index().size());
    }

    @Test
    void badLinesAreSkippedAndTheRestLoads() throws IOException {
        RegisterCsvReader.Result result = read(HEADER
                + "BRE-100003;Le Goff;;Yannick;1990-06-21;stagiaire;Bretagne;inscrit\n"
                + "BRE-200001;Le Goff;;Anne;1990-02-30;stagiaire;Bretagne;inscrit\n" // no 30 February
                + "BRE-200002;Le Goff;;Anne;21/06/1990;stagiaire;Bretagne;inscrit\n" // not ISO
                + "BRE-200003;Le Goff;;Anne;1990-06-21;apprenti;Bretagne;inscrit\n" // unknown list
                + "BRE-200004;Le Goff;;Anne;1990-06-21;stagiaire;Bretagne;retraite\n" // unknown status
                + "BRE-200005;Le Goff;Anne;1990-06-21;stagiaire;Bretagne;inscrit\n" // a field missing
                + "BRE-200006;Le;Goff;;Anne;1990-06-21;stagiaire;Bretagne;inscrit\n" // a field too many
                + ";Le Goff;;Anne;1990-06-21;stagiaire;Bretagne;inscrit\n" // no numero
                + "BRE-200007;;;Anne;1990-06-21;stagiaire;Bretagne;inscrit\n" // no nom
                + "BRE-200008;\"Le Goff;;Anne;1990-06-21;stagiaire;Bretagne;inscrit\n" // unterminated quote
                + "BRE-200009;\"Le\" Goff;;Anne;1990-06-21;stagiaire;Bretagne;inscrit\n" // text after a quote
                + "BRE-200010;Le Goff;;Anne;1990-06-21;stagiaire;;inscrit\n" // no conseil
                + "bre-100003;Le Goff;;Anne;1990-06-21;stagiaire;Bretagne;inscrit\n" // numero taken
                + "BRE-100004;Le Goff;;Anne;1990-06-21;stagiaire;Bretagne;inscrit\n");
        assertEquals(12, result.skippedLines());
        assertEquals(2, result.index().size());
        assertEquals(
                "Yannick",
                result.index().findByNumero("BRE-100003").orElseThrow().prenoms());
    }

    @Test
    void aWrongHeaderFailsTheRead() {
        assertThrows(RegisterCsvReader.FormatException.class, () -> read("numero;nom;prenoms\nIDF-1;X;Y\n"));
        assertThrows(
                RegisterCsvReader.FormatException.class,
                () -> read("IDF-100001;Lefèvre-Dupont;;Marie;1975-03-14;expert-comptable;Île-de-France;inscrit\n"));
        assertThrows(RegisterCsvReader.FormatException.class, () -> read("# only comments\n"));
    }

    @Test
    void headerIsCaseInsensitiveAndExtraColumnsAreAllowed() throws IOException {
        RegisterCsvReader.Result result = read(HEADER.trim().toUpperCase() + ";remarque\n"
                + "IDF-100012;Cohen;;David;1980-10-10;membre-ece;Île-de-France;inscrit;RAS\n");
        assertEquals(0, result.skippedLines());
        assertEquals(1, result.index().size());
        assertNull(result.index().findByNumero("IDF-100012").orElseThrow().email());
    }

    static final String HEADER_WITH_EMAIL = HEADER.trim() + ";email\n";

    @Test
    void withoutTheEmailColumnNoEntryHasAnAddress() throws IOException {
        RegisterCsvReader.Result result =
                read(HEADER + "IDF-100012;Cohen;;David;1980-10-10;membre-ece;Île-de-France;inscrit\n");
        assertNull(result.index().findByNumero("IDF-100012").orElseThrow().email());
        assertEquals(0, result.index().withEmail());
    }

    @Test
    void theEmailColumnIsReadLowerCasedAndMayBeEmpty() throws IOException {
        RegisterCsvReader.Result result = read(HEADER_WITH_EMAIL.toUpperCase()
                + "IDF-100012;Cohen;;David;1980-10-10;membre-ece;Île-de-France;inscrit; David.Cohen@Cabinet-Demo.FR \n"
                + "BRE-100003;Le Goff;;Yannick;1990-06-21;stagiaire;Bretagne;inscrit;\n"
                + "BRE-100004;Le Goff;;Anne;1990-06-21;stagiaire;Bretagne;inscrit;\"\"\n");
        assertEquals(0, result.skippedLines());
        assertEquals(0, result.invalidEmails());
        assertEquals(1, result.index().withEmail());
        RegisterEntry cohen = result.index().findByNumero("IDF-100012").orElseThrow();
        assertEquals("david.cohen@cabinet-demo.fr", cohen.email());
        assertEquals(Optional.of("david.cohen@cabinet-demo.fr"), cohen.emailOnFile());
        assertTrue(result.index()
                .findByNumero("BRE-100003")
                .orElseThrow()
                .emailOnFile()
                .isEmpty());
        assertTrue(result.index()
                .findByNumero("BRE-100004")
                .orElseThrow()
                .emailOnFile()
                .isEmpty());
    }

    @Test
    void anInvalidEmailIsReadAsAbsentAndTheEntryStays() throws IOException {
        RegisterCsvReader.Result result = read(
                HEADER_WITH_EMAIL
                        + "IDF-100012;Cohen;;David;1980-10-10;membre-ece;Île-de-France;inscrit;david.cohen\n"
                        + "BRE-100003;Le Goff;;Yannick;1990-06-21;stagiaire;Bretagne;inscrit;yannick le goff@cabinet-demo.fr\n"
                        + "BRE-100004;Le Goff;;Anne;1990-06-21;stagiaire;Bretagne;inscrit;" + "a".repeat(250)
                        + "@x.fr\n"
                        + "COR-100014;Santoni;;Paul-Antoine;1977-03-03;expert-comptable;Corse;inscrit;pa.santoni@cabinet-demo.fr\n");
        assertEquals(0, result.skippedLines());
        assertEquals(3, result.invalidEmails());
        assertEquals(4, result.index().size());
        assertEquals(1, result.index().withEmail());
        assertNull(result.index().findByNumero("IDF-100012").orElseThrow().email());
        assertNull(result.index().findByNumero("BRE-100003").orElseThrow().email());
        assertNull(result.index().findByNumero("BRE-100004").orElseThrow().email());
        assertEquals(
                "pa.santoni@cabinet-demo.fr",
                result.index().findByNumero("COR-100014").orElseThrow().email());
    }

    @Test
    void withTheEmailColumnLinesStillNeedEveryField() throws IOException {
        RegisterCsvReader.Result result = read(HEADER_WITH_EMAIL
                + "IDF-100012;Cohen;;David;1980-10-10;membre-ece;Île-de-France;inscrit\n"
                + "BRE-100003;Le Goff;;Yannick;1990-06-21;stagiaire;Bretagne;inscrit;;\n");
        assertEquals(2, result.skippedLines());
        assertEquals(0, result.index().size());
    }

    @Test
    void columnsAfterTheEmailAreIgnored() throws IOException {
        RegisterCsvReader.Result result = read(
                HEADER.trim() + ";email;remarque\n"
                        + "IDF-100012;Cohen;;David;1980-10-10;membre-ece;Île-de-France;inscrit;david.cohen@cabinet-demo.fr;RAS\n");
        assertEquals(0, result.skippedLines());
        assertEquals(
                "david.cohen@cabinet-demo.fr",
                result.index().findByNumero("IDF-100012").orElseThrow().email());
    }

    @Test
    void anEmailColumnElsewhereFailsTheRead() {
        assertThrows(
                RegisterCsvReader.FormatException.class,
                () -> read(
                        HEADER.trim() + ";remarque;email\n"
                                + "IDF-100012;Cohen;;David;1980-10-10;membre-ece;Île-de-France;inscrit;RAS;david.cohen@cabinet-demo.fr\n"));
    }

    @Test
    void homonymsAreAllFound() throws IOException {
        RegisterIndex index = read(HEADER
                        + "BRE-100003;Le Goff;;Yannick;1990-06-21;stagiaire;Bretagne;inscrit\n"
                        + "BRE-100004;Le Goff;;Anne;1990-06-21;stagiaire;Bretagne;inscrit\n"
                        + "BRE-200011;LE GOFF;;Gwenaëlle;1990-06-21;expert-comptable;Bretagne;suspendu\n"
                        + "BRE-200012;Le Goff;;Erwan;1991-06-21;stagiaire;Bretagne;inscrit\n")
                .index();
        List<RegisterEntry> found = index.findByNameAndBirthDate("le goff", LocalDate.of(1990, 6, 21));
        assertEquals(
                Set.of("BRE-100003", "BRE-100004", "BRE-200011"),
                found.stream().map(RegisterEntry::numero).collect(Collectors.toSet()));
        assertTrue(found.stream().anyMatch(e -> e.matchesPrenom("Anne")));
        assertEquals(
                1,
                index.findByNameAndBirthDate("Le Goff", LocalDate.of(1991, 6, 21))
                        .size());
        assertTrue(index.findByNameAndBirthDate("Le Goff", LocalDate.of(1992, 6, 21))
                .isEmpty());
    }

    @Test
    void foundByBirthNameOrUsageName() throws IOException {
        RegisterIndex index = read(HEADER
                        + "OCC-100005;Martin;Roussel;Claire;1968-01-30;expert-comptable;Occitanie;inscrit\n"
                        + "ARA-100002;d'Almeida;D'ALMEIDA;João;1982-11-02;expert-comptable;Auvergne-Rhône-Alpes;inscrit\n")
                .index();
        LocalDate born = LocalDate.of(1968, 1, 30);
        assertEquals(
                "OCC-100005",
                index.findByNameAndBirthDate("MARTIN", born).get(0).numero());
        assertEquals(
                "OCC-100005",
                index.findByNameAndBirthDate("roussel", born).get(0).numero());
        assertTrue(index.findByNameAndBirthDate("Roussel", LocalDate.of(1968, 1, 31))
                .isEmpty());
        // Usage name equal to the birth name once normalised: listed once, not twice.
        assertEquals(
                1,
                index.findByNameAndBirthDate("Dalmeida", LocalDate.of(1982, 11, 2))
                        .size());
    }

    @Test
    void numeroLookupIsForgiving() throws IOException {
        RegisterIndex index = read(HEADER
                        + " idf-100001 ;Lefèvre-Dupont;;Marie Hélène;1975-03-14;expert-comptable;Île-de-France;inscrit\n")
                .index();
        RegisterEntry entry = index.findByNumero("IDF-100001").orElseThrow();
        assertEquals("IDF-100001", entry.numero());
        assertSame(entry, index.findByNumero("idf-100001").orElseThrow());
        assertSame(entry, index.findByNumero("  Idf-100 001 ").orElseThrow());
        assertTrue(index.findByNumero("IDF-100002").isEmpty());
        assertTrue(index.findByNumero(null).isEmpty());
        assertTrue(index.findByNumero("   ").isEmpty());
    }

    @Test
    void nullOrEmptyQueriesFindNothing() throws IOException {
        RegisterIndex index = read(HEADER + "IDF-100012;Cohen;;David;1980-10-10;membre-ece;Île-de-France;inscrit\n")
                .index();
        assertTrue(
                index.findByNameAndBirthDate(null, LocalDate.of(1980, 10, 10)).isEmpty());
        assertTrue(
                index.findByNameAndBirthDate("' -", LocalDate.of(1980, 10, 10)).isEmpty());
        assertTrue(index.findByNameAndBirthDate("Cohen", null).isEmpty());
    }
}
