package fr.ordre.comptexpert.bench.recovery;

import fr.ordre.comptexpert.bench.Inference;
import fr.ordre.comptexpert.bench.Provenance;
import fr.ordre.comptexpert.it.support.FormClient;
import fr.ordre.comptexpert.it.support.Json;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * "Identifiant ou mot de passe oublié": does the answer's time tell a known address from an unknown one? Each
 * known sample is an account's first request (its mail goes out, the costliest path), each unknown sample an address
 * nobody has; the two are sent in pairs, in random order, one at a time, against the test server. The verdict is a
 * Mann–Whitney rank test, not a tolerance on medians: {@code auc} is the chance that a known request is the slower
 * of two, so an attacker's best guess from one timing is right with probability max(auc, 1 - auc).
 *
 * <p>Run: {@code ./mvnw -B -ntp -Paccess-benchmark -Dbench.main=fr.ordre.comptexpert.bench.recovery.RecoveryTimingBenchmark
 * -pl load-benchmarks -am package -DskipTests} ({@code -Dbench.samples=300} per side). Raw file:
 * load-benchmarks/target/benchmarks/recovery-timing.json.
 */
public final class RecoveryTimingBenchmark {

    /** Goal: no timing oracle worth the name; one request's time tells known from unknown no better than 60 %. */
    static final double MAX_ADVANTAGE = 0.10;

    /** Any password the realm's policy accepts: the accounts are never signed in. */
    private static final String PASSWORD = "Ancien-Mot2passe!";

    /** Accounts per partial import. */
    private static final int IMPORT_BATCH = 40;

    private RecoveryTimingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int samples = Integer.getInteger("bench.samples", 300);
        int warmup = Integer.getInteger("bench.warmup", 20);
        try (TestEnvironment.Env env = TestEnvironment.start()) {
            String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
            List<Map<String, Object>> users = new ArrayList<>();
            for (int i = 0; i < samples + warmup; i++) {
                users.add(Map.of(
                        "username",
                        "rt" + run + "u" + i,
                        "email",
                        "rt" + run + "u" + i + "@example.fr",
                        "enabled",
                        true,
                        "emailVerified",
                        true,
                        "firstName",
                        "Test",
                        "lastName",
                        "Timing",
                        "attributes",
                        Map.of("ordreProfile", List.of("etudiant")),
                        "groups",
                        List.of("/profils/etudiant"),
                        "credentials",
                        List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))));
            }
            // In batches: each password is hashed (Argon2) within the import's request, and 320 of them in one call
            // outlast the admin client's 30-s timeout.
            for (int from = 0; from < users.size(); from += IMPORT_BATCH) {
                List<Map<String, Object>> batch = users.subList(from, Math.min(users.size(), from + IMPORT_BATCH));
                env.admin()
                        .partialImport(
                                "ordre",
                                "{\"ifResourceExists\":\"FAIL\",\"users\":" + Json.MAPPER.writeValueAsString(batch)
                                        + "}");
            }
            String authorizationUrl =
                    env.demoClient().authorize(env.demoApp().redirectUri()).url();
            Random order = new Random(42);
            for (int i = 0; i < warmup; i++) {
                time(authorizationUrl, "rt" + run + "u" + (samples + i) + "@example.fr");
                time(authorizationUrl, "nobody-warm" + run + i + "@example.fr");
            }
            double[] known = new double[samples];
            double[] unknown = new double[samples];
            for (int i = 0; i < samples; i++) {
                String knownAddress = "rt" + run + "u" + i + "@example.fr";
                String unknownAddress = "nobody" + run + "n" + i + "@example.fr";
                if (order.nextBoolean()) {
                    known[i] = time(authorizationUrl, knownAddress);
                    unknown[i] = time(authorizationUrl, unknownAddress);
                } else {
                    unknown[i] = time(authorizationUrl, unknownAddress);
                    known[i] = time(authorizationUrl, knownAddress);
                }
            }
            Inference.RankTest test = Inference.mannWhitney(known, unknown);
            double advantage = Math.abs(test.auc() - 0.5);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("title", "Forgot form: time of the POST for a known address (first request) vs an unknown one");
            out.put("finishedAt", Instant.now().toString());
            out.put("provenance", Provenance.of(env.settings().repo()));
            out.put("samplesPerSide", samples);
            out.put("warmupPairs", warmup);
            out.put("medianKnownMs", median(known));
            out.put("medianUnknownMs", median(unknown));
            out.put("mannWhitneyU", test.u());
            out.put("z", test.z());
            out.put("p", test.p());
            out.put("auc", test.auc());
            out.put("goal", String.format(Locale.ROOT, "|auc - 0.5| <= %.2f", MAX_ADVANTAGE));
            out.put("met", advantage <= MAX_ADVANTAGE);
            out.put("knownMs", known);
            out.put("unknownMs", unknown);
            Path file = Files.createDirectories(env.settings().target().resolve("benchmarks"))
                    .resolve("recovery-timing.json");
            Json.PRETTY.writeValue(file.toFile(), out);
            System.out.printf(
                    Locale.ROOT,
                    "Recovery timing, %d a side: median known %.2f ms, unknown %.2f ms;"
                            + " Mann-Whitney z %.2f, p %.3f, auc %.3f (goal |auc - 0.5| <= %.2f: %s). Raw: %s%n",
                    samples,
                    median(known),
                    median(unknown),
                    test.z(),
                    test.p(),
                    test.auc(),
                    MAX_ADVANTAGE,
                    advantage <= MAX_ADVANTAGE ? "met" : "NOT met",
                    file);
        }
    }

    /** The forgot form's POST alone, from a fresh login page, in milliseconds. */
    private static double time(String authorizationUrl, String input) {
        FormClient form = new FormClient();
        var login = form.get(authorizationUrl);
        var forgot = form.get(FormClient.link(login, "reset-credentials"));
        String action = FormClient.formAction(forgot, "ordre-forgot-form");
        long start = System.nanoTime();
        var response = form.post(action, Map.of("username", input));
        double ms = (System.nanoTime() - start) / 1e6;
        if (!response.body().contains("ordre-forgot-sent")) {
            throw new IllegalStateException("The forgot form did not answer 'sent' for " + input);
        }
        return ms;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
