package fr.ordre.comptexpert.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ordre.comptexpert.companion.ExpertpassCompanion;
import fr.ordre.comptexpert.it.support.AdminApi;
import fr.ordre.comptexpert.it.support.FormClient;
import fr.ordre.comptexpert.it.support.Http;
import fr.ordre.comptexpert.it.support.HttpExpertpass;
import fr.ordre.comptexpert.it.support.Json;
import fr.ordre.comptexpert.it.support.OidcClient;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load driver: its own JVM (started by {@link StockVsOrdreHarness}), nothing shared with the server but HTTP.
 * Each operation is what a person's browser does, over plain HTTP with a fresh cookie jar: the authorization
 * request with PKCE, the pages, the form posts, the redirect with the code, the token request. Scenarios run in
 * rounds of A B B A (B A A B every other round), after a warm-up of each, each window on a freshly collected
 * heap; the server's CPU and heap are sampled per window.
 *
 * <p>Argument: the path of the JSON configuration written by the harness. Writes the results to the path it names.
 */
public final class LoadDriver {

    static final String REDIRECT_URI = "http://127.0.0.1:49152/callback";

    /** The panel's script named by a login page's slot (ordre-expertpass-panel.ftl). */
    private static final Pattern PANEL_SCRIPT = Pattern.compile("<script src=\"([^\"]+/browser/panel\\.js\\?[^\"]+)\"");

    private static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** One kind of operation, timed from its first request to its last answer. */
    @FunctionalInterface
    interface Operation {
        /**
         * Runs once on the load thread numbered {@code thread}; returns a second latency in nanoseconds to record,
         * or -1. Throws on any failure.
         */
        long run(HttpClient http, int thread, Steps steps) throws Exception;
    }

    /** The time of each step of one operation, taken as it goes. */
    static final class Steps {
        final Map<String, Long> timed = new LinkedHashMap<>();
        private long last = System.nanoTime();

        void mark(String step) {
            long now = System.nanoTime();
            timed.put(step, now - last);
            last = now;
        }
    }

    private final JsonNode config;
    private final String base;
    private final long pid;
    private final long ticks;
    private final String management;
    private final String password;
    private final String run;
    private final List<String> signInUsers = new ArrayList<>();
    private final ConcurrentLinkedQueue<JsonNode> tableau = new ConcurrentLinkedQueue<>();
    private final AtomicInteger tableauUsed = new AtomicInteger();
    private final List<ExpertpassCompanion> phones = new ArrayList<>();
    private final Map<String, List<String>> errorSamples = new LinkedHashMap<>();

    private LoadDriver(JsonNode config) {
        this.config = config;
        this.base = config.get("baseUrl").asText();
        this.pid = config.get("keycloakPid").asLong();
        this.ticks = config.get("clockTicksPerSecond").asLong();
        this.management = config.get("managementUrl").asText();
        this.password = config.get("password").asText();
        this.run = config.get("runId").asText();
        config.get("signInUsers").forEach(u -> signInUsers.add(u.asText()));
        config.get("tableau").forEach(tableau::add);
    }

    public static void main(String[] args) throws Exception {
        JsonNode config = Json.MAPPER.readTree(Path.of(args[0]).toFile());
        LoadDriver driver = new LoadDriver(config);
        Map<String, Object> results = driver.runAll();
        Json.PRETTY.writeValue(Path.of(config.get("output").asText()).toFile(), results);
        System.out.println("[driver] results written to " + config.get("output").asText());
    }

