package fr.ordre.comptexpert.tableau.file;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;

/**
 * The register file comes from outside (an export of the Tableau): whatever it holds, the reader either
 * loads it (skipping bad lines) or refuses it with its own FormatException, never anything else.
 * Regression mode by default (seeds under src/test/resources); {@code JAZZER_FUZZ=1} fuzzes for maxDuration.
 */
class RegisterCsvReaderFuzzTest {

    private static final String HEADER = String.join(";", RegisterCsvReader.COLUMNS);

    @FuzzTest(maxDuration = "10s")
    void anyFileLoadsOrIsRefusedCleanly(FuzzedDataProvider data) {
        // Half the inputs keep the real header, so the fuzzer spends its time in the line parser.
        String body = data.consumeBoolean()
                ? HEADER + "\n" + data.consumeRemainingAsString()
                : data.consumeRemainingAsString();
        try {
            RegisterCsvReader.Result result =
                    RegisterCsvReader.read(new BufferedReader(new StringReader(body)), "fuzz");
            assertTrue(result.skippedLines() >= 0);
        } catch (RegisterCsvReader.FormatException expected) {
            // a refused file
        } catch (IOException e) {
            throw new AssertionError("only FormatException may come out of a StringReader", e);
        }
    }
}
