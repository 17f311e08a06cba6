package fr.ordre.comptexpert.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results as Markdown (pasted into docs/performance.md) and as a bar chart in hand-drawn SVG. */
final class Report {

    private static final String[][] ROWS = {
        {"signin", "stock", "Password sign-in, Keycloak's built-in `browser` flow (`bench-stock`)"},
        {"signin", "ordre", "Password sign-in, realm flow `ordre browser` (`bench-ordre`)"},
        {"register", "stock", "Registration to mail sent, stock (realm `stock`)"},
        {"register", "ordre", "Registration to mail sent, Ordre (`ordre registration`)"},
        {"qr", "ordre", "Expertpass QR sign-in (page to token, scan pause excluded)"},
        {"panel", "without", "Login page without the QR panel (same flow, `expertpass-enabled=false`)"},
        {"panel", "with", "Login page with the QR panel (`ordre browser`)"},
        {"firstvisit", "without", "First visit: login page without the QR panel"},
        {"firstvisit", "with", "First visit: login page with the QR panel and its script (empty browser cache)"},
    };

    private Report() {}

    static String markdown(JsonNode r) {
        StringBuilder md = new StringBuilder();
        JsonNode m = r.path("machine");
        JsonNode v = r.path("versions");
        JsonNode p = r.path("parameters");
        md.append(String.format(
                Locale.ROOT,
                "Run of %s. Machine: `nproc` = %s (%s), %s GB RAM, %s; load average %s at the start, %s at the end.%n",
                r.path("startedAt").asText(),
                m.path("nproc").asText(),
                m.path("cpuModel").asText(),
                m.path("ramGb").asText(),
                m.path("os").asText(),
                r.path("loadAverageAtStart").asText(),
                r.path("loadAverageAtEnd").asText()));
        md.append(String.format(
                Locale.ROOT,
                "Versions: Keycloak %s (%s, heap `%s`), %s, PostgreSQL %s, Comptexpert `%s`.%n%n",
                v.path("keycloak").asText(),
                v.path("keycloakMode").asText(),
                v.path("keycloakHeap").asText(),
                v.path("java").asText(),
                v.path("postgresql").asText(),
                v.path("comptexpert").asText()));
        md.append(String.format(
                Locale.ROOT,
                "Parameters: %s load threads (QR: %s, one phone each), warm-up %s s per variant, "
                        + "%s rounds of %s s per variant (registration and first visit: A B B A, then B A A B, two windows a variant, each after a full GC of the server; sign-in and the login page: both variants in the same window, switching every 1 s and 100 ms, A B B A A B B A ..., a full GC before each round), %s sign-in users, password policy `%s`, hashing: %s.%n%n",
                p.path("threads").asText(),
                p.path("qrThreads").asText(),
                p.path("warmupSecondsPerVariant").asText(),
                p.path("rounds").asText(),
                p.path("secondsPerRoundAndVariant").asText(),
                p.path("signInUsers").asText(),
                p.path("passwordPolicy").asText(),
                p.path("passwordHashing").asText()));
        JsonNode byScenario = p.path("roundsByScenario");
        if (byScenario.isObject()) {
            List<String> each = new ArrayList<>();
            byScenario.fieldNames().forEachRemaining(name -> {
                if (r.path("scenarios").has(name)) {
                    each.add(String.format(
                            Locale.ROOT,
                            "%s %s × %s s",
                            name,
                            byScenario.path(name).asText(),
                            p.path("secondsByScenario").path(name).asText()));
                }
            });
            md.append("Rounds per scenario (rounds × seconds per variant): ")
                    .append(String.join(", ", each))
                    .append(".\n\n");
        }
        md.append(
                "| Scenario | ops | errors | throughput (/s) | p50 (ms) | p95 (ms) | p99 (ms) | server CPU (cores) | CPU ms/op | heap mean / max (MB) | load avg |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (String[] row : ROWS) {
            JsonNode s = r.path("scenarios").path(row[0]).path("variants").path(row[1]);
            if (s.isMissingNode()) {
                continue;
            }
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s | %s |%n",
                    row[2],
                    s.path("operations").asText(),
                    s.path("errors").asText(),
                    s.path("throughputPerSecond").asText(),
                    s.path("p50Ms").asText(),
                    s.path("p95Ms").asText(),
                    p99(s),
                    s.path("serverCpuCores").asText(),
                    s.path("serverCpuMsPerOperation").asText(),
                    s.path("heapMeanMb").asText(),
                    s.path("heapMaxMb").asText(),
                    s.path("loadAverage").asText()));
        }
        JsonNode a2r =
                r.path("scenarios").path("qr").path("variants").path("ordre").path("approvalToRedirect");
        if (!a2r.isMissingNode()) {
            md.append(String.format(
                    Locale.ROOT,
                    "%nExpertpass approval-to-redirect (app's 200 to the 302 with the code), %s sign-ins: "
                            + "min %s ms, p50 %s ms, p95 %s ms, p99 %s ms, max %s ms.%n",
                    a2r.path("count").asText(),
                    a2r.path("minMs").asText(),
                    a2r.path("p50Ms").asText(),
                    a2r.path("p95Ms").asText(),
                    p99(a2r),
                    a2r.path("maxMs").asText()));
        }
        JsonNode waiting = r.path("scenarios").path("waiting");
        if (!waiting.isMissingNode()) {
            md.append(String.format(
                    Locale.ROOT,
                    "%n%s browsers waiting at once on one node (pages opened in %s s, held %s s, then all approved "
                            + "and signed in in %s s): long-polls in flight min %s / max %s, long-polls answered while held %s, QR rotations %s, "
                            + "signed in %s, failures %s, rescans after a rotation %s; approval-to-wake-up p50 %s ms, p99 %s ms.%n%n",
                    waiting.path("browsers").asText(),
                    waiting.path("pagesOpenedSeconds").asText(),
                    waiting.path("holdSeconds").asText(),
                    waiting.path("approveAndSignInSeconds").asText(),
                    waiting.path("holding").path("longPollsInFlightMin").asText(),
                    waiting.path("holding").path("longPollsInFlightMax").asText(),
                    waiting.path("holding").path("longPollsAnswered").asText(),
                    waiting.path("holding").path("qrRotations").asText(),
                    waiting.path("signedIn").asText(),
                    waiting.path("failures").asText(),
                    waiting.path("rescansAfterRotation").asText(),
                    waiting.path("approvalToWakeUp").path("p50Ms").asText(),
                    p99(waiting.path("approvalToWakeUp"))));
            md.append(
                    "| Server | seconds | CPU (cores) | threads min / max | RSS max (MB) | live heap after full GC (MB) |\n|---|---|---|---|---|---|\n");
            for (String phase : List.of("baseline", "holding", "after")) {
                JsonNode w = waiting.path(phase);
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %s / %s | %s | %s |%n",
                        Map.of(
                                        "baseline",
                                        "idle, before",
                                        "holding",
                                        "while they all wait",
                                        "after",
                                        "after, all signed in")
                                .get(phase),
                        w.path("seconds").asText(),
                        w.path("serverCpuCores").asText(),
                        w.path("threadsMin").asText(),
                        w.path("threadsMax").asText(),
                        w.path("rssMaxMb").asText(),
                        w.path("liveHeapMb").asText()));
            }
        }
        JsonNode reg = r.path("scenarios").path("register");
        if (!reg.isMissingNode()) {
            md.append(String.format(
                    Locale.ROOT,
                    "%nRegistrations checked against the Tableau: %s; mails received by the SMTP server: Ordre %s, stock %s.%n",
                    reg.path("tableauRegistrations").asText(),
                    r.path("mailsReceived").path("ordreRegistration").asText(),
                    r.path("mailsReceived").path("stockRegistration").asText()));
        }
        md.append("\nWhere the time goes (p50 / p95 ms per step):\n\n| Scenario | steps |\n|---|---|\n");
        for (String[] row : ROWS) {
            JsonNode steps = r.path("scenarios")
                    .path(row[0])
                    .path("variants")
                    .path(row[1])
                    .path("steps");
            if (!steps.isMissingNode()) {
                List<String> cells = new ArrayList<>();
                steps.fields()
                        .forEachRemaining(e -> cells.add(
                                e.getKey() + " " + e.getValue().path("p50Ms").asText() + " / "
                                        + e.getValue().path("p95Ms").asText()));
                md.append("| ")
                        .append(row[2])
                        .append(" | ")
                        .append(String.join("; ", cells))
                        .append(" |\n");
            }
        }
        md.append("\nPer round (throughput /s, p95 ms; the variant that starts the round is named):\n\n");
        md.append(
                "| Scenario | round | first | A /s (stock, without panel) | B /s (Ordre, with panel) | A p95 | B p95 |\n|---|---|---|---|---|---|---|\n");
        for (String[] pair : List.of(
                new String[] {"signin", "stock", "ordre"},
                new String[] {"register", "stock", "ordre"},
                new String[] {"panel", "without", "with"},
                new String[] {"firstvisit", "without", "with"})) {
            for (JsonNode round : r.path("scenarios").path(pair[0]).path("rounds")) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %s | %s | %s | %s |%n",
                        pair[0],
                        round.path("round").asText(),
                        round.path("first").asText(),
                        round.path(pair[1]).path("throughputPerSecond").asText(),
                        round.path(pair[2]).path("throughputPerSecond").asText(),
                        round.path(pair[1]).path("p95Ms").asText(),
                        round.path(pair[2]).path("p95Ms").asText()));
            }
        }
        md.append("\nGoals:\n\n| Goal | Measured | Met |\n|---|---|---|\n");
        for (JsonNode goal : r.path("goals")) {
            String met = !goal.path("met").isNull()
                    ? (goal.path("met").asBoolean() ? "yes" : "**no**")
                    : goal.path("measured").asText().contains("JMH") ? "see JMH" : "reported";
            md.append("| ")
                    .append(goal.path("goal").asText())
                    .append(" | ")
                    .append(goal.path("measured").asText())
                    .append(" | ")
                    .append(met)
                    .append(" |\n");
        }
        return md.toString();
    }

    /** Two panels: throughput and p95 latency, stock and Ordre side by side per scenario. */
    static String svg(JsonNode r) {
        record Bar(String group, String variant, double throughput, double p95) {}
        List<Bar> bars = new ArrayList<>();
        for (String[] row : ROWS) {
            JsonNode s = r.path("scenarios").path(row[0]).path("variants").path(row[1]);
            if (!s.isMissingNode()) {
                bars.add(new Bar(
                        row[0],
                        row[1],
                        s.path("throughputPerSecond").asDouble(),
                        s.path("p95Ms").asDouble()));
            }
        }
        int width = 760;
        int panelHeight = 220;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\" font-size=\"12\">%n",
                width,
                2 * panelHeight + 60,
                width,
                2 * panelHeight + 60));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">Stock Keycloak vs Ordre bundle, one server, one run (%s)</text>%n",
                r.path("startedAt")
                        .asText()
                        .substring(0, Math.min(10, r.path("startedAt").asText().length()))));
        panel(
                svg,
                bars.stream().map(b -> new double[] {b.throughput()}).toList(),
                bars.stream().map(b -> b.group() + " " + b.variant()).toList(),
                bars.stream().map(Bar::variant).toList(),
                "Throughput (operations/s, higher is better)",
                40,
                panelHeight,
                width,
                "%.2f");
        panel(
                svg,
                bars.stream().map(b -> new double[] {b.p95()}).toList(),
                bars.stream().map(b -> b.group() + " " + b.variant()).toList(),
                bars.stream().map(Bar::variant).toList(),
                "p95 latency (ms, lower is better)",
                40 + panelHeight + 10,
                panelHeight,
                width,
                "%.0f");
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<rect x=\"540\" y=\"30\" width=\"12\" height=\"12\" fill=\"#8a8d90\"/><text x=\"558\" y=\"41\">stock Keycloak</text>%n"
                                + "<rect x=\"670\" y=\"30\" width=\"12\" height=\"12\" fill=\"#0b3d91\"/><text x=\"688\" y=\"41\">Ordre</text>%n"));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void panel(
            StringBuilder svg,
            List<double[]> values,
            List<String> labels,
            List<String> variants,
            String title,
            int top,
            int height,
            int width,
            String format) {
        double max = values.stream()
                .mapToDouble(v -> v[0])
                .filter(d -> !Double.isNaN(d))
                .max()
                .orElse(1);
        if (max <= 0) {
            max = 1;
        }
        int left = 60;
        int plotTop = top + 40;
        int plotHeight = height - 80;
        int slot = (width - left - 20) / Math.max(1, values.size());
        svg.append(String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", left, top + 15, title));
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                left,
                plotTop + plotHeight,
                width - 20,
                plotTop + plotHeight));
        for (int i = 0; i < values.size(); i++) {
            double value = values.get(i)[0];
            int h = (int) Math.round(Double.isNaN(value) ? 0 : value / max * plotHeight);
            int x = left + i * slot + slot / 5;
            int w = slot * 3 / 5;
            String fill = "stock".equals(variants.get(i)) || "without".equals(variants.get(i)) ? "#8a8d90" : "#0b3d91";
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
                    x,
                    plotTop + plotHeight - h,
                    w,
                    h,
                    fill));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x + w / 2,
                    plotTop + plotHeight - h - 4,
                    String.format(Locale.ROOT, format, value)));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x + w / 2,
                    plotTop + plotHeight + 16,
                    labels.get(i)));
        }
    }

    /** The p99, or why it is not given (fewer than 1,000 samples). */
    private static String p99(JsonNode stats) {
        return stats.path("p99Ms").isNumber() ? stats.path("p99Ms").asText() : "n < 1,000";
    }
}