    private Map<String, Object> runAll() throws Exception {
        int threads = config.get("threads").asInt();
        int warmup = config.get("warmup").asInt();
        List<String> scenarios = new ArrayList<>();
        config.get("scenarios").forEach(s -> scenarios.add(s.asText()));
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> scenarioResults = new LinkedHashMap<>();
        out.put("scenarios", scenarioResults);

        OidcClient ordreClient =
                new OidcClient(base + "/realms/ordre", config.get("ordreClient").asText());
        // Stock Keycloak: realm stock with its defaults, the same people, for sign-in and registration alike.
        OidcClient stockRealmClient = new OidcClient(
                base + "/realms/" + config.get("stockRealm").asText(),
                config.get("stockRegisterClient").asText());
        AtomicInteger nextUser = new AtomicInteger();

        if (scenarios.contains("signin")) {
            // Interleaved in 1-s slices (a sign-in takes 100 to 300 ms): see interleaved().
            scenarioResults.put(
                    "signin",
                    pair(
                            "signin",
                            "stock",
                            "ordre",
                            (http, t, st) -> signIn(
                                    http,
                                    st,
                                    stockRealmClient,
                                    signInUsers.get(Math.floorMod(nextUser.getAndIncrement(), signInUsers.size()))),
                            (http, t, st) -> signIn(
                                    http,
                                    st,
                                    ordreClient,
                                    signInUsers.get(Math.floorMod(nextUser.getAndIncrement(), signInUsers.size()))),
                            threads,
                            rounds("signin"),
                            seconds("signin"),
                            warmup,
                            1000));
        }
        if (scenarios.contains("register")) {
            Map<String, Object> r = pair(
                    "register",
                    "stock",
                    "ordre",
                    (http, t, st) -> stockRegistration(http, st, stockRealmClient),
                    (http, t, st) -> ordreRegistration(http, st, ordreClient),
                    threads,
                    rounds("register"),
                    seconds("register"),
                    warmup,
                    0);
            r.put("tableauRegistrations", tableauUsed.get());
            scenarioResults.put("register", r);
        }
        // The login page with and without the panel; "firstvisit": a browser with nothing cached, which also fetches
        // the panel's script the page names (kept a year afterwards).
        OidcClient noPanelClient = new OidcClient(
                base + "/realms/ordre", config.get("noPanelClient").asText());
        for (String scenario : List.of("panel", "firstvisit")) {
            if (scenarios.contains(scenario)) {
                boolean script = scenario.equals("firstvisit");
                Operation without = (http, t, st) -> loginPage(http, st, noPanelClient, false, false);
                Operation with = (http, t, st) -> loginPage(http, st, ordreClient, true, script);
                int panelThreads = config.get("panelThreads").asInt();
                // The login page switches every 100 ms (interleaved); the first visit keeps windows of 2 s, for its
                // figures to compare with the earlier runs' (it has no goal).
                scenarioResults.put(
                        scenario,
                        pair(
                                scenario,
                                "without",
                                "with",
                                without,
                                with,
                                panelThreads,
                                rounds(scenario),
                                seconds(scenario),
                                warmup,
                                script ? 0 : 100));
            }
        }
        if (scenarios.contains("qr") || scenarios.contains("waiting")) {
            List<String> qrUsers = new ArrayList<>();
            config.get("qrUsers").forEach(u -> qrUsers.add(u.asText()));
            System.out.printf("[driver] enrolling %d phones over HTTP%n", qrUsers.size());
            HttpClient http = Http.newClient();
            for (String user : qrUsers) {
                phones.add(enrol(http, ordreClient, user));
            }
        }
        if (scenarios.contains("qr")) {
            int pause = config.get("qrPauseMillis").asInt();
            scenarioResults.put(
                    "qr",
                    single(
                            "qr",
                            "ordre",
                            (h, t, st) -> qrSignIn(h, st, ordreClient, t, pause),
                            phones.size(),
                            rounds("qr"),
                            seconds("qr"),
                            warmup,
                            pause));
        }
        if (scenarios.contains("waiting")) {
            scenarioResults.put(
                    "waiting",
                    new WaitingBrowsers(ordreClient, phones, pid, management, ticks)
                            .run(
                                    config.get("waitingBrowsers").asInt(),
                                    config.get("waitingHoldSeconds").asInt(),
                                    15));
        }
        out.put("errorSamples", errorSamples);
        return out;
    }

    /** The scenario's own number of rounds ({@code bench.<scenario>.rounds}), else the run's. */
    private int rounds(String scenario) {
        return config.path("roundsByScenario")
                .path(scenario)
                .asInt(config.get("rounds").asInt());
    }

    /** The scenario's own seconds per round and variant ({@code bench.<scenario>.seconds}), else the run's. */
    private int seconds(String scenario) {
        return config.path("secondsByScenario")
                .path(scenario)
                .asInt(config.get("seconds").asInt());
    }

