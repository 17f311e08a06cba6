package fr.ordre.comptexpert.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keycloak started from the stock distribution (unpacked by Maven from Maven Central) as a child
 * process: our two JARs in providers/, the realm in data/import, {@code start-dev --import-realm}.
 */
public final class DistributionServer implements KeycloakServer {

    /** How the server is launched; tests use an in-memory database, the run command a file one. */
    public record Launch(
            int httpPort,
            int managementPort,
            boolean inMemoryDatabase,
            Map<String, String> env,
            List<String> extraArgs) {}

    // 4 minutes; a machine shared by several builds may need more (-Dcomptexpert.keycloak.start-seconds=600).
    private static final Duration START_TIMEOUT =
            Duration.ofSeconds(Long.getLong("comptexpert.keycloak.start-seconds", 240));

    private final Process process;
    private final String baseUrl;
    private final Path logFile;
    private final double startSeconds;

    private DistributionServer(Process process, String baseUrl, Path logFile, double startSeconds) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.logFile = logFile;
        this.startSeconds = startSeconds;
    }

    public static DistributionServer start(
            HarnessSettings settings, Launch launch, Path logFile, Consumer<String> progress) {
        Path home = settings.keycloakHome();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(
                    "No Keycloak distribution at " + home + ": it is unpacked by Maven (./mvnw verify, or ./run.sh)");
        }
        try {
            ServerProcess.install(settings, home);
            Files.createDirectories(logFile.getParent());

            List<String> command = new ArrayList<>(List.of(
                    home.resolve("bin/kc.sh").toString(),
                    "start-dev",
                    "--http-port=" + launch.httpPort(),
                    "--http-management-port=" + launch.managementPort(),
                    "--import-realm",
                    "--spi-ordre-tableau-register--file--path=" + settings.registerFile()));
            if (launch.inMemoryDatabase()) {
                command.add("--db=dev-mem");
            }
            command.addAll(launch.extraArgs());

            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", AdminApi.ADMIN_USER);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", AdminApi.ADMIN_PASSWORD);
            builder.environment().putAll(launch.env());

            long started = System.nanoTime();
            Process process = builder.start();
            DistributionServer server =
                    new DistributionServer(process, "http://localhost:" + launch.httpPort(), logFile, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "keycloak-stop"));
            server.awaitReady(progress);
            double seconds = (System.nanoTime() - started) / 1e9;
            return new DistributionServer(process, server.baseUrl, logFile, seconds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Consumer<String> progress) {
        ServerProcess.awaitReady(
                process, realmUrl() + "/.well-known/openid-configuration", START_TIMEOUT, logFile, progress);
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public double startSeconds() {
        return startSeconds;
    }

    /** Blocks until the server process ends (the run command's main thread waits here). */
    public int awaitExit() throws InterruptedException {
        return process.waitFor();
    }

    @Override
    public void close() {
        ServerProcess.stop(process, Duration.ofSeconds(20));
    }
}
