package fr.ordre.comptexpert.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two Keycloak nodes in production mode on this machine, as a two-replica deployment runs them: each node
 * its own unpacked and {@code kc.sh build}-ed distribution, one shared PostgreSQL ({@link PostgresCluster}),
 * Keycloak's default clustering ({@code cache=ispn}, stack {@code jdbc-ping}: the nodes find each other
 * through a table of the shared database), distinct HTTP, management and JGroups ports, and one public
 * address in front ({@link FrontProxy}), which is the {@code hostname} of both nodes.
 */
public final class KeycloakCluster implements AutoCloseable {

    public static final int NODES = 2;
    private static final Pattern VIEW =
            Pattern.compile("ISPN000094: Received new cluster view for channel \\S+: \\[[^]]*] \\((\\d+)\\)");

    private final HarnessSettings settings;
    private final Path work;
    private final PostgresCluster postgres;
    private final MailServer mail;
    private final FrontProxy proxy;
    private final List<Path> homes;
    private final List<ProductionServer.Options> options = new ArrayList<>();
    private final ProductionServer[] nodes = new ProductionServer[NODES];
    private final AdminApi admin;
    private final String timings;

    private KeycloakCluster(HarnessSettings settings, Path work, List<Path> homes) throws IOException {
        this.settings = settings;
        this.work = work;
        this.homes = homes;
        for (int i = 0; i < NODES; i++) {
            Files.deleteIfExists(log(i)); // a view logged by an earlier run must not count
        }
        long t0 = System.nanoTime();
        postgres = PostgresCluster.start(work.resolve("postgres"), FreePorts.next());
        double pg = seconds(t0);
        // Both builds at once: each changes only its own install.
        List<CompletableFuture<Double>> builds = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            Path home = homes.get(i);
            Path log = work.resolve("kc-build-" + (i + 1) + ".log");
            builds.add(CompletableFuture.supplyAsync(() -> ProductionServer.build(settings, home, log)));
        }
        double build =
                builds.stream().mapToDouble(CompletableFuture::join).max().orElse(0);
        for (Path home : homes) {
            stockPoolIfAsked(home);
        }

        Path register = Files.createDirectories(work.resolve("register")).resolve("tableau.csv");
        Files.copy(settings.registerFile(), register, StandardCopyOption.REPLACE_EXISTING);
        mail = new MailServer(FreePorts.next());
        proxy = new FrontProxy(FreePorts.next());

