package fr.ordre.comptexpert.bench.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Latencies of the successful operations of one round (or of several, merged), errors, wall time and server usage. */
final class Stats {

    /** p99 is given only from this many samples on. */
    static final int MIN_SAMPLES_FOR_P99 = 1000;

    private long[] latencies = new long[256];
    private int count;
    private int errors;
    private final List<Long> secondary = new ArrayList<>();
    /** Time per step of the successful operations (page, credentials, token...), by step name. */
    private final Map<String, List<Long>> steps = new LinkedHashMap<>();

    double elapsedSeconds;
    /**
     * With threads that switch variants within a window (LoadDriver.interleaved): how many. The throughput is then
     * theirs over the time they spent on this variant's operations (threads ÷ mean latency), not over the wall time:
     * an operation of the other variant that runs over into this one's slice would otherwise count against it.
     */
    int interleavedThreads;

    double cpuSeconds;
    double machineCpuSeconds;
    /** The JVM's CPU by thread group (request, gc, jit, other), in seconds. */
    final Map<String, Double> cpuSecondsByThreads = new LinkedHashMap<>();

    final List<Double> heapMeans = new ArrayList<>();
    final List<Double> heapMaxima = new ArrayList<>();
    final List<Double> loads = new ArrayList<>();

    synchronized void ok(long nanos) {
        if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
        }
        latencies[count++] = nanos;
    }

    /** A second latency of the same operation (QR: approval to redirect). */
    synchronized void okSecondary(long nanos) {
        secondary.add(nanos);
    }

    synchronized void steps(Map<String, Long> timed) {
        timed.forEach((name, nanos) ->
                steps.computeIfAbsent(name, k -> new ArrayList<>()).add(nanos));
    }

    synchronized void error() {
        errors++;
    }

    synchronized int count() {
        return count;
    }

    synchronized int errors() {
        return errors;
    }

    void usage(ServerProbe.Usage usage) {
        cpuSeconds += usage.cpuSeconds();
        machineCpuSeconds += usage.machineCpuSeconds();
        usage.cpuSecondsByThreads().forEach((group, seconds) -> cpuSecondsByThreads.merge(group, seconds, Double::sum));
        heapMeans.add(usage.heapMeanMb());
        heapMaxima.add(usage.heapMaxMb());
        loads.add(usage.loadAverage());
    }

    synchronized void add(Stats other) {
        for (int i = 0; i < other.count; i++) {
            ok(other.latencies[i]);
        }
        secondary.addAll(other.secondary);
        other.steps.forEach((name, values) ->
                steps.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values));
        errors += other.errors;
        elapsedSeconds += other.elapsedSeconds;
        interleavedThreads = Math.max(interleavedThreads, other.interleavedThreads);
        cpuSeconds += other.cpuSeconds;
        machineCpuSeconds += other.machineCpuSeconds;
        other.cpuSecondsByThreads.forEach((group, seconds) -> cpuSecondsByThreads.merge(group, seconds, Double::sum));
        heapMeans.addAll(other.heapMeans);
        heapMaxima.addAll(other.heapMaxima);
        loads.addAll(other.loads);
    }

    synchronized double throughput() {
        if (interleavedThreads > 0) {
            double busySeconds = Arrays.stream(latencies, 0, count).sum() / 1e9;
            return busySeconds == 0 ? 0 : count * interleavedThreads / busySeconds;
        }
        return elapsedSeconds == 0 ? 0 : count / elapsedSeconds;
    }

    static double percentile(long[] values, int n, double p) {
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return sorted[Math.max(0, Math.min(n - 1, (int) Math.ceil(p * n) - 1))] / 1e6;
    }

    synchronized Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("operations", count);
        json.put("errors", errors);
        json.put("seconds", round(elapsedSeconds, 1));
        json.put("throughputPerSecond", round(throughput(), 3));
        json.put("p50Ms", round(percentile(latencies, count, 0.50), 1));
        json.put("p95Ms", round(percentile(latencies, count, 0.95), 1));
        // A p99 from fewer than 1,000 samples rests on fewer than 10 of them: not given.
        json.put("p99Ms", count >= MIN_SAMPLES_FOR_P99 ? round(percentile(latencies, count, 0.99), 1) : null);
        json.put("maxMs", round(percentile(latencies, count, 1.0), 1));
        if (!secondary.isEmpty()) {
            long[] s = secondary.stream().mapToLong(Long::longValue).toArray();
            Map<String, Object> second = new LinkedHashMap<>();
            second.put("count", s.length);
            second.put("minMs", round(Arrays.stream(s).min().orElse(0) / 1e6, 1));
            second.put("p50Ms", round(percentile(s, s.length, 0.50), 1));
            second.put("p95Ms", round(percentile(s, s.length, 0.95), 1));
            second.put("p99Ms", s.length >= MIN_SAMPLES_FOR_P99 ? round(percentile(s, s.length, 0.99), 1) : null);
            second.put("maxMs", round(percentile(s, s.length, 1.0), 1));
            json.put("approvalToRedirect", second);
        }
        if (!steps.isEmpty()) {
            Map<String, Object> byStep = new LinkedHashMap<>();
            steps.forEach((name, values) -> {
                long[] v = values.stream().mapToLong(Long::longValue).toArray();
                byStep.put(
                        name,
                        Map.of(
                                "p50Ms",
                                round(percentile(v, v.length, 0.50), 1),
                                "p95Ms",
                                round(percentile(v, v.length, 0.95), 1)));
            });
            json.put("steps", byStep);
        }
        json.put("serverCpuCores", round(elapsedSeconds == 0 ? 0 : cpuSeconds / elapsedSeconds, 2));
        json.put("serverCpuMsPerOperation", round(count == 0 ? Double.NaN : cpuSeconds * 1000 / count, 3));
        if (!cpuSecondsByThreads.isEmpty()) {
            Map<String, Object> byThreads = new LinkedHashMap<>();
            cpuSecondsByThreads.forEach((group, seconds) ->
                    byThreads.put(group, round(count == 0 ? Double.NaN : seconds * 1000 / count, 3)));
            json.put("serverCpuMsPerOperationByThreads", byThreads);
        }
        // Keycloak, PostgreSQL, the driver and the mail sink share the cores: what an operation costs all of them.
        json.put("machineCpuMsPerOperation", round(count == 0 ? Double.NaN : machineCpuSeconds * 1000 / count, 3));
        json.put(
                "heapMeanMb",
                round(
                        heapMeans.stream()
                                .filter(d -> !d.isNaN())
                                .mapToDouble(Double::doubleValue)
                                .average()
                                .orElse(Double.NaN),
                        0));
        json.put(
                "heapMaxMb",
                round(
                        heapMaxima.stream()
                                .filter(d -> !d.isNaN())
                                .mapToDouble(Double::doubleValue)
                                .max()
                                .orElse(Double.NaN),
                        0));
        json.put(
                "loadAverage",
                round(
                        loads.stream()
                                .filter(d -> !d.isNaN())
                                .mapToDouble(Double::doubleValue)
                                .average()
                                .orElse(Double.NaN),
                        1));
        return json;
    }

    static Object round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        double f = Math.pow(10, decimals);
        return Math.round(value * f) / f;
    }
}
