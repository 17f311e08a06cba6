package fr.ordre.comptexpert.bench.access;

import fr.ordre.comptexpert.it.access.AccessFixtures;
import fr.ordre.comptexpert.it.access.ServiceClient;
import fr.ordre.comptexpert.it.support.AdminApi;
import fr.ordre.comptexpert.it.support.DistributionServer;
import fr.ordre.comptexpert.it.support.FormClient;
import fr.ordre.comptexpert.it.support.FreePorts;
import fr.ordre.comptexpert.it.support.HarnessSettings;
import fr.ordre.comptexpert.it.support.Http;
import fr.ordre.comptexpert.it.support.OidcClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sign-in through a profile-gated client against the same client ungated, in one run: this JVM is the load
 * driver, Keycloak runs in its own process (the distribution, as in the ITs). Rounds alternate between the
 * two clients so that drift on a shared machine hits both alike. Each sign-in is the whole thing a service
 * sees: authorization request, login form, password, redirect, code exchange. Server log:
 * {@code load-benchmarks/target/keycloak-bench.log}.
 *
 * <p>Run: {@code ./mvnw -B -ntp -o -Paccess-benchmark -pl load-benchmarks -am package -DskipTests}
 * (options: -Dbench.threads=4 -Dbench.rounds=6 -Dbench.seconds=20 -Dbench.warmup=20 -Dbench.users=40).
 */
public final class AccessBenchmark {

    private static final String GATED = "bench-gated";
    private static final String OPEN = "bench-open";

    private AccessBenchmark() {}

    public static void main(String[] args) throws Exception {
        int threads = Integer.getInteger("bench.threads", 4);
        int rounds = Integer.getInteger("bench.rounds", 6);
        int seconds = Integer.getInteger("bench.seconds", 20);
        int warmup = Integer.getInteger("bench.warmup", 20);
        int userCount = Integer.getInteger("bench.users", 40);
        HarnessSettings settings = HarnessSettings.fromSystemProperties();
        var launch = new DistributionServer.Launch(FreePorts.next(), FreePorts.next(), true, Map.of(), List.of());
        System.out.println("Starting Keycloak (log: " + settings.target().resolve("keycloak-bench.log") + ")");
        try (DistributionServer keycloak = DistributionServer.start(
                settings, launch, settings.target().resolve("keycloak-bench.log"), dot -> {})) {
            AdminApi admin = new AdminApi(keycloak.baseUrl());
            createClient(admin, GATED, true);
            createClient(admin, OPEN, false);
            List<String> users = new ArrayList<>();
            for (int i = 0; i < userCount; i++) {
                users.add(AccessFixtures.createUser(admin, "bench", "expert-comptable", "fr"));
            }
            OidcClient gated = ServiceClient.of(admin, keycloak.realmUrl(), GATED);
            OidcClient open = ServiceClient.of(admin, keycloak.realmUrl(), OPEN);

            System.out.printf(
                    "Warm-up %d s per client, then %d rounds of %d s per client, %d threads, %d users%n",
                    warmup, rounds, seconds, threads, userCount);
            run(gated, users, threads, warmup);
            run(open, users, threads, warmup);
            Stats gatedStats = new Stats();
            Stats openStats = new Stats();
            for (int r = 0; r < rounds; r++) {
                // Alternate which goes first, too.
                boolean gatedFirst = r % 2 == 0;
                Stats a = run(gatedFirst ? gated : open, users, threads, seconds);
                Stats b = run(gatedFirst ? open : gated, users, threads, seconds);
                (gatedFirst ? gatedStats : openStats).add(a);
                (gatedFirst ? openStats : gatedStats).add(b);
                System.out.printf(
                        "round %d: gated %.1f/s, open %.1f/s%n",
                        r + 1, (gatedFirst ? a : b).throughput(), (gatedFirst ? b : a).throughput());
            }
            System.out.println();
            System.out.println("| Client | sign-ins | errors | throughput (/s) | p50 (ms) | p95 (ms) | p99 (ms) |");
            System.out.println("|---|---|---|---|---|---|---|");
            System.out.println(gatedStats.row("profile-gated (" + GATED + ")"));
            System.out.println(openStats.row("ungated (" + OPEN + ")"));
            double ratio = gatedStats.throughput() / openStats.throughput();
            System.out.printf(
                    Locale.ROOT,
                    "%nThroughput ratio gated / ungated: %.3f (goal >= 0.97: %s)%n",
                    ratio,
                    ratio >= 0.97 ? "met" : "NOT met");
        }
    }

    /** Two clients alike in every way but the 'acces' role (granted to /profils/expert-comptable on one). */
    private static void createClient(AdminApi admin, String clientId, boolean gated) {
        AdminApi.expect(
                admin.post(
                        "/admin/realms/ordre/clients",
                        Map.of(
                                "clientId",
                                clientId,
                                "enabled",
                                true,
                                "publicClient",
                                false,
                                "standardFlowEnabled",
                                true,
                                "directAccessGrantsEnabled",
                                false,
                                "redirectUris",
                                List.of("http://127.0.0.1/*"),
                                "attributes",
                                Map.of("pkce.code.challenge.method", "S256"))),
                201);
        if (gated) {
            String id = admin.get("/admin/realms/ordre/clients?clientId=" + clientId)
                    .get(0)
                    .get("id")
                    .asText();
            AdminApi.expect(admin.post("/admin/realms/ordre/clients/" + id + "/roles", Map.of("name", "acces")), 201);
            var role = admin.get("/admin/realms/ordre/clients/" + id + "/roles/acces");
            AdminApi.expect(
                    admin.post(
                            "/admin/realms/ordre/groups/" + AccessFixtures.groupId(admin, "expert-comptable")
                                    + "/role-mappings/clients/" + id,
                            List.of(role)),
                    204);
        }
    }

    private static Stats run(OidcClient client, List<String> users, int threads, int seconds)
            throws InterruptedException {
        Stats stats = new Stats();
        AtomicInteger next = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    String user = users.get(Math.floorMod(next.getAndIncrement(), users.size()));
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        OidcClient.Authorization authorization = client.authorize(ServiceClient.REDIRECT_URI);
                        String callback =
                                new FormClient(Http.CLIENT).signIn(authorization.url(), user, AccessFixtures.PASSWORD);
                        ok = callback.startsWith(authorization.redirectUri())
                                && client.redeem(authorization, callback).statusCode() == 200;
                    } catch (RuntimeException | AssertionError e) {
                        ok = false;
                    }
                    stats.record(System.nanoTime() - t0, ok);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        stats.elapsedNanos = System.nanoTime() - started;
        return stats;
    }

    /** Latencies of successful sign-ins, errors, and the wall time they took. */
    static final class Stats {
        private long[] latencies = new long[1024];
        private int count;
        private int errors;
        long elapsedNanos;

        synchronized void record(long nanos, boolean ok) {
            if (!ok) {
                errors++;
                return;
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }

        void add(Stats other) {
            for (int i = 0; i < other.count; i++) {
                record(other.latencies[i], true);
            }
            errors += other.errors;
            elapsedNanos += other.elapsedNanos;
        }

        double throughput() {
            return count / (elapsedNanos / 1e9);
        }

        double percentileMillis(double p) {
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            return count == 0 ? Double.NaN : sorted[Math.min(count - 1, (int) Math.ceil(p * count) - 1)] / 1e6;
        }

        String row(String name) {
            return String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %.2f | %.0f | %.0f | %.0f |",
                    name,
                    count,
                    errors,
                    throughput(),
                    percentileMillis(0.50),
                    percentileMillis(0.95),
                    percentileMillis(0.99));
        }
    }
}
