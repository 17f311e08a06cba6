package fr.ordre.comptexpert.it.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ordre.comptexpert.it.support.AdminApi;
import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.DemoApp;
import fr.ordre.comptexpert.it.support.FormClient;
import fr.ordre.comptexpert.it.support.FreePorts;
import fr.ordre.comptexpert.it.support.HarnessSettings;
import fr.ordre.comptexpert.it.support.Http;
import fr.ordre.comptexpert.it.support.LogTail;
import fr.ordre.comptexpert.it.support.LoginPage;
import fr.ordre.comptexpert.it.support.MailServer;
import fr.ordre.comptexpert.it.support.OidcClient;
import fr.ordre.comptexpert.it.support.PostgresCluster;
import fr.ordre.comptexpert.it.support.ProductionServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The production configuration of docker/ without Docker: PostgreSQL from Debian's package, {@code kc.sh build}
 * with the image's build options, {@code start --optimized} with the hostname and proxy options, the realm
 * imported from data/import as the image imports it (no demo data: the user and the client are created through
 * the Admin REST API, as an operator would). Run with {@code ./mvnw -Pproduction verify -pl integration-tests -am}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ProductionIT.LogOnFailure.class)
class ProductionIT {

    private static final String CLIENT_ID = "ops-production-it";
    private static final String USERNAME = "claire.ops";
    private static final String EMAIL = "claire.ops@cabinet.example";
    private static final String PASSWORD = "Production-Check-2026!";
    /** A private address, as a proxy on the internal network would forward it (sslRequired=external allows it on http). */
    private static final String CLIENT_IP = "10.20.30.40";

    private static ProductionServer keycloak;

    private PostgresCluster postgres;
    private MailServer mail;
    private DemoApp callback;
    private AdminApi admin;
    private Path home;
    private Path logFile;

    @BeforeAll
    void startProductionStack() throws IOException {
        HarnessSettings settings = HarnessSettings.fromSystemProperties();
        home = Path.of(System.getProperty("comptexpert.production.home"));
        Path work = settings.target().resolve("production");
        logFile = work.resolve("keycloak.log");
        Files.deleteIfExists(logFile);

        long t0 = System.nanoTime();
        postgres = PostgresCluster.start(work.resolve("postgres"), FreePorts.next());
        double pgSeconds = (System.nanoTime() - t0) / 1e9;
        double buildSeconds = ProductionServer.build(settings, home, work.resolve("kc-build.log"));

        // The register is mounted in production, not baked into the image: a copy at a path of its own.
        Path register = Files.createDirectories(work.resolve("register")).resolve("tableau.csv");
        Files.copy(settings.registerFile(), register, StandardCopyOption.REPLACE_EXISTING);

        mail = new MailServer(FreePorts.next());
        Map<String, String> env = new HashMap<>(ProductionServer.requiredPlaceholders(settings.realmFile()));
        env.putAll(Map.of(
                "ORDRE_SMTP_HOST",
                "127.0.0.1",
                "ORDRE_SMTP_PORT",
                Integer.toString(mail.port()),
                "ORDRE_SMTP_FROM",
                "comptexpert@ordre.test"));
        var options = ProductionServer.Options.onLoopback(postgres, register, env);
        keycloak = ProductionServer.start(home, options, logFile);
        System.out.printf(
                "Production stack: PostgreSQL %.1f s, kc.sh build %.1f s, start --optimized %.1f s (log: %s)%n",
                pgSeconds, buildSeconds, keycloak.startSeconds(), logFile);
        admin = new AdminApi(keycloak.baseUrl());
        callback = new DemoApp(keycloak.realmUrl(), FreePorts.next());
    }

