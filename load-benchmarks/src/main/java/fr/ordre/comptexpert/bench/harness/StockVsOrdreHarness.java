package fr.ordre.comptexpert.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ordre.comptexpert.bench.Provenance;
import fr.ordre.comptexpert.it.support.AdminApi;
import fr.ordre.comptexpert.it.support.FreePorts;
import fr.ordre.comptexpert.it.support.HarnessSettings;
import fr.ordre.comptexpert.it.support.Json;
import fr.ordre.comptexpert.it.support.MailServer;
import fr.ordre.comptexpert.it.support.PostgresCluster;
import fr.ordre.comptexpert.it.support.ProductionServer;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stock Keycloak against the Ordre bundle, on one production-mode server, in one run (docs/performance.md,
 * "Benchmark harness: stock vs Ordre"). This JVM sets the stage and reports; the load comes from
 * {@link LoadDriver} in a JVM of its own; Keycloak runs in a third:
 * <ol>
 *   <li>a private PostgreSQL cluster, {@code kc.sh build} with the image's build options (metrics on),
 *       {@code kc.sh start --optimized --import-realm} with the production realm file and our JARs;</li>
 *   <li>fixtures through the Admin REST API: the stock side is realm {@code stock}, Keycloak's defaults (its theme,
 *       its built-in browser flow, its registration with e-mail verification, no client policy of ours) with the
 *       same password policy; the Ordre side is realm {@code ordre} through gated clients (client role
 *       {@code acces} held by the profile expert-comptable, whose register entry the gate checks), one with the
 *       QR panel and one without; the same people in both realms (same username and password, so the same
 *       hashing), and users to enrol in Expertpass;</li>
 *   <li>the driver's run, then the results: {@code load-benchmarks/target/benchmarks/results.json}, {@code results.md} and
 *       {@code chart.svg}.</li>
 * </ol>
 * Run: {@code ./mvnw -B -ntp -Pbench-harness -pl load-benchmarks -am package -DskipTests} (options in the profile of
 * load-benchmarks/pom.xml).
 */
public final class StockVsOrdreHarness {

    static final String PASSWORD = "Comptexpert-Bench-2026!";
    static final String ORDRE_CLIENT = "bench-ordre";
    static final String NO_PANEL_CLIENT = "bench-ordre-no-panel";
    /** An active entry of the demo register (realm-config/register/tableau-demo.csv), profile expert-comptable. */
    static final String REGISTERED_NUMERO = "IDF-100001";

    static final String REGISTERED_CONSEIL = "Île-de-France";
    static final String NO_PANEL_FLOW = "bench ordre browser without panel";
    static final String STOCK_REALM = "stock";
    static final String STOCK_REGISTER_CLIENT = "bench-stock-register";

    /** The scenarios measured in rounds: each may have its own count and length (bench.panel.rounds, …). */
    static final List<String> ROUND_SCENARIOS = List.of("signin", "register", "qr", "panel", "firstvisit");

    private StockVsOrdreHarness() {}

