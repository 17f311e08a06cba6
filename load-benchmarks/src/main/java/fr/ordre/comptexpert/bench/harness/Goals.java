package fr.ordre.comptexpert.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ordre.comptexpert.bench.Inference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The goals, checked against the figures of this run (the register lookup one comes from the JMH run). */
final class Goals {

    private Goals() {}

    static List<Map<String, Object>> evaluate(JsonNode scenarios) {
        List<Map<String, Object>> goals = new ArrayList<>();
        // Every A/B ratio: the mean of the per-round ratios (rounds alternate A and B) with its 95 % interval, judged
        // on
        // the bound that could miss the goal; never a best-of or a single pooled point.
        if (scenarios.has("signin")) {
            Inference.Interval throughput = ratio(scenarios.path("signin"), "ordre", "stock", "throughputPerSecond");
            goals.add(goal(
                    "Sign-in throughput, Ordre (realm ordre, gated client: role acces, register check) >= 0.97 x stock"
                            + " (realm stock: Keycloak's defaults), lower bound of the 95 % interval",
                    describe(throughput), throughput.low() >= 0.97));
            Inference.Interval p95 = ratio(scenarios.path("signin"), "ordre", "stock", "p95Ms");
            goals.add(goal(
                    "Sign-in p95, Ordre <= 1.10 x stock, upper bound of the 95 % interval",
                    describe(p95), p95.high() <= 1.10));
            goals.add(machineCpu(scenarios.path("signin"), "Sign-in"));
        }
        if (scenarios.has("register")) {
            Inference.Interval throughput = ratio(scenarios.path("register"), "ordre", "stock", "throughputPerSecond");
            goals.add(goal(
                    "Registration to mail sent, throughput >= 0.97 x stock, lower bound of the 95 % interval",
                    describe(throughput), throughput.low() >= 0.97));
            Inference.Interval cpu = ratio(scenarios.path("register"), "ordre", "stock", "serverCpuMsPerOperation");
            goals.add(goal(
                    "Registration to mail sent, server CPU per registration <= 1.05 x stock, upper bound of the 95 % interval",
                    describe(cpu), cpu.high() <= 1.05));
            goals.add(machineCpu(scenarios.path("register"), "Registration to mail sent"));
        }
        JsonNode qr = scenarios.path("qr").path("variants").path("ordre").path("approvalToRedirect");
        if (!qr.isMissingNode()) {
            goals.add(goal(
                    "QR approval-to-redirect p50 <= 150 ms",
                    qr.path("p50Ms").asDouble() + " ms",
                    qr.path("p50Ms").asDouble() <= 150));
            boolean p99 = qr.path("p99Ms").isNumber();
            goals.add(goal(
                    "QR approval-to-redirect p99 <= 500 ms",
                    p99
                            ? qr.path("p99Ms").asDouble() + " ms"
                            : "not given: " + qr.path("count").asInt() + " samples (p99 from 1,000 on)",
                    p99 ? qr.path("p99Ms").asDouble() <= 500 : null));
        }
        if (scenarios.has("panel")) {
            Inference.Interval cpu = ratio(scenarios.path("panel"), "with", "without", "serverCpuMsPerOperation");
            goals.add(goal(
                    "Login page with the QR panel: server CPU per page <= 1.03 x without, upper bound of the 95 % interval",
                    describe(cpu), cpu.high() <= 1.03));
            Inference.Interval throughput = ratio(scenarios.path("panel"), "with", "without", "throughputPerSecond");
            goals.add(goal(
                    "Login page with the QR panel, seen from the browser: pages/s with / without",
                    describe(throughput),
                    null));
        }
        if (scenarios.has("firstvisit")) {
            // No goal: a browser fetches the script once per language and version, a bot not at all.
            goals.add(goal(
                    "First visit (empty browser cache), login page and the panel's script: server CPU / page without the panel",
                    describe(ratio(scenarios.path("firstvisit"), "with", "without", "serverCpuMsPerOperation")),
                    null));
        }
        JsonNode waiting = scenarios.path("waiting");
        if (!waiting.isMissingNode()) {
            int browsers = waiting.path("browsers").asInt();
            int failures = waiting.path("failures").asInt();
            int signedIn = waiting.path("signedIn").asInt();
            goals.add(goal(
                    browsers
                            + " browsers waiting at once on one node: no failures, every one signed in after its approval",
                    failures + " failures, " + signedIn + "/" + browsers + " signed in",
                    failures == 0 && signedIn == browsers));
            int threads = waiting.path("holding").path("threadsMax").asInt()
                    - waiting.path("baseline").path("threadsMax").asInt();
            goals.add(goal(
                    "Threads held while they wait: server threads + <= 5 % of the waiting browsers (no thread per wait)",
                    "+" + threads + " threads", threads <= browsers / 20));
            double heap = waiting.path("holding").path("liveHeapMb").asDouble()
                    - waiting.path("baseline").path("liveHeapMb").asDouble();
            double perBrowserKb = heap * 1024 / browsers;
            goals.add(goal(
                    "Memory held while they wait: live heap (after a full GC) + <= 50 KB per waiting browser",
                    String.format(
                            java.util.Locale.ROOT,
                            "%+.1f MB, %.1f KB per browser (login attempt, challenge, connection)",
                            heap,
                            perBrowserKb),
                    perBrowserKb <= 50));
            goals.add(goal(
                    "CPU while they wait (long-polls renewed every 25 s, QR rotated every 60 s)",
                    waiting.path("holding").path("serverCpuCores").asText() + " cores (idle server: "
                            + waiting.path("baseline").path("serverCpuCores").asText() + ")",
                    null));
        }
        goals.add(goal(
                "Register lookup p99 < 50 us at 100,000 entries",
                "not measured here: JMH RegisterLookupBenchmark (docs/performance.md, Tableau register lookups)",
                null));
        return goals;
    }

    /** No goal: what explains a throughput ratio that server CPU does not, on a machine whose cores all share. */
    private static Map<String, Object> machineCpu(JsonNode scenario, String name) {
        Inference.Interval machine = ratio(scenario, "ordre", "stock", "machineCpuMsPerOperation");
        return goal(
                name + ", machine CPU per operation, Ordre / stock (Keycloak, PostgreSQL, driver, mail sink)",
                describe(machine),
                null);
    }

    /** The per-round ratios a / b of one field of a paired scenario, as a mean with its 95 % interval. */
    static Inference.Interval ratio(JsonNode scenario, String a, String b, String field) {
        List<Double> ratios = new ArrayList<>();
        for (JsonNode round : scenario.path("rounds")) {
            // field may name a nested value: "serverCpuMsPerOperationByThreads/request"
            double denominator = round.path(b).at("/" + field).asDouble();
            if (denominator > 0) {
                ratios.add(round.path(a).at("/" + field).asDouble() / denominator);
            }
        }
        return Inference.meanWithInterval(
                ratios.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static String describe(Inference.Interval i) {
        return String.format(
                java.util.Locale.ROOT,
                "%.3f x, 95 %% interval [%.3f, %.3f], %d rounds",
                i.mean(),
                i.low(),
                i.high(),
                i.n());
    }

    private static Map<String, Object> goal(String name, String measured, Boolean met) {
        Map<String, Object> goal = new LinkedHashMap<>();
        goal.put("goal", name);
        goal.put("measured", measured);
        goal.put("met", met);
        return goal;
    }
}