    /**
     * Warm-up of each, then the rounds: interleaved in slices of {@code sliceMillis} (see {@link #interleaved}), or
     * with 0, A B B A windows (B A A B every other round), {@code seconds} per variant.
     */
    private Map<String, Object> pair(
            String scenario,
            String a,
            String b,
            Operation opA,
            Operation opB,
            int threads,
            int rounds,
            int seconds,
            int warmup,
            int sliceMillis)
            throws InterruptedException {
        System.out.printf(
                "[driver] %s: warm-up %d s each, then %d rounds of %d s per variant%s, %d threads%n",
                scenario,
                warmup,
                rounds,
                seconds,
                sliceMillis > 0 ? " in " + sliceMillis + "-ms slices" : " in A B B A windows",
                threads);
        if (warmup > 0) {
            measure(scenario + "/" + a, opA, threads, warmup, 0);
            measure(scenario + "/" + b, opB, threads, warmup, 0);
        }
        PairedRounds results = new PairedRounds(scenario, a, b);
        if (sliceMillis > 0) {
            for (int r = 0; r < rounds; r++) {
                interleaved(results, r % 2 == 0, opA, opB, threads, seconds, sliceMillis);
            }
            return results.toJson(threads, seconds, Map.of("sliceMillis", sliceMillis));
        }
        int halfRound = Math.max(1, seconds / 2);
        for (int r = 0; r < rounds; r++) {
            boolean aFirst = r % 2 == 0;
            // A round is A B B A (or B A A B): a drift of the machine within the round weighs on both alike. Each
            // window starts on a collected heap, so neither pays for the other's garbage.
            Stats sa = new Stats();
            Stats sb = new Stats();
            for (boolean aNow :
                    aFirst ? new boolean[] {true, false, false, true} : new boolean[] {false, true, true, false}) {
                ServerProbe.fullGc(pid);
                (aNow ? sa : sb).add(measure(scenario + "/" + (aNow ? a : b), aNow ? opA : opB, threads, halfRound, 0));
            }
            results.add(aFirst, sa, sb);
        }
        return results.toJson(threads, seconds, Map.of());
    }

    /**
     * One round in which both variants run in the same window, switching every
     * {@code sliceMillis} (a few operations' time) in the order A B B A A B B A (B A A B ... when B starts the round): the server's CPU is read
     * at each switch and counted to the variant of the slice, each operation to the variant it started in. On a
     * shared VM the cost of the same page drifts by ±10 % from one second to the next; slices this short see both
     * variants under the same drift, where whole-second windows saw it as a difference between them. A request that
     * straddles a switch leaves a few of its milliseconds of CPU to the other variant, alike both ways; the throughput
     * is counted from the operations' own times ({@link Stats#interleavedThreads}), which a switch does not blur.
     */
    private void interleaved(
            PairedRounds results,
            boolean aFirst,
            Operation opA,
            Operation opB,
            int threads,
            int seconds,
            int sliceMillis)
            throws InterruptedException {
        int slices = 2 * seconds * 1000 / sliceMillis;
        ServerProbe.fullGc(pid);
        Stats sa = new Stats();
        Stats sb = new Stats();
        AtomicBoolean inA = new AtomicBoolean(aFirst);
        AtomicBoolean running = new AtomicBoolean(true);
        ServerProbe heap = new ServerProbe(pid, management, ticks);
        CountDownLatch done = startWorkers(threads, running::get, (http, thread) -> {
            boolean variantA = inA.get();
            timed(variantA ? opA : opB, http, thread, variantA ? sa : sb, results.label(variantA), 0);
        });
        double[] cpu = new double[2];
        double[] machine = new double[2];
        double[] wall = new double[2];
        long cpuTicks = ServerProbe.cpuTicks(pid);
        long machineTicks = ServerProbe.machineBusyTicks();
        long sliceStart = System.nanoTime();
        for (int i = 0; i < slices; i++) {
            boolean sliceA = aFirst == (((i + 1) / 2) % 2 == 0);
            inA.set(sliceA);
            Thread.sleep(sliceMillis);
            long nowCpu = ServerProbe.cpuTicks(pid);
            long nowMachine = ServerProbe.machineBusyTicks();
            long now = System.nanoTime();
            int side = sliceA ? 0 : 1;
            cpu[side] += (nowCpu - cpuTicks) / (double) ticks;
            machine[side] += (nowMachine - machineTicks) / (double) ticks;
            wall[side] += (now - sliceStart) / 1e9;
            cpuTicks = nowCpu;
            machineTicks = nowMachine;
            sliceStart = now;
        }
        running.set(false);
        done.await();
        ServerProbe.Usage round = heap.stop();
        for (int side = 0; side < 2; side++) {
            Stats stats = side == 0 ? sa : sb;
            stats.elapsedSeconds = wall[side];
            stats.interleavedThreads = threads;
            stats.usage(new ServerProbe.Usage(
                    cpu[side],
                    machine[side],
                    wall[side],
                    round.heapMeanMb(),
                    round.heapMaxMb(),
                    round.loadAverage(),
                    Map.of()));
        }
        results.add(aFirst, sa, sb);
    }

