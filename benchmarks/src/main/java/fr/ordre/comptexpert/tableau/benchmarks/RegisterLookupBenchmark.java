package fr.ordre.comptexpert.tableau.benchmarks;

import fr.ordre.comptexpert.tableau.RegisterEntry;
import fr.ordre.comptexpert.tableau.TableauRegister;
import fr.ordre.comptexpert.tableau.file.FileTableauRegisterFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One lookup as registration does it, through the provider (so the reload-interval check is included),
 * in a 100,000-entry register. Sampled to get percentiles: the goal is p99 under 50 µs.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class RegisterLookupBenchmark {

    private static final int QUERIES = 4096;

    private Path file;
    private TableauRegister register;
    private String[] noms;
    private LocalDate[] dates;
    private String[] numeros;
    private String[] unknownNoms;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = Files.createTempFile("tableau-bench", ".csv");
        List<SyntheticRegister.Query> queries = SyntheticRegister.write(file, SyntheticRegister.ENTRIES, QUERIES, 42);
        FileTableauRegisterFactory factory = new FileTableauRegisterFactory();
        factory.init(SyntheticRegister.config(file, 10));
        register = factory.create(null);

        noms = new String[QUERIES];
        dates = new LocalDate[QUERIES];
        numeros = new String[QUERIES];
        unknownNoms = new String[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            SyntheticRegister.Query query = queries.get(i % queries.size());
            noms[i] = query.nom();
            dates[i] = query.birthDate();
            numeros[i] = query.numero();
            unknownNoms[i] = query.nom() + "-Inconnu";
            // A benchmark of misses would flatter the figures: check the hits do hit.
            if (register.findByNameAndBirthDate(noms[i], dates[i]).isEmpty()
                    || register.findByNumero(numeros[i]).isEmpty()) {
                throw new IllegalStateException("query " + i + " finds nothing: " + query);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    private int nextIndex() {
        return next = (next + 1) & (QUERIES - 1);
    }

    @Benchmark
    public List<RegisterEntry> byNameAndBirthDate() {
        int i = nextIndex();
        return register.findByNameAndBirthDate(noms[i], dates[i]);
    }

    /** Someone not on the Tableau: the common case for the "Autre profil" people who try anyway. */
    @Benchmark
    public List<RegisterEntry> byNameAndBirthDateMiss() {
        int i = nextIndex();
        return register.findByNameAndBirthDate(unknownNoms[i], dates[i]);
    }

    @Benchmark
    public Optional<RegisterEntry> byNumero() {
        return register.findByNumero(numeros[nextIndex()]);
    }
}
