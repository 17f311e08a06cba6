package fr.ordre.comptexpert.it.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The goals, checked against the figures of this run (the register lookup one comes from the JMH run). */
final class Goals {

    private Goals() {
    }

    static List<Map<String, Object>> evaluate(JsonNode scenarios) {
        List<Map<String, Object>> goals = new ArrayList<>();
        JsonNode signin = scenarios.path("signin").path("variants");
        if (!signin.isMissingNode()) {
            double ratio = signin.path("ordre").path("throughputPerSecond").asDouble()
                    / signin.path("stock").path("throughputPerSecond").asDouble();
            goals.add(goal("Ordre flow throughput >= 0.97 x stock (password sign-in)",
                    String.format(java.util.Locale.ROOT, "%.3f x", ratio), ratio >= 0.97));
            double p95 = signin.path("ordre").path("p95Ms").asDouble() / signin.path("stock").path("p95Ms").asDouble();
            goals.add(goal("Ordre flow p95 <= 1.10 x stock (password sign-in)",
                    String.format(java.util.Locale.ROOT, "%.3f x", p95), p95 <= 1.10));
        }
        JsonNode qr = scenarios.path("qr").path("variants").path("ordre").path("approvalToRedirect");
        if (!qr.isMissingNode()) {
            goals.add(goal("QR approval-to-redirect p50 <= 150 ms", qr.path("p50Ms").asDouble() + " ms",
                    qr.path("p50Ms").asDouble() <= 150));
            goals.add(goal("QR approval-to-redirect p99 <= 500 ms", qr.path("p99Ms").asDouble() + " ms",
                    qr.path("p99Ms").asDouble() <= 500));
        }
        JsonNode panel = scenarios.path("panel").path("variants");
        if (!panel.isMissingNode()) {
            // Per round, then the median: one round disturbed by the rest of a shared machine does not decide.
            List<Double> ratios = new ArrayList<>();
            for (JsonNode round : scenarios.path("panel").path("rounds")) {
                ratios.add(round.path("with").path("serverCpuMsPerOperation").asDouble()
                        / round.path("without").path("serverCpuMsPerOperation").asDouble());
            }
            ratios.sort(null);
            double median = ratios.isEmpty() ? Double.NaN : ratios.size() % 2 == 1 ? ratios.get(ratios.size() / 2)
                    : (ratios.get(ratios.size() / 2 - 1) + ratios.get(ratios.size() / 2)) / 2;
            JsonNode with = panel.path("with");
            JsonNode without = panel.path("without");
            double total = with.path("serverCpuMsPerOperation").asDouble() / without.path("serverCpuMsPerOperation").asDouble();
            goals.add(goal("Login page with the QR panel: render cost (server CPU per page) <= 1.10 x without, median of the rounds",
                    String.format(java.util.Locale.ROOT, "%.3f x (rounds: %s; whole run %.3f x: %.3f vs %.3f ms)", median,
                            ratios.stream().map(r -> String.format(java.util.Locale.ROOT, "%.2f", r)).toList(), total,
                            with.path("serverCpuMsPerOperation").asDouble(), without.path("serverCpuMsPerOperation").asDouble()),
                    median <= 1.10));
            double throughput = without.path("throughputPerSecond").asDouble() / with.path("throughputPerSecond").asDouble();
            double p50 = with.path("p50Ms").asDouble() / without.path("p50Ms").asDouble();
            goals.add(goal("Login page with the QR panel, seen from the browser: pages/s without ÷ with, and p50 with ÷ without",
                    String.format(java.util.Locale.ROOT, "%.3f x, %.3f x", throughput, p50), null));
        }
        JsonNode waiting = scenarios.path("waiting");
        if (!waiting.isMissingNode()) {
            int browsers = waiting.path("browsers").asInt();
            int failures = waiting.path("failures").asInt();
            int signedIn = waiting.path("signedIn").asInt();
            goals.add(goal(browsers + " browsers waiting at once on one node: no failures, every one signed in after its approval",
                    failures + " failures, " + signedIn + "/" + browsers + " signed in", failures == 0 && signedIn == browsers));
            int threads = waiting.path("holding").path("threadsMax").asInt() - waiting.path("baseline").path("threadsMax").asInt();
            goals.add(goal("Threads held while they wait: server threads + <= 5 % of the waiting browsers (no thread per wait)",
                    "+" + threads + " threads", threads <= browsers / 20));
            double heap = waiting.path("holding").path("liveHeapMb").asDouble() - waiting.path("baseline").path("liveHeapMb").asDouble();
            double perBrowserKb = heap * 1024 / browsers;
            goals.add(goal("Memory held while they wait: live heap (after a full GC) + <= 50 KB per waiting browser",
                    String.format(java.util.Locale.ROOT, "%+.1f MB, %.1f KB per browser (login attempt, challenge, connection)",
                            heap, perBrowserKb), perBrowserKb <= 50));
            goals.add(goal("CPU while they wait (long-polls renewed every 25 s, QR rotated every 60 s)",
                    waiting.path("holding").path("serverCpuCores").asText() + " cores (idle server: "
                            + waiting.path("baseline").path("serverCpuCores").asText() + ")", null));
        }
        goals.add(goal("Register lookup p99 < 50 us at 100,000 entries",
                "not measured here: JMH RegisterLookupBenchmark (docs/performance.md, Tableau register lookups)", null));
        return goals;
    }

    private static Map<String, Object> goal(String name, String measured, Boolean met) {
        Map<String, Object> goal = new LinkedHashMap<>();
        goal.put("goal", name);
        goal.put("measured", measured);
        goal.put("met", met);
        return goal;
    }
}