    private static Map<String, Integer> perScenario(String what, int fallback) {
        Map<String, Integer> values = new LinkedHashMap<>();
        for (String scenario : ROUND_SCENARIOS) {
            values.put(scenario, Integer.getInteger("bench." + scenario + "." + what, fallback));
        }
        return values;
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.getInteger("bench.threads", 4);
        int rounds = Integer.getInteger("bench.rounds", 3);
        int seconds = Integer.getInteger("bench.seconds", 20);
        int warmup = Integer.getInteger("bench.warmup", 15);
        int userCount = Integer.getInteger("bench.users", 20);
        int qrThreads = Integer.getInteger("bench.qr.threads", 2);
        int qrPause = Integer.getInteger("bench.qr.pause", 150);
        int tableauEvery = Integer.getInteger("bench.tableau.every", 4);
        int panelThreads = Integer.getInteger("bench.panel.threads", 2);
        int waitingBrowsers = Integer.getInteger("bench.waiting.browsers", 1000);
        int waitingHold = Integer.getInteger("bench.waiting.hold", 75);
        String scenarios = System.getProperty("bench.scenarios", "signin,register,qr,panel,firstvisit,waiting");
        String heap = System.getProperty("bench.kc.heap", "-Xms1g -Xmx1g");
        // A window should hold enough operations to count and be short beside the machine's drift: registration takes
        // 10-s windows, the first visit 2-s ones; sign-in and the login page switch variants within one window every
        // 1 s and 100 ms (LoadDriver.interleaved). bench.<scenario>.rounds / .seconds.
        Map<String, Integer> roundsByScenario = perScenario("rounds", rounds);
        Map<String, Integer> secondsByScenario = perScenario("seconds", seconds);

        HarnessSettings settings = HarnessSettings.fromSystemProperties();
        Path work = Files.createDirectories(settings.target().resolve("benchmarks"));
        if (Boolean.getBoolean("bench.report.only")) {
            writeReport(work, rebuiltResults(work, settings, heap));
            return;
        }
        Path home = settings.keycloakHome();
        String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("title", "Comptexpert benchmark harness: stock Keycloak vs the Ordre bundle, one server, one run");
        results.put("startedAt", Instant.now().toString());
        results.put("machine", machine());
        results.put("loadAverageAtStart", Provenance.loadAverage());
        // The commit measured, and whether the tree was clean: a figure for the docs needs both.
        results.put(
                "provenance",
                Provenance.of(HarnessSettings.fromSystemProperties().repo()));

        long t0 = System.nanoTime();
        System.out.println("[harness] PostgreSQL, kc.sh build, start --optimized (logs in " + work + ")");
        try (PostgresCluster postgres = PostgresCluster.start(work.resolve("postgres"), FreePorts.next());
                MailServer mail = new MailServer(FreePorts.next())) {
            double buildSeconds = ProductionServer.build(settings, home, work.resolve("kc-build.log"));
            Path register = Files.createDirectories(work.resolve("register")).resolve("tableau.csv");
            Files.copy(settings.registerFile(), register, StandardCopyOption.REPLACE_EXISTING);
            Map<String, String> env = new HashMap<>(ProductionServer.requiredPlaceholders(settings.realmFile()));
            env.putAll(TestEnvironment.smtpEnv("127.0.0.1", mail.port()));
            env.put("ORDRE_SMTP_FROM", "comptexpert@ordre.test");
            env.put("JAVA_OPTS_KC_HEAP", heap);
            var options = ProductionServer.Options.onLoopback(postgres, register, env);
            Path log = work.resolve("keycloak.log");
            Files.deleteIfExists(log);
            try (ProductionServer keycloak = ProductionServer.start(home, options, log)) {
                System.out.printf(
                        "[harness] Keycloak ready in %.1f s (build %.1f s), pid %d%n",
                        keycloak.startSeconds(), buildSeconds, keycloak.javaPid());
                AdminApi admin = new AdminApi(keycloak.baseUrl());
                Map<String, Object> versions = versions(settings, postgres.query("show server_version"), heap);
                results.put("versions", versions);

                System.out.println("[harness] fixtures: clients, users, realm 'stock'");
                // Ordre's side is a gated client (role acces for the profile expert-comptable, which the register
                // confirms), so the sign-in does the profile gate's real work; the panel's two clients are both gated.
                createClient(admin, "ordre", ORDRE_CLIENT, Map.of());
                createClient(admin, "ordre", NO_PANEL_CLIENT, Map.of("browser", flowWithoutPanel(admin)));
                gate(admin, ORDRE_CLIENT);
                gate(admin, NO_PANEL_CLIENT);
                liftRegistrationNetworkLimit(admin);
                JsonNode ordreRealm = admin.get("/admin/realms/ordre");
                // The stock side: realm stock, Keycloak's defaults (its theme, its browser flow, no client policy).
                createStockRealm(admin, ordreRealm.get("passwordPolicy").asText(), mail.port());
                List<String> users = new ArrayList<>();
                for (int i = 0; i < userCount; i++) {
                    users.add(createUser(admin, "bs" + runId + "u" + i, "expert-comptable", false));
                    createStockUser(admin, "bs" + runId + "u" + i);
                }
                List<String> qrUsers = new ArrayList<>();
                for (int i = 0; i < qrThreads; i++) {
                    qrUsers.add(createUser(admin, "bq" + runId + "u" + i, "expert-comptable", true));
                }
                List<Map<String, String>> tableau = uniqueActiveEntries(settings.registerFile());

                Map<String, Object> parameters = new LinkedHashMap<>();
                parameters.put("threads", threads);
                parameters.put("rounds", rounds);
                parameters.put("secondsPerRoundAndVariant", seconds);
                parameters.put("roundsByScenario", roundsByScenario);
                parameters.put("secondsByScenario", secondsByScenario);
                parameters.put("warmupSecondsPerVariant", warmup);
                parameters.put("signInUsers", userCount);
                parameters.put("qrThreads", qrThreads);
                parameters.put("qrScanPauseMillis", qrPause);
                parameters.put("tableauEvery", tableauEvery);
                parameters.put("panelThreads", panelThreads);
                parameters.put("waitingBrowsers", waitingBrowsers);
                parameters.put("waitingHoldSeconds", waitingHold);
                parameters.put("tableauEntriesAvailable", tableau.size());
                parameters.put("scenarios", scenarios);
                parameters.put(
                        "passwordPolicy", ordreRealm.get("passwordPolicy").asText());
                parameters.put(
                        "passwordHashing", "Keycloak default (no hashAlgorithm in either realm's policy: argon2)");
                results.put("parameters", parameters);
                results.put("setupSeconds", Stats.round((System.nanoTime() - t0) / 1e9, 1));

                Map<String, Object> driverConfig = new LinkedHashMap<>();
                driverConfig.put("baseUrl", keycloak.baseUrl());
                driverConfig.put("managementUrl", keycloak.managementUrl());
                driverConfig.put("keycloakPid", keycloak.javaPid());
                driverConfig.put("clockTicksPerSecond", clockTicks());
                driverConfig.put("password", PASSWORD);
                driverConfig.put("runId", runId);
                driverConfig.put("ordreClient", ORDRE_CLIENT);
                driverConfig.put("noPanelClient", NO_PANEL_CLIENT);
                driverConfig.put("panelThreads", panelThreads);
                driverConfig.put("waitingBrowsers", waitingBrowsers);
                driverConfig.put("waitingHoldSeconds", waitingHold);
                driverConfig.put("stockRealm", STOCK_REALM);
                driverConfig.put("stockRegisterClient", STOCK_REGISTER_CLIENT);
                driverConfig.put("signInUsers", users);
                driverConfig.put("qrUsers", qrUsers);
                driverConfig.put("tableau", tableau);
                driverConfig.put("tableauEvery", tableauEvery);
                driverConfig.put("threads", threads);
                driverConfig.put("rounds", rounds);
                driverConfig.put("seconds", seconds);
                driverConfig.put("roundsByScenario", roundsByScenario);
                driverConfig.put("secondsByScenario", secondsByScenario);
                driverConfig.put("warmup", warmup);
                driverConfig.put("qrPauseMillis", qrPause);
                driverConfig.put("scenarios", Arrays.asList(scenarios.split(",")));
                driverConfig.put("output", work.resolve("driver-results.json").toString());
                Path configFile = work.resolve("driver-config.json");
                Json.PRETTY.writeValue(configFile.toFile(), driverConfig);

                long measuring = System.nanoTime();
                runDriver(configFile, work.resolve("driver.log"));
                results.put("measuredSeconds", Stats.round((System.nanoTime() - measuring) / 1e9, 1));
                JsonNode driver =
                        Json.MAPPER.readTree(work.resolve("driver-results.json").toFile());
                results.put("scenarios", driver.get("scenarios"));
                results.put("errorSamples", driver.get("errorSamples"));
                results.put("mailsReceived", mails(mail, runId));
                results.put("loadAverageAtEnd", Provenance.loadAverage());
                results.put("goals", Goals.evaluate(driver.get("scenarios")));
            }
        }
        results.put(
                "command",
                System.getProperty(
                        "bench.command", "./mvnw -B -Pbench-harness -pl load-benchmarks -am package -DskipTests"));
        writeReport(work, results);
    }

