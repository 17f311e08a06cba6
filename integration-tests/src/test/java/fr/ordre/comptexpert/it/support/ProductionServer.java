package fr.ordre.comptexpert.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keycloak in production mode, as docker/Dockerfile and docker/compose.yml run it, without Docker:
 * our JARs in providers/, {@code kc.sh build} with the image's build options, the realm file in
 * data/import, then the image's command {@code kc.sh start --optimized --import-realm} with the same KC_*
 * variables (PostgreSQL, hostname, proxy headers, register file).
 * Runs on its own unpacked distribution: {@code kc.sh build} changes the install it runs in.
 */
public final class ProductionServer implements KeycloakServer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(ORDRE_[A-Z0-9_]+)(:[^}]*)?}");

    /** The build options of docker/Dockerfile's builder stage, as it sets them (ENV before kc.sh build). */
    public static final Map<String, String> BUILD_OPTIONS =
            Map.of("KC_DB", "postgres", "KC_HEALTH_ENABLED", "true", "KC_METRICS_ENABLED", "true");

    /** The runtime settings of one deployment; {@link #environment} turns them into KC_* variables. */
    public record Options(
            int httpPort,
            int managementPort,
            String hostname,
            String dbUrl,
            String dbUsername,
            String dbPassword,
            Path registerFile,
            Map<String, String> env) {

        /** On free loopback ports, its hostname {@code http://localhost:<port>}, on that PostgreSQL cluster. */
        public static Options onLoopback(PostgresCluster postgres, Path registerFile, Map<String, String> env) {
            int httpPort = FreePorts.next();
            return new Options(
                    httpPort,
                    FreePorts.next(),
                    "http://localhost:" + httpPort,
                    postgres.jdbcUrl(),
                    PostgresCluster.USER,
                    postgres.password(),
                    registerFile,
                    env);
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Process process;
    private final Options options;
    private final Path logFile;
    private double startSeconds;

    private ProductionServer(Process process, Options options, Path logFile) {
        this.process = process;
        this.options = options;
        this.logFile = logFile;
    }

    /** Installs our JARs and the realm file, then {@code kc.sh build}; returns the seconds the build took. */
    public static double build(HarnessSettings settings, Path home, Path logFile) {
        KeycloakInstall.ensure(settings, home);
        try {
            ServerProcess.install(settings, home);
            // The image's conf/quarkus.properties (validate-on-borrow), as docker/Dockerfile copies it.
            Files.copy(
                    settings.quarkusProperties(),
                    home.resolve("conf/quarkus.properties"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(logFile.getParent());

            ProcessBuilder builder = new ProcessBuilder(
                            home.resolve("bin/kc.sh").toString(), "build")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("KC_"));
            builder.environment().putAll(BUILD_OPTIONS);
            long started = System.nanoTime();
            Process build = builder.start();
            if (!build.waitFor(5, TimeUnit.MINUTES)) {
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh build timed out; see " + logFile);
            }
            if (build.exitValue() != 0) {
                throw new IllegalStateException(
                        "kc.sh build failed (" + build.exitValue() + "):\n" + LogTail.of(logFile, 40));
            }
            return (System.nanoTime() - started) / 1e9;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Ops must set every {@code ${ORDRE_...}} placeholder of the realm file that has no default (client secrets,
     * redirect URIs): each gets a value of the right shape, as an operator would set it.
     */
    public static Map<String, String> requiredPlaceholders(Path realmFile) throws IOException {
        Map<String, String> values = new HashMap<>();
        Matcher m = PLACEHOLDER.matcher(Files.readString(realmFile));
        SecureRandom random = new SecureRandom();
        while (m.find()) {
            if (m.group(2) == null) {
                String name = m.group(1);
                byte[] secret = new byte[16];
                random.nextBytes(secret);
                values.put(
                        name,
                        name.contains("URI") || name.contains("URL")
                                ? "https://" + name.toLowerCase(Locale.ROOT).replace('_', '-') + ".example/*"
                                : "it-" + HexFormat.of().formatHex(secret));
            }
        }
        return values;
    }

    /** The image's ENTRYPOINT and CMD: everything else comes from the environment, as in the container. */
    public static List<String> startCommand(Path home) {
        return List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized", "--import-realm");
    }

    /**
     * The runtime configuration as KC_* variables: what docker/Dockerfile sets with ENV plus what
     * docker/compose.yml passes, with the test's ports, database and public URL. One addition that compose
     * cannot know: the proxy's address (KC_PROXY_TRUSTED_ADDRESSES), recommended for production.
     */
    public static Map<String, String> environment(Options o) {
        Map<String, String> env = new LinkedHashMap<>();
        // docker/Dockerfile (runtime stage)
        env.put("KC_SPI_ORDRE_TABLEAU_REGISTER__FILE__PATH", o.registerFile().toString());
        env.put("KC_SPI_ORDRE_TABLEAU_REGISTER__FILE__RELOAD_INTERVAL", "10");
        env.put("KC_PROXY_HEADERS", "xforwarded");
        env.put("KC_HTTP_ENABLED", "true");
        // docker/compose.yml
        env.put("KC_HOSTNAME", o.hostname());
        env.put("KC_DB_URL", o.dbUrl());
        env.put("KC_DB_USERNAME", o.dbUsername());
        env.put("KC_DB_PASSWORD", o.dbPassword());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", AdminApi.ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", AdminApi.ADMIN_PASSWORD);
        // this machine
        env.put("KC_HTTP_PORT", Integer.toString(o.httpPort()));
        env.put("KC_HTTP_MANAGEMENT_PORT", Integer.toString(o.managementPort()));
        env.put("KC_PROXY_TRUSTED_ADDRESSES", "127.0.0.1");
        env.putAll(o.env());
        return env;
    }

    /** Starts the built server and waits until /health/ready on the management port says UP. */
    public static ProductionServer start(Path home, Options options, Path logFile) {
        ProcessBuilder builder = new ProcessBuilder(startCommand(home))
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        // No KC_* variable of the test JVM's own environment may leak in: only the configuration above.
        builder.environment().keySet().removeIf(name -> name.startsWith("KC_"));
        builder.environment().putAll(environment(options));
        try {
            long started = System.nanoTime();
            ProductionServer server = new ProductionServer(builder.start(), options, logFile);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "keycloak-production-stop"));
            server.awaitReady();
            server.startSeconds = (System.nanoTime() - started) / 1e9;
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        ServerProcess.awaitReady(process, managementUrl() + "/health/ready", START_TIMEOUT, logFile, dot -> {});
    }

    /** The public URL: the configured hostname, which is what issuers and links use. */
    @Override
    public String baseUrl() {
        return options.hostname();
    }

    /** Where the proxy would connect: the HTTP listener itself, by IP address rather than by the hostname. */
    public String directUrl() {
        return "http://127.0.0.1:" + options.httpPort();
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + options.managementPort();
    }

    public Options options() {
        return options;
    }

    /** The server JVM's process id (kc.sh runs java as its child), for CPU readings from /proc. */
    public long javaPid() {
        return process.descendants()
                .filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst()
                .map(ProcessHandle::pid)
                .orElse(process.pid());
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public double startSeconds() {
        return startSeconds;
    }

    /** A crash: the whole process tree killed at once (SIGKILL), no clean leave from the cluster. */
    public void kill() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(h -> h.onExit().join());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** kc.sh runs java as a child: stop the whole tree, gently first (a production node shuts down cleanly). */
    @Override
    public void close() {
        ServerProcess.stop(process, Duration.ofSeconds(30));
    }
}
