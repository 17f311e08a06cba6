package fr.ordre.comptexpert.bench.harness;

import fr.ordre.comptexpert.bench.Provenance;
import fr.ordre.comptexpert.it.support.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the Keycloak process spends while a round runs: CPU time from {@code /proc/<pid>/stat} (utime + stime of
 * the JVM, all threads) and heap from the management port's Prometheus metrics
 * ({@code jvm_memory_used_bytes{area="heap"}}, summed over the pools), sampled every second. Also the whole
 * machine's busy CPU time ({@code /proc/stat}): Keycloak plus what it leaves out, PostgreSQL, the driver that
 * reads the pages and the harness's mail sink that receives the mails, all on the same cores.
 */
final class ServerProbe implements AutoCloseable {

    /** What one round cost the server. */
    record Usage(
            double cpuSeconds,
            double machineCpuSeconds,
            double wallSeconds,
            double heapMeanMb,
            double heapMaxMb,
            double loadAverage) {
        /** Cores busy on average: 1.0 is one core fully used. */
        double cpuCores() {
            return wallSeconds == 0 ? 0 : cpuSeconds / wallSeconds;
        }
    }

    private final long pid;
    private final String metricsUrl;
    private final long ticksPerSecond;
    private final List<Double> heapSamples = new ArrayList<>();
    private final Thread sampler;
    private final long cpuTicksAtStart;
    private final long machineTicksAtStart;
    private final long startNanos = System.nanoTime();
    private volatile boolean running = true;

    ServerProbe(long pid, String managementUrl, long ticksPerSecond) {
        this.pid = pid;
        this.metricsUrl = managementUrl + "/metrics";
        this.ticksPerSecond = ticksPerSecond;
        this.cpuTicksAtStart = cpuTicks(pid);
        this.machineTicksAtStart = machineBusyTicks();
        this.sampler = new Thread(this::sample, "server-probe");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            double heap = heapMb(metricsUrl);
            if (!Double.isNaN(heap)) {
                synchronized (heapSamples) {
                    heapSamples.add(heap);
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling and returns what the server used since this probe was made. */
    Usage stop() {
        running = false;
        sampler.interrupt();
        double wall = (System.nanoTime() - startNanos) / 1e9;
        double cpu = (cpuTicks(pid) - cpuTicksAtStart) / (double) ticksPerSecond;
        double machine = (machineBusyTicks() - machineTicksAtStart) / (double) ticksPerSecond;
        double mean;
        double max;
        synchronized (heapSamples) {
            mean = heapSamples.stream()
                    .mapToDouble(Double::doubleValue)
                    .average()
                    .orElse(Double.NaN);
            max = heapSamples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }
        return new Usage(cpu, machine, wall, mean, max, Provenance.loadAverage());
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    /** utime + stime (fields 14 and 15) in clock ticks; the command name (field 2) may hold spaces, so parse after ')'. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): utime is field 14, stime field 15
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc/" + pid + "/stat: " + e.getMessage(), e);
        }
    }

    /**
     * All cores' busy time in clock ticks: the first line of {@code /proc/stat} ("cpu  user nice system idle iowait
     * irq softirq steal ..."), everything but idle and iowait (guest time is already inside user).
     */
    static long machineBusyTicks() {
        try (var lines = Files.lines(Path.of("/proc/stat"))) {
            String[] fields = lines.findFirst().orElseThrow().trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(fields[i]);
            }
            return busy;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc/stat: " + e.getMessage(), e);
        }
    }

    static double heapMb(String metricsUrl) {
        try {
            HttpResponse<String> response = Http.CLIENT.send(
                    HttpRequest.newBuilder(URI.create(metricsUrl))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            double bytes = 0;
            boolean found = false;
            for (String line : response.body().split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    bytes += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    found = true;
                }
            }
            return found ? bytes / (1024 * 1024) : Double.NaN;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /**
     * A full collection of the server's heap (jcmd GC.run), waited for.
     *
     * @return whether it ran
     */
    static boolean fullGc(long pid) throws InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process gc = new ProcessBuilder(jcmd, Long.toString(pid), "GC.run")
                    .redirectErrorStream(true)
                    .start();
            gc.getInputStream().readAllBytes();
            return gc.waitFor(60, TimeUnit.SECONDS) && gc.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
