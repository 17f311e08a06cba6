package fr.ordre.comptexpert.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ordre.comptexpert.companion.ExpertpassCompanion;
import fr.ordre.comptexpert.it.support.FormClient;
import fr.ordre.comptexpert.it.support.Http;
import fr.ordre.comptexpert.it.support.HttpExpertpass;
import fr.ordre.comptexpert.it.support.Json;
import fr.ordre.comptexpert.it.support.OidcClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many browsers waiting at once on one node (issue #6: "1,000 browsers waiting at once on one node: no failures,
 * threads and memory held, CPU while idle"). Each simulated browser is what the login page's script does: open
 * the page (its own cookies, its own login attempt and QR), then long-poll {@code browser/wait} again and again,
 * {@code browser/rotate} when its QR expires, until its phone approves; then it submits the page's form and the
 * service exchanges the code. All long-polls are in flight together, over one connection each.
 *
 * <p>Phases: the idle server (baseline), the pages opened, everybody waiting for {@code holdSeconds} (more than
 * two long-poll cycles and one QR rotation), every browser approved by a phone and signed in, the server after.
 * Threads and RSS come from {@code /proc/<pid>/status}, CPU from {@code /proc/<pid>/stat}, the live heap from the
 * metrics after a {@code jcmd GC.run} (so garbage does not count).
 */
final class WaitingBrowsers {

    /** What the page shows: its QR and code, replaced together on rotation. */
    private record Shown(String challengeUrl, String code) {}

    /** One simulated browser tab. */
    private final class Tab {
        final FormClient session;
        final HttpResponse<String> page;
        final String api;
        /** The page's watch token, as JSON; a rotation hands the page the new QR's token. */
        volatile String waitBody;

        volatile Shown shown;
        /** Completed with the next QR when the page rotates it (then replaced): what a rescan waits for. */
        volatile CompletableFuture<Shown> nextShown = new CompletableFuture<>();

        final CompletableFuture<Long> approved = new CompletableFuture<>();

        Tab(FormClient session, HttpResponse<String> page) {
            this.session = session;
            this.page = page;
            // The panel's script asks for the QR once the panel is in view.
            HttpExpertpass.Panel panel = HttpExpertpass.panel(session, page);
            this.api = panel.api();
            this.waitBody = watchBody(panel.watch());
            this.shown = new Shown(panel.challengeUrl(), panel.code());
        }

        /** The page's loop: wait; pending → wait again; expired → rotate; approved → done; error → again in 2 s. */
        void poll() {
            inFlight.incrementAndGet();
            session.postJsonAsync(api + "/browser/wait", waitBody).whenComplete((response, error) -> {
                inFlight.decrementAndGet();
                waits.incrementAndGet();
                String status = status(response, error, "wait");
                switch (status) {
                    case "pending" -> poll();
                    case "expired" -> rotate();
                    case "approved" -> approved.complete(System.nanoTime());
                    default -> again(status);
                }
            });
        }

        void rotate() {
            session.postJsonAsync(api + "/browser/rotate", waitBody).whenComplete((response, error) -> {
                String status = status(response, error, "rotate");
                if ("pending".equals(status)) {
                    JsonNode body = read(response.body());
                    Shown fresh = new Shown(
                            HttpExpertpass.decodeDataUri(body.path("qr").asText()),
                            body.path("code").asText());
                    waitBody = watchBody(body.path("watch").asText());
                    CompletableFuture<Shown> waiting = nextShown;
                    shown = fresh;
                    nextShown = new CompletableFuture<>();
                    waiting.complete(fresh);
                    rotations.incrementAndGet();
                    poll();
                } else if ("approved".equals(status)) {
                    approved.complete(System.nanoTime());
                } else {
                    again(status);
                }
            });
        }

        private static String watchBody(String watch) {
            return "{\"watch\":\"" + watch + "\"}";
        }

        /** As the page does after a failed call: ask again in 2 s. Any answer but the expected ones is a failure. */
        private void again(String status) {
            if (!"error".equals(status)) {
                failures.add("unexpected status " + status);
            }
            CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS).execute(this::poll);
        }
    }

    private final OidcClient client;
    private final List<ExpertpassCompanion> phones;
    private final long pid;
    private final String management;
    private final long ticks;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger waits = new AtomicInteger();
    private final AtomicInteger rotations = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    WaitingBrowsers(OidcClient client, List<ExpertpassCompanion> phones, long pid, String management, long ticks) {
        this.client = client;
        this.phones = phones;
        this.pid = pid;
        this.management = management;
        this.ticks = ticks;
    }

    Map<String, Object> run(int browsers, int holdSeconds, int baselineSeconds) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("browsers", browsers);
        out.put("holdSeconds", holdSeconds);
        System.out.printf("[driver] waiting: idle server for %d s (baseline)%n", baselineSeconds);
        out.put("baseline", window(baselineSeconds, null));

        System.out.printf(
                "[driver] waiting: opening %d login pages, each its own cookies and login attempt%n", browsers);
        HttpClient http = Http.newClient();
        List<Tab> tabs = Collections.synchronizedList(new ArrayList<>());
        long opening = System.nanoTime();
        ExecutorService openers = Executors.newFixedThreadPool(8);
        List<Future<?>> opened = new ArrayList<>();
        for (int i = 0; i < browsers; i++) {
            opened.add(openers.submit(() -> {
                OidcClient.Authorization authorization = client.authorize(LoadDriver.REDIRECT_URI);
                FormClient session = new FormClient(http);
                HttpResponse<String> page = session.get(authorization.url(), LoadDriver.REDIRECT_URI);
                if (page.statusCode() != 200) {
                    throw new IllegalStateException("Login page: " + page.statusCode());
                }
                Tab tab = new Tab(session, page);
                tabs.add(tab);
                tab.poll();
                return null;
            }));
        }
        for (Future<?> f : opened) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add("open: " + e.getCause());
            }
        }
        openers.shutdown();
        out.put("pagesOpenedSeconds", Stats.round((System.nanoTime() - opening) / 1e9, 1));

        System.out.printf("[driver] waiting: %d browsers waiting, holding %d s%n", tabs.size(), holdSeconds);
        int waitsBefore = waits.get();
        int rotationsBefore = rotations.get();
        Map<String, Object> holding = window(holdSeconds, inFlight);
        holding.put("longPollsAnswered", waits.get() - waitsBefore);
        holding.put("qrRotations", rotations.get() - rotationsBefore);
        out.put("holding", holding);

        System.out.printf("[driver] waiting: approving every browser with %d phones%n", phones.size());
        long approving = System.nanoTime();
        List<Long> wakeNanos = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger signedIn = new AtomicInteger();
        AtomicInteger rescans = new AtomicInteger();
        ExecutorService approvers = Executors.newFixedThreadPool(phones.size());
        List<Future<?>> done = new ArrayList<>();
        for (int p = 0; p < phones.size(); p++) {
            ExpertpassCompanion phone = phones.get(p);
            int first = p;
            done.add(approvers.submit(() -> {
                for (int i = first; i < tabs.size(); i += phones.size()) {
                    try {
                        approveAndSignIn(tabs.get(i), phone, wakeNanos, rescans);
                        signedIn.incrementAndGet();
                    } catch (Exception | AssertionError e) {
                        failures.add("approve/sign-in: " + e.getMessage());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        approvers.shutdown();
        out.put("approveAndSignInSeconds", Stats.round((System.nanoTime() - approving) / 1e9, 1));
        out.put("signedIn", signedIn.get());
        out.put("rescansAfterRotation", rescans.get());
        long[] wake = wakeNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("count", wake.length);
        latency.put("p50Ms", Stats.round(Stats.percentile(wake, wake.length, 0.50), 1));
        latency.put(
                "p99Ms",
                wake.length >= Stats.MIN_SAMPLES_FOR_P99
                        ? Stats.round(Stats.percentile(wake, wake.length, 0.99), 1)
                        : null);
        latency.put("maxMs", Stats.round(Stats.percentile(wake, wake.length, 1.0), 1));
        out.put("approvalToWakeUp", latency);

        System.out.println("[driver] waiting: server after, 10 s");
        out.put("after", window(10, null));
        out.put("failures", failures.size());
        out.put("failureSamples", failures.stream().limit(5).toList());
        return out;
    }

    /** The phone approves the code shown (scanning again if the QR rotated meanwhile); the page then signs in. */
    private void approveAndSignIn(Tab tab, ExpertpassCompanion phone, List<Long> wakeNanos, AtomicInteger rescans)
            throws Exception {
        ExpertpassCompanion.Result result = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Shown shown = tab.shown;
            result = phone.approve(shown.challengeUrl(), shown.code());
            if (result.status() == 200) {
                break;
            }
            // 404/410: the QR rotated between the scan and the approval; the phone scans the new one.
            rescans.incrementAndGet();
            awaitNewQr(tab, shown);
        }
        long answered = System.nanoTime();
        if (result == null || result.status() != 200) {
            throw new IllegalStateException("approval refused: " + result);
        }
        long woken = tab.approved.get(30, TimeUnit.SECONDS);
        wakeNanos.add(woken - answered);
        HttpResponse<String> posted =
                tab.session.post(HttpExpertpass.continueAction(tab.page), Map.of("ordreExpertpass", "continue"));
        String callback = FormClient.location(posted);
        if (!callback.startsWith(LoadDriver.REDIRECT_URI)) {
            throw new IllegalStateException("sign-in ended at " + callback);
        }
    }

    /** Until the page shows another QR than {@code old}, or is approved, for 30 s at most. */
    private static void awaitNewQr(Tab tab, Shown old) throws Exception {
        CompletableFuture<Shown> next = tab.nextShown;
        if (tab.shown == old && !tab.approved.isDone()) {
            try {
                CompletableFuture.anyOf(next, tab.approved).get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // The approval is retried with what the page shows; a refusal then counts as a failure.
            }
        }
    }

    /** The server over a window: CPU cores used, threads and RSS sampled every second, live heap at the end. */
    private Map<String, Object> window(int seconds, AtomicInteger waiting) throws InterruptedException {
        long cpuStart = ServerProbe.cpuTicks(pid);
        long start = System.nanoTime();
        List<Integer> threads = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        List<Integer> inFlightSamples = new ArrayList<>();
        long next = start;
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds)) {
            Map<String, Long> status = procStatus();
            threads.add(status.get("Threads").intValue());
            rss.add(status.get("VmRSS"));
            if (waiting != null) {
                inFlightSamples.add(waiting.get());
            }
            next += TimeUnit.SECONDS.toNanos(1);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (ServerProbe.cpuTicks(pid) - cpuStart) / (double) ticks;
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("seconds", Stats.round(wall, 1));
        w.put("serverCpuCores", Stats.round(cpu / wall, 3));
        w.put("threadsMin", threads.stream().mapToInt(Integer::intValue).min().orElse(-1));
        w.put("threadsMax", threads.stream().mapToInt(Integer::intValue).max().orElse(-1));
        w.put(
                "rssMaxMb",
                Stats.round(rss.stream().mapToLong(Long::longValue).max().orElse(0) / 1024.0, 0));
        if (waiting != null) {
            w.put(
                    "longPollsInFlightMin",
                    inFlightSamples.stream().mapToInt(Integer::intValue).min().orElse(-1));
            w.put(
                    "longPollsInFlightMax",
                    inFlightSamples.stream().mapToInt(Integer::intValue).max().orElse(-1));
        }
        w.put("liveHeapMb", Stats.round(liveHeapMb(), 1));
        return w;
    }

    /** Heap in use right after a full collection of the server (jcmd GC.run): what is really held. */
    private double liveHeapMb() throws InterruptedException {
        if (!ServerProbe.fullGc(pid)) {
            return Double.NaN;
        }
        return ServerProbe.heapMb(management + "/metrics");
    }

    /** Threads and VmRSS (kB) of the server process. */
    private Map<String, Long> procStatus() {
        Map<String, Long> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("Threads:") || line.startsWith("VmRSS:")) {
                    values.put(line.substring(0, line.indexOf(':')), Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc/" + pid + "/status", e);
        }
        return values;
    }

    /** The status of a browser call's answer, or "error" (recorded) for a failure. */
    private String status(HttpResponse<String> response, Throwable error, String call) {
        if (error != null || response == null || response.statusCode() != 200) {
            failures.add(call + ": "
                    + (error != null
                            ? error
                            : response == null ? "no answer" : response.statusCode() + " " + response.body()));
            return "error";
        }
        return read(response.body()).path("status").asText("error");
    }

    private static JsonNode read(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }
}