    /** An A/B scenario's rounds as they come: per round and in total, each as the report reads them. */
    private static final class PairedRounds {
        private final String scenario;
        private final String a;
        private final String b;
        private final Stats totalA = new Stats();
        private final Stats totalB = new Stats();
        private final List<Map<String, Object>> perRound = new ArrayList<>();

        PairedRounds(String scenario, String a, String b) {
            this.scenario = scenario;
            this.a = a;
            this.b = b;
        }

        void add(boolean aFirst, Stats sa, Stats sb) {
            totalA.add(sa);
            totalB.add(sb);
            Map<String, Object> round = new LinkedHashMap<>();
            round.put("round", perRound.size() + 1);
            round.put("first", aFirst ? a : b);
            Map<String, Object> ja = sa.toJson();
            Map<String, Object> jb = sb.toJson();
            round.put(a, ja);
            round.put(b, jb);
            perRound.add(round);
            System.out.printf(
                    "[driver] %s round %d: %s %.2f/s p95 %s ms %s ms CPU/op, %s %.2f/s p95 %s ms %s ms CPU/op%n",
                    scenario,
                    perRound.size(),
                    a,
                    sa.throughput(),
                    ja.get("p95Ms"),
                    ja.get("serverCpuMsPerOperation"),
                    b,
                    sb.throughput(),
                    jb.get("p95Ms"),
                    jb.get("serverCpuMsPerOperation"));
        }

        String label(boolean variantA) {
            return scenario + "/" + (variantA ? a : b);
        }