        Map<String, String> common = new HashMap<>(ProductionServer.requiredPlaceholders(settings.realmFile()));
        common.putAll(TestEnvironment.smtpEnv("127.0.0.1", mail.port()));
        common.put("KC_CACHE", "ispn");
        common.put("KC_LOG_LEVEL", System.getProperty("cluster.log.level", "info"));
        // No KC_CACHE_STACK: jdbc-ping is Keycloak 26's default, the one under test.
        common.put("KC_CACHE_EMBEDDED_NETWORK_BIND_ADDRESS", "127.0.0.1");
        List<String> direct = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            Map<String, String> env = new HashMap<>(common);
            env.put("KC_CACHE_EMBEDDED_NETWORK_BIND_PORT", Integer.toString(jgroupsPort()));
            int http = FreePorts.next();
            options.add(new ProductionServer.Options(
                    http,
                    FreePorts.next(),
                    proxy.url(),
                    postgres.jdbcUrl(),
                    PostgresCluster.USER,
                    postgres.password(),
                    register,
                    env));
            direct.add("http://127.0.0.1:" + http);
        }
        proxy.upstreams(direct);
        StringBuilder starts = new StringBuilder();
        // One after the other: the first creates the schema and imports the realm, the second finds them.
        for (int i = 0; i < NODES; i++) {
            start(i);
            starts.append(String.format(" node %d %.1f s,", i + 1, nodes[i].startSeconds()));
        }
        long v = System.nanoTime();
        awaitView(NODES, Duration.ofSeconds(90));
        timings = String.format(
                "PostgreSQL %.1f s, kc.sh build (both, in parallel) %.1f s, start --optimized:%s cluster view of %d after %.1f s",
                pg, build, starts, NODES, seconds(v));
        admin = new AdminApi(proxy.url());
        TestEnvironment.importDemoData(admin, settings);
    }

    public static KeycloakCluster start(HarnessSettings settings) {
        Path work = settings.target().resolve("cluster");
        List<Path> homes = new ArrayList<>();
        for (int i = 1; i <= NODES; i++) {
            homes.add(work.resolve("node" + i).resolve("keycloak-" + settings.keycloakVersion()));
        }
        try {
            return new KeycloakCluster(settings, work, homes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The image's conf/quarkus.properties (docker/quarkus.properties, installed by {@link ProductionServer#build})
     * validates a pooled connection before handing it out, so a database restart gives no 500.
     * -Dcluster.db.validate=false removes it, to show Keycloak's stock pool. See docs/cluster.md.
     */
    private static void stockPoolIfAsked(Path home) throws IOException {
        if (!Boolean.parseBoolean(System.getProperty("cluster.db.validate", "true"))) {
            Files.deleteIfExists(home.resolve("conf/quarkus.properties"));
        }
    }

    /** A free port whose FD_SOCK2 neighbour (port + 100) is free too. */
    private static int jgroupsPort() {
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.next();
            if (port < 65000 && FreePorts.isFree(port + 100)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port pair for JGroups");
    }

    /** Starts (or restarts) node {@code i} (0-based); its log is cluster/node{i+1}.log. */
    public void start(int i) {
        nodes[i] = ProductionServer.start(homes.get(i), options.get(i), log(i));
    }

    public Path log(int i) {
        return work.resolve("node" + (i + 1) + ".log");
    }

    /** Waits until every running node's latest cluster view has {@code members} members. */
    public void awaitView(int members, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean all = true;
            for (int i = 0; i < NODES; i++) {
                if (nodes[i] != null && nodes[i].isAlive() && lastView(i) != members) {
                    all = false;
                }
            }
            if (all) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No cluster view of " + members + " members after " + timeout
                        + ": node 1 sees " + lastView(0) + ", node 2 sees " + lastView(1));
            }
            sleep(500);
        }
    }

    /** The size of the last cluster view node {@code i} logged, or 0. */
    public int lastView(int i) {
        try {
            if (!Files.exists(log(i))) {
                return 0;
            }
            Matcher m = VIEW.matcher(Files.readString(log(i)));
            int size = 0;
            while (m.find()) {
                size = Integer.parseInt(m.group(1));
            }
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ProductionServer node(int i) {
        return nodes[i];
    }

    /** Realm URL on node {@code i} directly, bypassing the proxy. */
    public String directRealmUrl(int i) {
        return nodes[i].directUrl() + "/realms/ordre";
    }

    /** The public URL (the proxy), the hostname of both nodes. */
    public String baseUrl() {
        return proxy.url();
    }

    public String realmUrl() {
        return baseUrl() + "/realms/ordre";
    }

    /** Rewrites a public URL (an email link, a QR) to reach node {@code i} directly. */
    public String onNode(int i, String publicUrl) {
        if (publicUrl.startsWith(baseUrl())) {
            return nodes[i].directUrl() + publicUrl.substring(baseUrl().length());
        }
        // A relative link resolved against a page fetched from a node directly.
        for (ProductionServer.Options o : options) {
            String direct = "http://127.0.0.1:" + o.httpPort();
            if (publicUrl.startsWith(direct)) {
                return nodes[i].directUrl() + publicUrl.substring(direct.length());
            }
        }
        throw new IllegalArgumentException("Not a URL of the cluster: " + publicUrl);
    }

    public FrontProxy proxy() {
        return proxy;
    }

    public MailServer mail() {
        return mail;
    }

    public PostgresCluster postgres() {
        return postgres;
    }

    public AdminApi admin() {
        return admin;
    }

    public String timings() {
        return timings;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (ProductionServer node : nodes) {
            if (node != null) {
                node.close();
            }
        }
        proxy.close();
        mail.close();
        postgres.close();
    }
}