    private static void writeReport(Path work, Map<String, Object> results) throws IOException {
        Files.writeString(
                work.resolve("results.json"), Json.PRETTY.writeValueAsString(results), StandardCharsets.UTF_8);
        JsonNode tree = Json.MAPPER.valueToTree(results);
        Files.writeString(work.resolve("results.md"), Report.markdown(tree), StandardCharsets.UTF_8);
        Files.writeString(work.resolve("chart.svg"), Report.svg(tree), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(Report.markdown(tree));
        System.out.println("[harness] results: " + work.resolve("results.json") + ", " + work.resolve("results.md")
                + ", " + work.resolve("chart.svg"));
    }

    /**
     * The results of a run whose own report step failed after the driver wrote its file (-Dbench.report.only=true, same
     * tree): every figure comes from {@code driver-results.json} and {@code driver-config.json}; what only the running
     * harness knew (load averages, mail counts, the server's PostgreSQL) is marked as missing.
     */
    private static Map<String, Object> rebuiltResults(Path work, HarnessSettings settings, String heap)
            throws IOException {
        JsonNode config =
                Json.MAPPER.readTree(work.resolve("driver-config.json").toFile());
        JsonNode driver =
                Json.MAPPER.readTree(work.resolve("driver-results.json").toFile());
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("title", "Comptexpert benchmark harness: stock Keycloak vs the Ordre bundle, one server, one run");
        results.put(
                "startedAt",
                "driver results written " + Files.getLastModifiedTime(work.resolve("driver-results.json")));
        results.put(
                "reportRebuilt",
                "from driver-results.json and driver-config.json: the run's report step failed after"
                        + " the driver finished (out of heap decoding every mail to count them); load averages and mail counts missing");
        results.put("machine", machine());
        results.put("loadAverageAtStart", null);
        results.put("provenance", Provenance.of(settings.repo()));
        Map<String, Object> versions = versions(
                settings,
                command(
                        settings.repo(),
                        PostgresCluster.binaries().resolve("postgres").toString(),
                        "--version"),
                heap);
        results.put("versions", versions);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("threads", config.get("threads").asInt());
        parameters.put("rounds", config.get("rounds").asInt());
        parameters.put("secondsPerRoundAndVariant", config.get("seconds").asInt());
        if (config.has("roundsByScenario")) {
            parameters.put("roundsByScenario", config.get("roundsByScenario"));
            parameters.put("secondsByScenario", config.get("secondsByScenario"));
        }
        parameters.put("warmupSecondsPerVariant", config.get("warmup").asInt());
        parameters.put("signInUsers", config.get("signInUsers").size());
        parameters.put("qrThreads", config.get("qrUsers").size());
        parameters.put("qrScanPauseMillis", config.get("qrPauseMillis").asInt());
        parameters.put("tableauEvery", config.get("tableauEvery").asInt());
        parameters.put("panelThreads", config.get("panelThreads").asInt());
        parameters.put("waitingBrowsers", config.get("waitingBrowsers").asInt());
        parameters.put("waitingHoldSeconds", config.get("waitingHoldSeconds").asInt());
        parameters.put(
                "scenarios", String.join(",", Json.MAPPER.convertValue(config.get("scenarios"), String[].class)));
        parameters.put("passwordHashing", "Keycloak default (no hashAlgorithm in either realm's policy: argon2)");
        results.put("parameters", parameters);
        results.put("scenarios", driver.get("scenarios"));
        results.put("errorSamples", driver.get("errorSamples"));
        results.put("mailsReceived", null);
        results.put("loadAverageAtEnd", null);
        results.put("goals", Goals.evaluate(driver.get("scenarios")));
        results.put(
                "command",
                "the run: " + System.getProperty("bench.command", "")
                        + "; then the same with -Dbench.report.only=true");
        return results;
    }

    /** The load driver in a JVM of its own, with this JVM's class path; its output is shown and kept. */
    private static void runDriver(Path configFile, Path logFile) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(
                java,
                "-Xms256m",
                "-Xmx512m",
                "-XX:+UseParallelGC",
                "-cp",
                System.getProperty("java.class.path"),
                LoadDriver.class.getName(),
                configFile.toString());
        System.out.println("[harness] load driver: " + java + " ... " + LoadDriver.class.getSimpleName());
        Process driver = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var out = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
                var in = new java.io.BufferedReader(
                        new java.io.InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                System.out.println(line);
                out.write(line);
                out.newLine();
            }
        }
        if (!driver.waitFor(10, TimeUnit.MINUTES) || driver.exitValue() != 0) {
            throw new IllegalStateException("The load driver failed; see " + logFile);
        }
    }

    private static String flowId(AdminApi admin, String realm, String alias) {
        for (JsonNode flow : admin.get("/admin/realms/" + realm + "/authentication/flows")) {
            if (alias.equals(flow.get("alias").asText())) {
                return flow.get("id").asText();
            }
        }
        throw new IllegalStateException("No flow " + alias + " in realm " + realm);
    }

    /**
     * A copy of the realm's {@code ordre browser} flow whose sign-in step has {@code expertpass-enabled=false}: the same
     * page, profile gate and everything, without the QR panel. Returns its id.
     */
    private static String flowWithoutPanel(AdminApi admin) {
        String flows = "/admin/realms/ordre/authentication/flows/";
        AdminApi.expect(admin.post(flows + "ordre%20browser/copy", Map.of("newName", NO_PANEL_FLOW)), 201);
        boolean configured = false;
        for (JsonNode execution : admin.get(flows + NO_PANEL_FLOW.replace(" ", "%20") + "/executions")) {
            if ("ordre-expertpass-password-form"
                    .equals(execution.path("providerId").asText())) {
                // A config of its own (a copied flow may share the original's).
                AdminApi.expect(
                        admin.post(
                                "/admin/realms/ordre/authentication/executions/"
                                        + execution.get("id").asText() + "/config",
                                Map.of("alias", "bench-no-panel", "config", Map.of("expertpass-enabled", "false"))),
                        201);
                configured = true;
            }
        }
        if (!configured) {
            throw new IllegalStateException("No ordre-expertpass-password-form step in the copy of 'ordre browser'");
        }
        return flowId(admin, "ordre", NO_PANEL_FLOW);
    }

    /**
     * Every simulated registrant comes from the driver's one address, which the per-network limit on Tableau checks
     * (3 an hour by default) would stop at once: the limit is raised, not removed, so its check still runs and is
     * measured.
     */
    private static void liftRegistrationNetworkLimit(AdminApi admin) {
        for (JsonNode execution :
                admin.get("/admin/realms/ordre/authentication/flows/ordre%20registration/executions")) {
            if ("ordre-registration".equals(execution.path("providerId").asText())
                    && execution.hasNonNull("authenticationConfig")) {
                String path = "/admin/realms/ordre/authentication/config/"
                        + execution.get("authenticationConfig").asText();
                com.fasterxml.jackson.databind.node.ObjectNode config =
                        (com.fasterxml.jackson.databind.node.ObjectNode) admin.get(path);
                ((com.fasterxml.jackson.databind.node.ObjectNode) config.get("config"))
                        .put("max-tableau-registrations-per-network", "1000000");
                AdminApi.expect(admin.put(path, config), 204);
                return;
            }
        }
        throw new IllegalStateException("No configured ordre-registration step in 'ordre registration'");
    }

    /** A public client with PKCE on the loopback redirect; the only difference between the two is the override. */
    private static void createClient(AdminApi admin, String realm, String clientId, Map<String, String> flowOverrides) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("enabled", true);
        client.put("publicClient", true);
        client.put("standardFlowEnabled", true);
        client.put("directAccessGrantsEnabled", false);
        client.put("redirectUris", List.of(LoadDriver.REDIRECT_URI));
        client.put("attributes", Map.of("pkce.code.challenge.method", "S256"));
        client.put("authenticationFlowBindingOverrides", flowOverrides);
        AdminApi.expect(admin.post("/admin/realms/" + realm + "/clients", client), 201);
    }

    private static String createUser(AdminApi admin, String username, String profile, boolean enrolExpertpass) {
        Map<String, Object> user = person(username);
        Map<String, Object> attributes = new LinkedHashMap<>(
                Map.of("ordreProfile", List.of(profile), "birthDate", List.of("1990-01-15"), "locale", List.of("fr")));
        if ("expert-comptable".equals(profile)) {
            // An active entry of the demo register: the gate checks it at every sign-in.
            attributes.put("ordreNumero", List.of(REGISTERED_NUMERO));
            attributes.put("ordreConseilRegional", List.of(REGISTERED_CONSEIL));
        }
        user.put("attributes", attributes);
        user.put("groups", List.of("/profils/" + profile));
        if (enrolExpertpass) {
            user.put("requiredActions", List.of("ordre-expertpass-enrol"));
        }
        AdminApi.expect(admin.post("/admin/realms/ordre/users", user), 201);
        return username;
    }

    /** The same person in realm stock: same username and password (so the same hashing), nothing of ours. */
    private static void createStockUser(AdminApi admin, String username) {
        AdminApi.expect(admin.post("/admin/realms/" + STOCK_REALM + "/users", person(username)), 201);
    }

    /** A person as both realms have them: the password is the same everywhere. */
    private static Map<String, Object> person(String username) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("email", username + "@bench.example");
        user.put("emailVerified", true);
        user.put("firstName", "Camille");
        user.put("lastName", "Banc-d'Essai");
        user.put("credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        return user;
    }

    /** Client role {@code acces} on the client, held by the profile group expert-comptable: the gate's real work. */
    private static void gate(AdminApi admin, String clientId) {
        String id = admin.get("/admin/realms/ordre/clients?clientId=" + clientId)
                .get(0)
                .get("id")
                .asText();
        AdminApi.expect(admin.post("/admin/realms/ordre/clients/" + id + "/roles", Map.of("name", "acces")), 201);
        JsonNode role = admin.get("/admin/realms/ordre/clients/" + id + "/roles/acces");
        String group = admin.get("/admin/realms/ordre/group-by-path/profils/expert-comptable")
                .get("id")
                .asText();
        AdminApi.expect(
                admin.post("/admin/realms/ordre/groups/" + group + "/role-mappings/clients/" + id, List.of(role)), 204);
    }

    /**
     * Keycloak's own registration, as a stock deployment sets it up: self-registration on, e-mail verification on,
     * the same password policy (and so the same hashing) as realm ordre, events stored like ordre's, the same SMTP.
     */
    private static void createStockRealm(AdminApi admin, String passwordPolicy, int smtpPort) {
        Map<String, Object> realm = new LinkedHashMap<>();
        realm.put("realm", STOCK_REALM);
        realm.put("enabled", true);
        realm.put("registrationAllowed", true);
        realm.put("verifyEmail", true);
        realm.put("loginWithEmailAllowed", true);
        realm.put("duplicateEmailsAllowed", false);
        realm.put("passwordPolicy", passwordPolicy);
        realm.put("bruteForceProtected", true);
        realm.put("eventsEnabled", true);
        realm.put(
                "smtpServer",
                Map.of("host", "127.0.0.1", "port", Integer.toString(smtpPort), "from", "stock@ordre.test"));
        realm.put(
                "clients",
                List.of(Map.of(
                        "clientId",
                        STOCK_REGISTER_CLIENT,
                        "enabled",
                        true,
                        "publicClient",
                        true,
                        "standardFlowEnabled",
                        true,
                        "redirectUris",
                        List.of(LoadDriver.REDIRECT_URI),
                        "attributes",
                        Map.of("pkce.code.challenge.method", "S256"))));
        AdminApi.expect(admin.post("/admin/realms", realm), 201);
    }

    /**
     * Active register entries that registration finds by nom and date de naissance alone (no homonym with the
     * same birth date under either name): each gives one account, so each is used at most once.
     */
    static List<Map<String, String>> uniqueActiveEntries(Path csv) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split(";", -1));
            }
        }
        Map<String, Integer> keys = new HashMap<>();
        for (String[] r : rows) {
            keys.merge(key(r[1], r[4]), 1, Integer::sum);
            if (!r[2].isBlank()) {
                keys.merge(key(r[2], r[4]), 1, Integer::sum);
            }
        }
        List<Map<String, String>> entries = new ArrayList<>();
        for (String[] r : rows) {
            if ("inscrit".equals(r[7].trim()) && keys.get(key(r[1], r[4])) == 1) {
                entries.add(Map.of("profile", r[5], "nom", r[1], "prenom", r[3].split("[ ,]+")[0], "birthDate", r[4]));
            }
        }
        return entries;
    }

    private static String key(String nom, String date) {
        String plain = Normalizer.normalize(nom, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + "|" + date;
    }

    /** Mails received per side: the driver's addresses start with o (Ordre) or s (stock) and the run id. */
    private static Map<String, Object> mails(MailServer mail, String runId) {
        long ordre = mail.count(to -> to.startsWith("o" + runId + "x"));
        long stock = mail.count(to -> to.startsWith("s" + runId + "x"));
        return Map.of("ordreRegistration", ordre, "stockRegistration", stock);
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("nproc", Runtime.getRuntime().availableProcessors());
        machine.put("cpuModel", firstMatch(Path.of("/proc/cpuinfo"), "model name\\s*:\\s*(.+)"));
        String memKb = firstMatch(Path.of("/proc/meminfo"), "MemTotal:\\s*(\\d+) kB");
        machine.put("ramGb", memKb == null ? null : Stats.round(Long.parseLong(memKb) / 1024.0 / 1024.0, 1));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("shared", "other builds may run at the same time: see the load averages");
        return machine;
    }

    private static Map<String, Object> versions(HarnessSettings settings, String postgresql, String heap) {
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("keycloak", settings.keycloakVersion());
        versions.put(
                "keycloakMode",
                "kc.sh build (KC_DB=postgres, health and metrics on) + start --optimized --import-realm");
        versions.put("keycloakHeap", heap);
        versions.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        versions.put("postgresql", postgresql);
        versions.put("comptexpert", command(settings.repo(), "git", "describe", "--always", "--dirty"));
        return versions;
    }

    private static String command(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static long clockTicks() {
        String ticks = command(Path.of("."), "getconf", "CLK_TCK");
        try {
            return Long.parseLong(ticks);
        } catch (RuntimeException e) {
            return 100;
        }
    }

    private static String firstMatch(Path file, String regex) {
        try {
            Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(Files.readString(file));
            return m.find() ? m.group(1).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
