package fr.ordre.comptexpert.tableau.file;

import static fr.ordre.comptexpert.tableau.file.RegisterCsvReaderTest.HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.ordre.comptexpert.tableau.TableauRegister;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTableauRegisterFactoryTest {

    private static final String LE_GOFF = "BRE-100003;Le Goff;;Yannick;1990-06-21;stagiaire;Bretagne;inscrit\n";
    private static final String COHEN = "IDF-100012;Cohen;;David;1980-10-10;membre-ece;Île-de-France;inscrit\n";

    @TempDir
    Path dir;

    private static FileTableauRegisterFactory factory(Map<String, String> config) {
        FileTableauRegisterFactory factory = new FileTableauRegisterFactory();
        factory.init(new MapScope(config));
        factory.postInit(null);
        return factory;
    }

    /** Rewrites the file and moves its mtime on explicitly: no sleeping for the clock to tick. */
    private static void rewrite(Path file, String content) throws IOException {
        long before = file.toFile().lastModified();
        Files.writeString(file, content, StandardCharsets.UTF_8);
        assertTrue(file.toFile().setLastModified(before + 5_000));
    }

    @Test
    void withoutPathTheRegisterIsEmpty() {
        FileTableauRegisterFactory factory = factory(Map.of());
        TableauRegister register = factory.create(null);
        assertTrue(register.findByNumero("BRE-100003").isEmpty());
        assertTrue(register.findByNameAndBirthDate("Le Goff", LocalDate.of(1990, 6, 21))
                .isEmpty());
        assertEquals("file", factory.getId());
        assertEquals("(not set)", factory.getOperationalInfo().get("path"));
        assertEquals("0", factory.getOperationalInfo().get("entries"));
        assertEquals("never", factory.getOperationalInfo().get("lastLoad"));
        assertEquals("10", factory.getOperationalInfo().get("reloadIntervalSeconds"));
    }

    @Test
    void reloadsWhenTheFileChanges() throws IOException {
        Path file = Files.writeString(dir.resolve("tableau.csv"), HEADER + LE_GOFF, StandardCharsets.UTF_8);
        FileTableauRegisterFactory factory = factory(Map.of("path", file.toString(), "reload-interval", "0"));
        TableauRegister register = factory.create(null);
        assertTrue(register.findByNumero("BRE-100003").isPresent());
        assertTrue(register.findByNumero("IDF-100012").isEmpty());

        rewrite(file, HEADER + LE_GOFF + COHEN);

        assertEquals("Cohen", register.findByNumero("IDF-100012").orElseThrow().nom());
        assertEquals(
                1,
                register.findByNameAndBirthDate("cohen", LocalDate.of(1980, 10, 10))
                        .size());
        assertEquals("2", factory.getOperationalInfo().get("entries"));
    }

    @Test
    void doesNotRecheckBeforeTheInterval() throws IOException {
        Path file = Files.writeString(dir.resolve("tableau.csv"), HEADER + LE_GOFF, StandardCharsets.UTF_8);
        FileTableauRegisterFactory factory = factory(Map.of("path", file.toString(), "reload-interval", "3600"));
        rewrite(file, HEADER + LE_GOFF + COHEN);
        assertTrue(factory.create(null).findByNumero("IDF-100012").isEmpty());
    }

    @Test
    void aFailedReloadKeepsThePreviousIndex() throws IOException {
        Path file = Files.writeString(dir.resolve("tableau.csv"), HEADER + LE_GOFF, StandardCharsets.UTF_8);
        FileTableauRegisterFactory factory = factory(Map.of("path", file.toString(), "reload-interval", "0"));
        TableauRegister register = factory.create(null);

        rewrite(file, "numero;nom\n" + COHEN);
        assertTrue(register.findByNumero("BRE-100003").isPresent());
        assertTrue(factory.getOperationalInfo().containsKey("lastError"));

        Files.delete(file);
        assertTrue(register.findByNumero("BRE-100003").isPresent());

        Files.writeString(file, HEADER + COHEN, StandardCharsets.UTF_8);
        assertTrue(register.findByNumero("IDF-100012").isPresent());
        assertTrue(register.findByNumero("BRE-100003").isEmpty());
        assertFalse(factory.getOperationalInfo().containsKey("lastError"));
    }

    @Test
    void aFileThatIsNotUtf8IsRejected() throws IOException {
        Path file = Files.writeString(dir.resolve("tableau.csv"), HEADER + LE_GOFF, StandardCharsets.UTF_8);
        FileTableauRegisterFactory factory = factory(Map.of("path", file.toString(), "reload-interval", "0"));
        long before = file.toFile().lastModified();
        Files.write(file, (HEADER + COHEN).getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(file.toFile().setLastModified(before + 5_000));
        TableauRegister register = factory.create(null);
        assertTrue(register.findByNumero("BRE-100003").isPresent());
        assertTrue(register.findByNumero("IDF-100012").isEmpty());
    }

    @Test
    void aMissingFileAtStartGivesAnEmptyRegisterUntilItAppears() throws IOException {
        Path file = dir.resolve("later.csv");
        FileTableauRegisterFactory factory = factory(Map.of("path", file.toString(), "reload-interval", "0"));
        TableauRegister register = factory.create(null);
        assertTrue(register.findByNumero("BRE-100003").isEmpty());
        Files.writeString(file, HEADER + LE_GOFF, StandardCharsets.UTF_8);
        assertTrue(register.findByNumero("BRE-100003").isPresent());
        assertEquals(file.toString(), factory.getOperationalInfo().get("path"));
        assertNotEquals("never", factory.getOperationalInfo().get("lastLoad"));
    }
}
