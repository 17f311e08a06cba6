package fr.ordre.comptexpert.tableau.benchmarks;

import fr.ordre.comptexpert.tableau.RegisterEntry;
import fr.ordre.comptexpert.tableau.TableauRegister;
import fr.ordre.comptexpert.tableau.file.FileTableauRegisterFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Start-up load and hot reload of the 100,000-entry file. The reload runs inside the lookup that notices
 * the change, so its time is what that one unlucky lookup waits; others keep using the old index.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
public class RegisterLoadBenchmark {

    private Path file;
    private FileTableauRegisterFactory reloading;
    private TableauRegister reloadingRegister;
    private long lastModified;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = Files.createTempFile("tableau-bench", ".csv");
        SyntheticRegister.write(file, SyntheticRegister.ENTRIES, 1, 42);
        lastModified = file.toFile().lastModified();
        reloading = new FileTableauRegisterFactory();
        reloading.init(SyntheticRegister.config(file, 0));
        reloadingRegister = reloading.create(null);
    }

    /** Moves the file's mtime on so that the next lookup of {@link #reload()} sees a change. */
    @Setup(Level.Invocation)
    public void touch() {
        lastModified += 1000;
        if (!file.toFile().setLastModified(lastModified)) {
            throw new IllegalStateException("cannot set the mtime of " + file);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public FileTableauRegisterFactory load() {
        FileTableauRegisterFactory factory = new FileTableauRegisterFactory();
        factory.init(SyntheticRegister.config(file, 10));
        return factory;
    }

    @Benchmark
    public Optional<RegisterEntry> reload() {
        return reloadingRegister.findByNumero("IDF-100000");
    }
}