        Map<String, Object> toJson(int threads, int seconds, Map<String, Object> more) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("threads", threads);
            result.put("secondsPerRoundAndVariant", seconds);
            result.putAll(more);
            result.put("variants", Map.of(a, totalA.toJson(), b, totalB.toJson()));
            result.put("rounds", perRound);
            return result;
        }
    }

    private Map<String, Object> single(
            String scenario, String name, Operation op, int threads, int rounds, int seconds, int warmup, int pause)
            throws InterruptedException {
        System.out.printf(
                "[driver] %s: warm-up %d s, then %d rounds of %d s, %d threads (one phone each)%n",
                scenario, warmup, rounds, seconds, threads);
        if (warmup > 0) {
            measure(scenario + "/" + name, op, threads, warmup, TimeUnit.MILLISECONDS.toNanos(pause));
        }
        Stats total = new Stats();
        List<Map<String, Object>> perRound = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Stats s = measure(scenario + "/" + name, op, threads, seconds, TimeUnit.MILLISECONDS.toNanos(pause));
            total.add(s);
            Map<String, Object> round = new LinkedHashMap<>();
            round.put("round", r + 1);
            round.put(name, s.toJson());
            perRound.add(round);
            System.out.printf(
                    "[driver] %s round %d: %.2f/s, approval-to-redirect %s%n",
                    scenario, r + 1, s.throughput(), s.toJson().get("approvalToRedirect"));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("threads", threads);
        result.put("secondsPerRound", seconds);
        result.put("scanPauseMillis", pause);
        result.put("variants", Map.of(name, total.toJson()));
        result.put("rounds", perRound);
        return result;
    }

    /** Runs the operation in a loop on each thread for the given time; the server is probed meanwhile. */
    private Stats measure(String label, Operation op, int threads, int seconds, long excludedNanos)
            throws InterruptedException {
        Stats stats = new Stats();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ServerProbe probe = new ServerProbe(pid, management, ticks);
        long started = System.nanoTime();
        CountDownLatch done = startWorkers(
                threads,
                () -> System.nanoTime() < end,
                (http, thread) -> timed(op, http, thread, stats, label, excludedNanos));
        done.await();
        stats.elapsedSeconds = (System.nanoTime() - started) / 1e9;
        stats.usage(probe.stop());
        return stats;
    }

    /** What a load thread does again and again, with its own HTTP client. */
    private interface Work {
        void once(HttpClient http, int thread);
    }

    /** Starts the load threads; each runs {@code work} while {@code more} holds, and counts the latch down at the end. */
    private static CountDownLatch startWorkers(int threads, BooleanSupplier more, Work work) {
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            new Thread(
                            () -> {
                                HttpClient http = Http.newClient();
                                try {
                                    while (more.getAsBoolean()) {
                                        work.once(http, thread);
                                    }
                                } finally {
                                    done.countDown();
                                }
                            },
                            "load-" + t)
                    .start();
        }
        return done;
    }

    /** One operation, its time (less {@code excludedNanos}) and steps into {@code stats}; a failure is counted and sampled. */
    private void timed(Operation op, HttpClient http, int thread, Stats stats, String label, long excludedNanos) {
        long t0 = System.nanoTime();
        try {
            Steps steps = new Steps();
            long second = op.run(http, thread, steps);
            stats.ok(System.nanoTime() - t0 - excludedNanos);
            stats.steps(steps.timed);
            if (second >= 0) {
                stats.okSecondary(second);
            }
        } catch (Exception | AssertionError e) {
            stats.error();
            sampleError(label, e);
        }
    }

    private void sampleError(String label, Throwable e) {
        synchronized (errorSamples) {
            List<String> samples = errorSamples.computeIfAbsent(label, k -> new ArrayList<>());
            if (samples.size() < 5) {
                String message = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
                samples.add(message.length() > 300 ? message.substring(0, 300) : message);
                System.err.println("[driver] " + label + " error: "
                        + message.lines().findFirst().orElse(""));
            }
        }
    }

    // ---- operations ----

    /** Password sign-in: login page, credentials, redirect with the code, token request. */
    private long signIn(HttpClient http, Steps steps, OidcClient client, String username) {
        OidcClient.Authorization authorization = client.authorize(REDIRECT_URI);
        FormClient browser = new FormClient(http);
        HttpResponse<String> page = AdminApi.expect(browser.get(authorization.url(), REDIRECT_URI), 200);
        steps.mark("login page");
        HttpResponse<String> posted = browser.post(
                FormClient.formAction(page, "kc-form-login"),
                Map.of("username", username, "password", password, "credentialId", ""));
        String callback = FormClient.location(posted);
        if (!callback.startsWith(REDIRECT_URI)) {
            throw new IllegalStateException("Sign-in of " + username + " redirected to " + callback);
        }
        steps.mark("credentials to code");
        tokens(client, authorization, callback);
        steps.mark("token");
        return -1;
    }

    /**
     * The login page alone (authorization request to the rendered page), with or without the Expertpass panel: the
     * two clients' flows differ only in the sign-in step's {@code expertpass-enabled}. With {@code script}, also the
     * panel's script the page names, as a browser with an empty cache fetches it.
     */
    private long loginPage(HttpClient http, Steps steps, OidcClient client, boolean panel, boolean script) {
        OidcClient.Authorization authorization = client.authorize(REDIRECT_URI);
        HttpResponse<String> page = AdminApi.expect(new FormClient(http).get(authorization.url(), REDIRECT_URI), 200);
        Matcher slot = PANEL_SCRIPT.matcher(page.body());
        if (slot.find() != panel || !page.body().contains("id=\"kc-form-login\"")) {
            throw new IllegalStateException("Login page " + (panel ? "without" : "with") + " the Expertpass panel");
        }
        steps.mark("login page");
        if (script) {
            HttpResponse<String> js = AdminApi.expect(
                    new FormClient(http)
                            .get(
                                    page.uri()
                                            .resolve(FormClient.unescape(slot.group(1)))
                                            .toString(),
                                    REDIRECT_URI),
                    200);
            if (!js.body().contains("ordre-expertpass-title")) {
                throw new IllegalStateException("The panel's script has no panel: " + js.body());
            }
            steps.mark("panel script");
        }
        return -1;
    }

    /**
     * Ordre registration to the "e-mail envoyé" page (the set-password mail is sent within that request):
     * profile and identity, [Tableau match], identifiant. Fictitious identities: mostly profiles outside the
     * Tableau (étudiant, enseignant, autre), one in {@code tableauEvery} a unique active register entry while
     * there are some left (each can be used once).
     */
    private long ordreRegistration(HttpClient http, Steps steps, OidcClient client) {
        int n = REG_SEQ.incrementAndGet();
        FormClient browser = new FormClient(http);
        HttpResponse<String> page = registrationPage(browser, client);
        steps.mark("form page");
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("step", FormClient.hidden(page, "step"));
        JsonNode entry = n % config.get("tableauEvery").asInt() == 0 ? tableau.poll() : null;
        if (entry != null) {
            tableauUsed.incrementAndGet();
            identity.put("profile", entry.get("profile").asText());
            identity.put("lastName", entry.get("nom").asText());
            identity.put("firstName", entry.get("prenom").asText());
            identity.put(
                    "birthDate",
                    LocalDate.parse(entry.get("birthDate").asText()).format(FR_DATE));
        } else {
            String profile = List.of("etudiant", "enseignant", "autre").get(n % 3);
            identity.put("profile", profile);
            if (profile.equals("autre")) {
                identity.put("profileDetail", "Collaborateur de cabinet");
            }
            identity.put("lastName", "Banc-d'Essai");
            identity.put("firstName", "Camille");
            identity.put("birthDate", "15/01/1990");
        }
        identity.put("email", "o" + run + "x" + n + "@bench.example");
        HttpResponse<String> second =
                AdminApi.expect(browser.post(FormClient.formAction(page, "ordre-register-form"), identity), 200);
        if (!"IDENTIFIANT".equals(FormClient.hidden(second, "step"))) {
            throw new IllegalStateException("Registration of " + identity + " stopped at step "
                    + FormClient.hidden(second, "step") + ", page says: " + FormClient.feedback(second.body()));
        }
        steps.mark("identity (+ Tableau)");
        HttpResponse<String> sent = AdminApi.expect(
                browser.post(
                        FormClient.formAction(second, "ordre-register-form"),
                        Map.of("step", "IDENTIFIANT", "username", "o" + run + "x" + n)),
                200);
        if (!"SENT".equals(FormClient.hidden(sent, "step")) || !sent.body().contains("E-mail envoyé")) {
            throw new IllegalStateException("Registration " + n + " did not end with the mail sent (step "
                    + FormClient.hidden(sent, "step") + ")");
        }
        steps.mark("identifiant, account, mail");
        return -1;
    }

    private static final AtomicInteger REG_SEQ = new AtomicInteger();

    /** The realm's registration page, reached as a service's "Créer un compte" link does (its registrations URL). */
    private static HttpResponse<String> registrationPage(FormClient browser, OidcClient client) {
        OidcClient.Authorization authorization = client.authorize(REDIRECT_URI);
        return AdminApi.expect(
                browser.get(authorization.url().replace("/auth?", "/registrations?"), REDIRECT_URI), 200);
    }

    /**
     * Keycloak's own registration in a realm of the same server with the same password policy: registration form
     * (Keycloak 26 with e-mail verification on stores no password there, as Comptexpert does: the password comes
     * after the mail; the profiler shows no hashing in these requests), then the VERIFY_EMAIL required action,
     * which sends its mail while rendering its page.
     */
    private long stockRegistration(HttpClient http, Steps steps, OidcClient client) {
        int n = REG_SEQ.incrementAndGet();
        FormClient browser = new FormClient(http);
        HttpResponse<String> page = registrationPage(browser, client);
        steps.mark("form page");
        String email = "s" + run + "x" + n + "@bench.example";
        HttpResponse<String> posted = browser.post(
                FormClient.formAction(page, "kc-register-form"),
                Map.of(
                        "username",
                        "s" + run + "x" + n,
                        "email",
                        email,
                        "firstName",
                        "Camille",
                        "lastName",
                        "Banc-d'Essai",
                        "password",
                        password,
                        "password-confirm",
                        password));
        steps.mark("form post (account)");
        HttpResponse<String> verify = AdminApi.expect(
                browser.get(posted.uri().resolve(FormClient.location(posted)).toString(), REDIRECT_URI), 200);
        if (!verify.body().contains(email)) {
            throw new IllegalStateException(
                    "No verify-email page after the registration of " + email + " (" + verify.uri() + ")");
        }
        steps.mark("verify-email page, mail");
        return -1;
    }

    /**
     * Expertpass: the login page (QR read from its SVG), the page's long-poll opened, a pause as a person takes to
     * scan, the phone's signed approval, the long-poll's answer, the page's form post, the redirect with the code,
     * the token request. Returns the approval-to-redirect time: from the app's 200 to the 302 with the code.
     */
    private long qrSignIn(HttpClient http, Steps steps, OidcClient client, int thread, int pause) throws Exception {
        ExpertpassCompanion phone = phones.get(thread);
        OidcClient.Authorization authorization = client.authorize(REDIRECT_URI);
        FormClient browser = new FormClient(http);
        HttpResponse<String> page = AdminApi.expect(browser.get(authorization.url(), REDIRECT_URI), 200);
        steps.mark("login page");
        // The panel's script asks for the QR once the panel is in view.
        HttpExpertpass.Panel panel = HttpExpertpass.panel(browser, page);
        steps.mark("panel start");
        String waitBody = "{\"watch\":\"" + panel.watch() + "\"}";
        var poll = browser.postJsonAsync(panel.api() + "/browser/wait", waitBody);
        Thread.sleep(pause);
        ExpertpassCompanion.Result approved = phone.approve(panel.challengeUrl(), panel.code());
        long answered = System.nanoTime();
        steps.mark("scan pause, approval");
        if (approved.status() != 200) {
            throw new IllegalStateException("Approval refused: " + approved);
        }
        HttpResponse<String> woken = poll.get(30, TimeUnit.SECONDS);
        for (int i = 0; i < 3 && woken.body().contains("\"pending\""); i++) {
            woken = browser.postJsonAsync(panel.api() + "/browser/wait", waitBody)
                    .get(30, TimeUnit.SECONDS);
        }
        if (!woken.body().contains("approved")) {
            throw new IllegalStateException("Long-poll answered " + woken.statusCode() + " " + woken.body());
        }
        HttpResponse<String> posted =
                browser.post(HttpExpertpass.continueAction(page), Map.of("ordreExpertpass", "continue"));
        String callback = FormClient.location(posted);
        long redirected = System.nanoTime();
        steps.mark("wake-up to redirect");
        if (!callback.startsWith(REDIRECT_URI)) {
            throw new IllegalStateException("QR sign-in redirected to " + callback);
        }
        tokens(client, authorization, callback);
        steps.mark("token");
        return redirected - answered;
    }

    /** "Activer Expertpass" over HTTP: password sign-in meets the required action, its QR enrols a new phone. */
    private ExpertpassCompanion enrol(HttpClient http, OidcClient client, String username) {
        OidcClient.Authorization authorization = client.authorize(REDIRECT_URI);
        FormClient browser = new FormClient(http);
        HttpResponse<String> page = AdminApi.expect(browser.get(authorization.url(), REDIRECT_URI), 200);
        HttpResponse<String> enrolPage = browser.post(
                FormClient.formAction(page, "kc-form-login"),
                Map.of("username", username, "password", password, "credentialId", ""));
        if (enrolPage.statusCode() == 302) {
            enrolPage = browser.get(
                    enrolPage.uri().resolve(FormClient.location(enrolPage)).toString(), REDIRECT_URI);
        }
        String url = HttpExpertpass.qrOf(AdminApi.expect(enrolPage, 200).body());
        ExpertpassCompanion.Enrolment enrolment = ExpertpassCompanion.enrol(url, "Bench phone " + username);
        if (!enrolment.awaitingConfirmation()) {
            throw new IllegalStateException("Enrolment of " + username + " failed: " + enrolment.result());
        }
        // "Continuer" shows "Activer « name » ?"; the yes enrols the phone and ends the required action.
        HttpResponse<String> question =
                AdminApi.expect(browser.post(FormClient.formAction(enrolPage, "ordre-expertpass-form"), Map.of()), 200);
        String callback = FormClient.location(
                browser.post(FormClient.formAction(question, "ordre-expertpass-form"), Map.of("confirm", "true")));
        if (!callback.startsWith(REDIRECT_URI)) {
            throw new IllegalStateException("Enrolment of " + username + " ended at " + callback);
        }
        ExpertpassCompanion.Enrolment confirmed = enrolment.awaitConfirmation(java.time.Duration.ofSeconds(20));
        if (confirmed.companion() == null) {
            throw new IllegalStateException("Enrolment of " + username + " not confirmed: " + confirmed.result());
        }
        return confirmed.companion();
    }

    private static void tokens(OidcClient client, OidcClient.Authorization authorization, String callback) {
        JsonNode tokens = client.exchange(authorization, callback);
        if (!tokens.hasNonNull("access_token")) {
            throw new IllegalStateException("No access token: " + tokens);
        }
    }
}
