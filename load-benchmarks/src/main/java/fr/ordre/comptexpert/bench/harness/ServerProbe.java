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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the Keycloak process spends while a round runs: CPU time from {@code /proc/<pid>/stat} (utime + stime of
 * the JVM, all threads) and heap from the management port's Prometheus metrics
 * ({@code jvm_memory_used_bytes{area="heap"}}, summed over the pools), sampled every second. Also the whole
 * machine's busy CPU time ({@code /proc/stat}): Keycloak plus what it leaves out, PostgreSQL, the driver that
 * reads the pages and the harness's mail sink that receives the mails, all on the same cores.
 *
 * <p>The JVM's CPU is also split by thread ({@code /proc/<pid>/task/<tid>/stat}, named by the thread's first 15
 * characters): the request threads that run Keycloak's and our code, the garbage collector, the JIT compilers and the
 * rest. A short window's process CPU swings with whether a young collection falls inside it; the request threads'
 * CPU does not, so a small difference in the work per request shows through it with far fewer rounds.
 */
final class ServerProbe implements AutoCloseable {

    /** What one round cost the server. */
    record Usage(
            double cpuSeconds,
            double machineCpuSeconds,
            double wallSeconds,
            double heapMeanMb,
            double heapMaxMb,
            double loadAverage,
            Map<String, Double> cpuSecondsByThreads) {
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
    private final Map<String, Long> threadTicksAtStart;
    private final long startNanos = System.nanoTime();
    private volatile boolean running = true;

    ServerProbe(long pid, String managementUrl, long ticksPerSecond) {
        this.pid = pid;
        this.metricsUrl = managementUrl + "/metrics";
        this.ticksPerSecond = ticksPerSecond;
        this.cpuTicksAtStart = cpuTicks(pid);
        this.machineTicksAtStart = machineBusyTicks();
        this.threadTicksAtStart = threadTicks(pid);
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
        Map<String, Double> byThreads = new LinkedHashMap<>();
        Map<String, Long> threadTicksAtEnd = threadTicks(pid);
        for (ThreadGroup group : ThreadGroup.values()) {
            long spent = 0;
            for (Map.Entry<String, Long> thread : threadTicksAtEnd.entrySet()) {
                if (ThreadGroup.of(thread.getKey().substring(thread.getKey().indexOf(' ') + 1)) == group) {
                    // A thread born during the window counts from zero; one that ended took its ticks with it.
                    spent += thread.getValue() - threadTicksAtStart.getOrDefault(thread.getKey(), 0L);
                }
            }
            byThreads.put(group.key, spent / (double) ticksPerSecond);
        }
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
        return new Usage(cpu, machine, wall, mean, max, Provenance.loadAverage(), byThreads);
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

    /** The JVM's threads by what they do, from the names the JVM, Quarkus and Vert.x give them. */
    enum ThreadGroup {
        REQUEST("request"),
        GC("gc"),
        JIT("jit"),
        OTHER("other");

        final String key;

        ThreadGroup(String key) {
            this.key = key;
        }

        /** {@code name} as the kernel keeps it: the thread's name cut to 15 characters. */
        static ThreadGroup of(String name) {
            if (name.startsWith("executor-thread")
                    || name.startsWith("vert.x-eventloo")
                    || name.startsWith("vert.x-worker")) {
                return REQUEST;
            }
            if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                return GC;
            }
            if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                return JIT;
            }
            return OTHER;
        }
    }

    /** utime + stime of each of the process's threads, keyed by "tid name". */
    static Map<String, Long> threadTicks(long pid) {
        Map<String, Long> ticks = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.put(task.getFileName() + " " + name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc/" + pid + "/task: " + e.getMessage(), e);
        }
        return ticks;
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