    @AfterAll
    void stop() {
        if (callback != null) {
            callback.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (mail != null) {
            mail.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void realmIsImportedFromTheProductionFileWithoutDemoDataAndWithEnvironmentPlaceholdersResolved() {
        JsonNode realm = admin.get("/admin/realms/ordre");
        assertEquals("ordre", realm.get("loginTheme").asText());
        JsonNode smtp = realm.get("smtpServer");
        assertEquals("127.0.0.1", smtp.get("host").asText(), "${ORDRE_SMTP_HOST} resolved at import");
        assertEquals(Integer.toString(mail.port()), smtp.get("port").asText(), "${ORDRE_SMTP_PORT} resolved at import");
        assertEquals("comptexpert@ordre.test", smtp.get("from").asText(), "${ORDRE_SMTP_FROM} resolved at import");
        assertEquals("false", smtp.get("starttls").asText(), "${ORDRE_SMTP_STARTTLS:false} fell back to its default");

        assertFalse(realm.toString().contains("${ORDRE_"), "every realm placeholder resolved");
        JsonNode clients = admin.get("/admin/realms/ordre/clients");
        assertFalse(
                clients.toString().contains("${ORDRE_"), "every client placeholder resolved (secrets, redirect URIs)");
        assertEquals(0, admin.get("/admin/realms/ordre/users/count").asInt(), "no demo users in production");
        assertTrue(
                admin.get("/admin/realms/ordre/clients?clientId=comptexpert-demo")
                        .isEmpty(),
                "no demo client");
        assertEquals(
                "1", postgres.query("select count(*) from realm where name = 'ordre'"), "the realm is in PostgreSQL");
    }

    @Test
    @Order(2)
    void healthAndMetricsAreOnTheManagementPortOnly() {
        HttpResponse<String> ready = get(keycloak.managementUrl() + "/health/ready", Map.of());
        assertEquals(200, ready.statusCode());
        assertTrue(ready.body().contains("\"UP\""), ready.body());
        assertTrue(
                ready.body().contains("Keycloak database connections"),
                "the database check is part of readiness: " + ready.body());
        HttpResponse<String> metrics = get(keycloak.managementUrl() + "/metrics", Map.of());
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("jvm_"), "Prometheus metrics");

        assertEquals(404, get(keycloak.directUrl() + "/health/ready", Map.of()).statusCode(), "not on the public port");
        assertEquals(404, get(keycloak.directUrl() + "/metrics", Map.of()).statusCode(), "not on the public port");
    }

    @Test
    @Order(3)
    void theRegisterFileOptionIsApplied() {
        JsonNode file = admin.get("/admin/serverinfo")
                .get("providers")
                .get("ordre-tableau-register")
                .get("providers")
                .get("file");
        JsonNode info = file.get("operationalInfo");
        assertEquals(
                keycloak.options().registerFile().toString(), info.get("path").asText());
        assertEquals("306", info.get("entries").asText(), "the demo register's 306 entries: " + info);
        assertEquals("145", info.get("entriesWithEmail").asText(), "the demo register's email column is read: " + info);
        assertEquals("0", info.get("invalidEmails").asText(), info.toString());
        assertEquals("10", info.get("reloadIntervalSeconds").asText());
        assertFalse(info.has("lastError"), info.toString());
    }

    @Test
    @Order(4)
    void issuerIsTheConfiguredHostnameWhateverTheRequestOrItsForwardedHeadersSay() {
        String expected = keycloak.realmUrl();
        assertEquals("http://localhost:" + keycloak.options().httpPort() + "/realms/ordre", expected);
        String discovery = "/realms/ordre/.well-known/openid-configuration";

        JsonNode direct = json(get(keycloak.directUrl() + discovery, Map.of()));
        assertEquals(expected, direct.get("issuer").asText(), "reached by IP address: still the hostname");

        JsonNode forged = json(get(
                keycloak.directUrl() + discovery,
                Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https", "X-Forwarded-Port", "443")));
        assertEquals(expected, forged.get("issuer").asText(), "forwarded headers cannot move the issuer");
        assertEquals(
                expected + "/protocol/openid-connect/auth",
                forged.get("authorization_endpoint").asText());
    }

    @Test
    @Order(5)
    void aUserCreatedByAnOperatorSignsInWithABrowserAndPkce() {
        createClientAndUser();
        OidcClient client = new OidcClient(keycloak.realmUrl(), CLIENT_ID);
        OidcClient.Authorization authorization = client.authorize(callback.redirectUri());
        WebDriver browser = Browser.open("fr");
        try {
            LoginPage login = new LoginPage(browser).open(authorization.url());
            assertEquals("fr", browser.findElement(By.tagName("html")).getAttribute("lang"));
            assertTrue(browser.getPageSource().contains("/login/ordre/"), "theme 'ordre' in the built server");
            login.signIn(USERNAME, PASSWORD);
            String redirect = login.awaitRedirect(callback.redirectUri());

            JsonNode tokens = client.exchange(authorization, redirect);
            JsonNode idToken = OidcClient.claims(tokens.get("id_token").asText());
            assertEquals(USERNAME, idToken.get("preferred_username").asText());
            assertEquals(keycloak.realmUrl(), idToken.get("iss").asText());
            assertEquals(
                    keycloak.realmUrl(),
                    OidcClient.claims(tokens.get("access_token").asText())
                            .get("iss")
                            .asText());
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(6)
    void behindTheProxyTheClientAddressComesFromXForwardedFor() {
        createClientAndUser();
        OidcClient client = new OidcClient(keycloak.realmUrl(), CLIENT_ID);
        OidcClient.Authorization authorization = client.authorize(callback.redirectUri());
        String ownAuthorizationUrl = authorization.url().replace(keycloak.baseUrl(), keycloak.directUrl());

        String redirect =
                new FormClient(Map.of("X-Forwarded-For", CLIENT_IP)).signIn(ownAuthorizationUrl, USERNAME, PASSWORD);
        assertTrue(redirect.startsWith(callback.redirectUri()), redirect);
        assertEquals(keycloak.realmUrl(), OidcClient.query(redirect).get("iss"), "RFC 9207 iss parameter");
        JsonNode tokens = client.exchange(authorization, redirect);
        assertEquals(
                keycloak.realmUrl(),
                OidcClient.claims(tokens.get("id_token").asText()).get("iss").asText());

        String userId = admin.userByUsername("ordre", USERNAME).get("id").asText();
        JsonNode events = admin.get("/admin/realms/ordre/events?type=LOGIN&user=" + userId + "&ipAddress=" + CLIENT_IP);
        assertFalse(events.isEmpty(), "a LOGIN event from " + CLIENT_IP + " (proxy-headers=xforwarded honoured)");
        assertEquals(CLIENT_ID, events.get(0).get("clientId").asText());
    }

    @Test
    @Order(7)
    void emailLinksUseTheConfiguredHostnameEvenWhenTheAdminCallCameByAddress() {
        createClientAndUser();
        String userId = admin.userByUsername("ordre", USERNAME).get("id").asText();
        AdminApi direct = new AdminApi(keycloak.directUrl());
        HttpResponse<String> sent = direct.put(
                "/admin/realms/ordre/users/" + userId + "/execute-actions-email", List.of("UPDATE_PASSWORD"));
        assertEquals(204, sent.statusCode(), sent.body());
        MailServer.Mail email = mail.await(EMAIL, 1, Duration.ofSeconds(30));
        String link = email.link("action-token");
        assertTrue(link.startsWith(keycloak.realmUrl() + "/login-actions/action-token"), link);
    }

    @Test
    @Order(8)
    void theAdminRestPartialImportTakesPlaceholdersLiterally() {
        // Documented in docs/operations.md: only the server-side import resolves ${...}.
        String probe = "ops-placeholder-probe";
        admin.partialImport(
                "ordre",
                """
                {"ifResourceExists": "SKIP", "clients": [{"clientId": "%s", "publicClient": false,
                 "secret": "${ORDRE_SMTP_HOST}", "redirectUris": ["https://probe.example/*"]}]}"""
                        .formatted(probe));
        JsonNode client =
                admin.get("/admin/realms/ordre/clients?clientId=" + probe).get(0);
        try {
            JsonNode secret =
                    admin.get("/admin/realms/ordre/clients/" + client.get("id").asText() + "/client-secret");
            assertEquals("${ORDRE_SMTP_HOST}", secret.get("value").asText());
        } finally {
            admin.delete("/admin/realms/ordre/clients/" + client.get("id").asText());
        }
    }

    @Test
    @Order(9)
    void aRealmTextAnAdminChangesShowsOnTheNextPageInItsLanguageOnly() {
        // Themes are cached in production, and the Ordre theme's merged messages with them (theme package): the
        // cache must be in use, and a realm text must still show on the very next page, and go with its removal.
        createClientAndUser();
        String ours = "Entrer dans Comptexpert (texte du royaume)";
        String first = loginPage("fr");
        assertTrue(first.contains("Se connecter"), "the theme's French text first");
        assertTrue(loginPage("en").contains("Sign in"));
        assertTrue(
                Integer.parseInt(cachedMessages().get("entries").asText()) >= 2,
                "the French and English pages were merged once each: " + cachedMessages());
        // The login forms provider of the theme package renders the pages with theme.properties parsed once.
        assertTrue(
                Integer.parseInt(cachedMessages().get("resources").asText()) >= 1,
                "the pages took their styles from the parsed theme.properties: " + cachedMessages());
        assertTrue(
                first.contains("/login/ordre/css/ordre.css"), "the cached resources still name the theme's stylesheet");
        assertEquals("ordre", cachedMessages().get("themes").asText());

        // The Expertpass panel is not in the page: a slot names its script by the panel's version
        // (CachedMarkupDirective,
        // ExpertpassPanelScript), the same on every French page, kept by the browser for a year; another version gets
        // the current panel, not to be kept. A realm text in the panel shows at once, under a new version.
        String script = panelScriptAddress(first);
        assertEquals(script, panelScriptAddress(loginPage("fr")), "one version per language");
        assertFalse(script.equals(panelScriptAddress(loginPage("en"))), "and one per language");
        assertFalse(first.contains("ordre-expertpass-title"), "the panel's words are not in the page");
        HttpResponse<String> kept = get(script);
        assertEquals(200, kept.statusCode(), kept.body());
        assertEquals(
                "public, max-age=31536000, immutable",
                kept.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(kept.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        String panel = kept.body();
        assertTrue(panel.contains("ordre-expertpass-title") && panel.contains("Se connecter avec Expertpass"), panel);
        HttpResponse<String> stale = get(script.replaceAll("v=[^&]+", "v=AAAAAAAAAAAAAAAAAAAAAA"));
        assertEquals(200, stale.statusCode());
        assertEquals("no-cache", stale.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(panel, stale.body());
        assertTrue(
                Integer.parseInt(loginFormsInfo().get("cachedMarkup").asText()) >= 2,
                "the French and English panels came from the cache: " + loginFormsInfo());
        String ourTitle = "Expertpass, texte du royaume";

        AdminApi.expect(
                admin.post(
                        "/admin/realms/ordre/localization/fr",
                        Map.of("doLogIn", ours, "ordreExpertpassLoginTitle", ourTitle)),
                204);
        try {
            String changed = loginPage("fr");
            assertTrue(changed.contains(ours), "the realm text on the next French page");
            String changedScript = panelScriptAddress(changed);
            assertFalse(changedScript.equals(script), "a new version of the French panel");
            HttpResponse<String> changedPanel = get(changedScript);
            assertTrue(changedPanel.body().contains(ourTitle), "with the realm text in it");
            assertEquals(
                    "public, max-age=31536000, immutable",
                    changedPanel.headers().firstValue("Cache-Control").orElse(""));
            String english = loginPage("en");
            assertTrue(english.contains("Sign in") && !english.contains(ours), "the English page keeps its own");
            assertTrue(!get(panelScriptAddress(english)).body().contains(ourTitle));
        } finally {
            AdminApi.expect(admin.delete("/admin/realms/ordre/localization/fr/doLogIn"), 204);
            AdminApi.expect(admin.delete("/admin/realms/ordre/localization/fr/ordreExpertpassLoginTitle"), 204);
        }
        String french = loginPage("fr");
        assertTrue(french.contains("Se connecter") && !french.contains(ours), "removed, the theme's text is back");
        assertEquals(script, panelScriptAddress(french), "and the theme's panel, under its first version");
    }

    /** The address of the page's panel script, from its slot ({@code ordre-expertpass-panel.ftl}), made absolute. */
    private static String panelScriptAddress(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "<script src=\"([^\"]+/browser/panel\\.js\\?[^\"]+)\"")
                .matcher(page);
        assertTrue(m.find() && page.contains("id=\"ordre-expertpass-slot\""), "the page has the panel's slot");
        // Named from the site's root, as the browser resolves it.
        return URI.create(keycloak.baseUrl())
                .resolve(m.group(1).replace("&amp;", "&"))
                .toString();
    }

    private static HttpResponse<String> get(String url) {
        try {
            return Http.CLIENT.send(
                    HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode loginFormsInfo() {
        return admin.get("/admin/serverinfo")
                .get("providers")
                .get("login")
                .get("providers")
                .get("ordre-cached-theme")
                .get("operationalInfo");
    }

    private String loginPage(String locale) {
        OidcClient client = new OidcClient(keycloak.realmUrl(), CLIENT_ID);
        HttpResponse<String> page = new FormClient()
                .get(client.authorize(callback.redirectUri(), locale).url());
        assertEquals(200, page.statusCode(), page.body());
        return page.body();
    }

    private JsonNode cachedMessages() {
        return admin.get("/admin/serverinfo")
                .get("providers")
                .get("themeManager")
                .get("providers")
                .get("ordre-cached-messages")
                .get("operationalInfo");
    }

    @Test
    @Order(10)
    void aRestartKeepsTheDataAndSkipsTheImportOfTheExistingRealm() throws IOException {
        createClientAndUser();
        long before = Files.size(logFile);
        ProductionServer.Options options = keycloak.options();
        keycloak.close();
        keycloak = ProductionServer.start(home, options, logFile);
        System.out.printf("Production restart: start --optimized %.1f s%n", keycloak.startSeconds());

        String afterRestart = Files.readString(logFile).substring((int) before);
        assertTrue(
                afterRestart.contains("Realm 'ordre' already exists. Import skipped"),
                "the second --import-realm skips the existing realm:\n" + LogTail.of(logFile, 40));
        assertEquals(
                USERNAME,
                admin.userByUsername("ordre", USERNAME).get("username").asText());

        OidcClient client = new OidcClient(keycloak.realmUrl(), CLIENT_ID);
        OidcClient.Authorization authorization = client.authorize(callback.redirectUri());
        String redirect = new FormClient(Map.of()).signIn(authorization.url(), USERNAME, PASSWORD);
        assertEquals(
                USERNAME,
                OidcClient.claims(client.exchange(authorization, redirect)
                                .get("id_token")
                                .asText())
                        .get("preferred_username")
                        .asText());
    }

    /** The public PKCE client and the user, as an operator would create them; idempotent across the tests. */
    private void createClientAndUser() {
        if (admin.get("/admin/realms/ordre/clients?clientId=" + CLIENT_ID).isEmpty()) {
            assertEquals(
                    201,
                    admin.post(
                                    "/admin/realms/ordre/clients",
                                    Map.of(
                                            "clientId",
                                            CLIENT_ID,
                                            "publicClient",
                                            true,
                                            "standardFlowEnabled",
                                            true,
                                            "directAccessGrantsEnabled",
                                            false,
                                            "redirectUris",
                                            List.of(callback.redirectUri()),
                                            "attributes",
                                            Map.of("pkce.code.challenge.method", "S256")))
                            .statusCode());
        }
        if (admin.get("/admin/realms/ordre/users?exact=true&username=" + USERNAME)
                .isEmpty()) {
            HttpResponse<String> created = admin.post(
                    "/admin/realms/ordre/users",
                    Map.of(
                            "username",
                            USERNAME,
                            "email",
                            EMAIL,
                            "emailVerified",
                            true,
                            "firstName",
                            "Claire",
                            "lastName",
                            "Opérations",
                            "enabled",
                            true,
                            "credentials",
                            List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))));
            assertEquals(201, created.statusCode(), created.body());
        }
    }

    private static HttpResponse<String> get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        headers.forEach(request::header);
        try {
            return Http.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints the server log's tail when a test fails. */
    static final class LogOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (keycloak != null) {
                System.err.println(
                        "---- last lines of " + keycloak.logFile() + " ----\n" + LogTail.of(keycloak.logFile(), 80));
            }
        }
    }
}
