package fr.ordre.comptexpert.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster from Debian's package (apt-get install postgresql), for the production-mode
 * test: {@code initdb} into a fresh directory under target/, {@code pg_ctl} on a free loopback port, no Unix
 * socket, password authentication (scram-sha-256) for the user {@code keycloak}, database {@code keycloak}.
 * PostgreSQL refuses to run as root; CI runs as root, so the server commands then run as the system user
 * {@code postgres} (created by the package) through {@code runuser}.
 */
public final class PostgresCluster implements AutoCloseable {

    public static final String USER = "keycloak";
    public static final String DATABASE = "keycloak";

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final String password;
    private final boolean asPostgresUser;

    private PostgresCluster(Path bin, Path dir, int port, String password, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.password = password;
        this.asPostgresUser = asPostgresUser;
    }

    /**
     * Starts a new, empty cluster in {@code dir} (wiped first); its log is {@code dir/postgres.log}. As root, when
     * the user postgres cannot reach {@code dir} (a checkout under /root), a fresh directory under /tmp is used.
     */
    public static PostgresCluster start(Path dir, int port) {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && !reachableByOthers(dir.toAbsolutePath().getParent())) {
            try {
                dir = Files.createTempDirectory("comptexpert-pg-").resolve("postgres");
                System.out.println(
                        "PostgreSQL cluster in " + dir + " (the user postgres cannot reach the build directory)");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        PostgresCluster cluster =
                new PostgresCluster(bin, dir, port, HexFormat.of().formatHex(secret), root);
        try {
            cluster.stopLeftover();
            cluster.init();
            cluster.run(
                    true,
                    cluster.pg("pg_ctl"),
                    "-D",
                    cluster.data.toString(),
                    "-l",
                    dir.resolve("postgres.log").toString(),
                    "-w",
                    "-t",
                    "60",
                    "start");
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "postgres-stop"));
            cluster.run(
                    false,
                    cluster.pg("createdb"),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    Integer.toString(port),
                    "-U",
                    USER,
                    DATABASE);
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean reachableByOthers(Path existingOrNot) {
        for (Path p = existingOrNot; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    if (!Files.getPosixFilePermissions(p)
                            .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                        return false;
                    }
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The newest /usr/lib/postgresql/N/bin, or the directory named by -Dcomptexpert.pg.bin. */
    public static Path binaries() {
        String configured = System.getProperty("comptexpert.pg.bin");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(PostgresCluster::majorVersion));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("PostgreSQL is required for the production test: apt-get install postgresql"
                + " (no /usr/lib/postgresql/*/bin/initdb; or set -Dcomptexpert.pg.bin)");
    }

    private static int majorVersion(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A cluster left running by an aborted run would keep its port and files: stop it first. */
    private void stopLeftover() throws IOException {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            run(true, pg("pg_ctl"), "-D", data.toString(), "-m", "immediate", "-w", "stop");
        }
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private void init() throws IOException {
        Files.createDirectories(dir);
        if (asPostgresUser) {
            // a temporary parent is created 0700 by root
            Files.setPosixFilePermissions(dir.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
        if (asPostgresUser) {
            UserPrincipal postgres =
                    dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            for (Path p : List.of(dir, data, pwfile)) {
                Files.setOwner(p, postgres);
            }
        }
        run(
                true,
                pg("initdb"),
                "-D",
                data.toString(),
                "-U",
                USER,
                "--pwfile=" + pwfile,
                "-A",
                "scram-sha-256",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync");
        Files.delete(pwfile);
        // A test cluster: loopback only, no Unix socket (/var/run/postgresql may not exist), durability not needed.
        Files.writeString(
                data.resolve("postgresql.conf"),
                String.join(
                        "\n",
                        "",
                        "port = " + port,
                        "listen_addresses = '127.0.0.1'",
                        "unix_socket_directories = ''",
                        "fsync = off",
                        "synchronous_commit = off",
                        "full_page_writes = off",
                        ""),
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String password() {
        return password;
    }

    /** psql as the keycloak user, e.g. to check what Keycloak stored. Returns the unaligned output. */
    public String query(String sql) {
        return run(
                        false,
                        pg("psql"),
                        "-h",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(port),
                        "-U",
                        USER,
                        "-d",
                        DATABASE,
                        "-At",
                        "-c",
                        sql)
                .strip();
    }

    private String pg(String tool) {
        return bin.resolve(tool).toString();
    }

    private String run(boolean serverSide, String... command) {
        List<String> full = new ArrayList<>();
        if (serverSide && asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        try {
            ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
            builder.environment().putAll(Map.of("PGPASSWORD", password, "LC_ALL", "C.UTF-8"));
            // pg_ctl start leaves the server running with our stdout: send it to a file, not a pipe we stop reading.
            Path out = Files.createTempFile("pg-", ".out");
            builder.redirectOutput(out.toFile());
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", full));
            }
            String output = Files.readString(out);
            Files.deleteIfExists(out);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", full) + " exited with " + process.exitValue() + ":\n" + output
                                + (Files.exists(dir.resolve("postgres.log"))
                                        ? "\n" + LogTail.of(dir.resolve("postgres.log"), 30)
                                        : ""));
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code pg_ctl restart -m fast}: every open connection is cut, the server is back when this returns. */
    public void restart() {
        run(
                true,
                pg("pg_ctl"),
                "-D",
                data.toString(),
                "-l",
                dir.resolve("postgres.log").toString(),
                "-m",
                "fast",
                "-w",
                "-t",
                "60",
                "restart");
    }

    @Override
    public void close() {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            try {
                run(true, pg("pg_ctl"), "-D", data.toString(), "-m", "fast", "-w", "stop");
            } catch (RuntimeException e) {
                System.err.println("Could not stop PostgreSQL: " + e.getMessage());
                return;
            }
        }
        // A cluster under /tmp (see start) is not cleaned by the build: remove it.
        if (dir.getParent() != null
                && dir.getParent().getFileName().toString().startsWith("comptexpert-pg-")
                && Files.exists(dir.getParent())) {
            try (Stream<Path> walk = Files.walk(dir.getParent())) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                System.err.println("Could not remove " + dir.getParent() + ": " + e.getMessage());
            }
        }
    }
}
