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
