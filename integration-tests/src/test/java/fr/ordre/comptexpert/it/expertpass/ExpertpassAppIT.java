package fr.ordre.comptexpert.it.expertpass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ordre.comptexpert.companion.QrCodes;
import fr.ordre.comptexpert.it.support.Axe;
import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.Http;
import fr.ordre.comptexpert.it.support.Json;
import fr.ordre.comptexpert.it.support.LoginPage;
import fr.ordre.comptexpert.it.support.OidcClient;
import fr.ordre.comptexpert.it.support.QrScreen;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import fr.ordre.comptexpert.it.support.UrlForm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Expertpass web app (docs/expertpass-app.md) in a real Chromium playing the phone, against the real server: a
 * desktop Chromium shows the pages, the phone's camera is Chromium's fake capture device fed with a video of the
 * page's QR code, or the phone is given a picture of the screen (photo fallback).
 */
@ExtendWith(TestEnvironment.class)
class ExpertpassAppIT {

    /** A phone's browser: Android user agent, 375 px wide. */
    static final String PHONE_UA = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/156.0.0.0 Mobile Safari/537.36";

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "connect-src 'self'; manifest-src 'self'; worker-src 'self'; media-src 'self' blob: mediastream:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final ObjectMapper JSON = Json.MAPPER;

    @Test
    void appIsServedWithItsManifestWorkerTextsAndAStrictPolicy(TestEnvironment.Env env) throws Exception {
        String app = appUrl(env);
        HttpClient http = Http.CLIENT;
        HttpResponse<String> bare = http.send(
                HttpRequest.newBuilder(URI.create(app.substring(0, app.length() - 1)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(308, bare.statusCode());
        assertTrue(bare.headers().firstValue("Location").orElseThrow().endsWith("/comptexpert/app/"));
        HttpResponse<String> page = get(http, app);
        assertEquals(200, page.statusCode());
        assertEquals(CSP, page.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertEquals(
                "nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(page.body().contains("<link rel=\"manifest\" href=\"manifest.webmanifest\">"));
        assertFalse(page.body().contains("<script>"), "no inline script: the CSP forbids it");
        JsonNode manifest =
                JSON.readTree(get(http, app + "manifest.webmanifest").body());
        assertEquals("standalone", manifest.get("display").asText());
        assertEquals("fr", manifest.get("lang").asText());
        assertTrue(manifest.get("icons").toString().contains("512x512"));
        for (String file : List.of(
                "sw.js",
                "app.js",
                "protocol.js",
                "scanner.js",
                "app.css",
                "icon-192.png",
                "icon-512.png",
                "vendor/jsQR.js",
                "vendor/qrcode.js")) {
            HttpResponse<String> response = get(http, app + file);
            assertEquals(200, response.statusCode(), file);
            assertEquals(
                    CSP,
                    response.headers().firstValue("Content-Security-Policy").orElseThrow(),
                    file);
        }
        JsonNode fr = JSON.readTree(get(http, app + "messages-fr.json").body());
        JsonNode en = JSON.readTree(get(http, app + "messages-en.json").body());
        assertEquals("Approuver", fr.get("ordreAppSigninApprove").asText());
        assertEquals("Approve", en.get("ordreAppSigninApprove").asText());
        assertEquals(fr.size(), en.size(), "English complete");
        assertTrue(fr.get("ordreAppWelcomeText").asText().contains("l'Ordre"), "apostrophes shown single");
        for (String bad : List.of(
                "%2E%2E%2Fexpertpass%2Fv1%2Fdevices", "..%2F..%2Faccount", "WEB-INF/x", "app.js.bak", "vendor/")) {
            int status = get(http, app + bad).statusCode();
            // 404 from us; 400 when the HTTP layer refuses an encoded slash first. Never a file.
            assertTrue(status == 404 || status == 400, bad + ": " + status);
        }
    }

    @Test
    void enrolAndSignInWithTheCameraThenTheCardOfflineAndARemovedDevice(TestEnvironment.Env env) throws Exception {
        String username = Expertpass.createUser(env, "permanent", true);
        FakeCamera camera = new FakeCamera(target().resolve("app-it/camera-" + username + ".y4m"));
        WebDriver desktop = Browser.open("fr");
        WebDriver phone = null;
        try {
            // Enrolment: the page's QR, filmed by the phone.
            OidcClient client = env.demoClient();
            LoginPage login = new LoginPage(desktop)
                    .open(client.authorize(env.demoApp().redirectUri()).url());
            login.signIn(username, Expertpass.PASSWORD);
            login.waitFor(By.id("ordre-expertpass-enrol"));
            String openApp =
                    desktop.findElement(By.id("ordre-expertpass-open-app")).getAttribute("href");
            assertTrue(
                    openApp.startsWith(
                            appUrl(env) + "#enrol=" + enc(env.keycloak().baseUrl())),
                    openApp);
            camera.show(qrSource(desktop));
            phone = phone(camera.switches());
            phone.get(appUrl(env) + "#scan");
            WebElement name = await(phone, By.id("enrol-name"));
            assertEquals(
                    "Chrome sur Android (Pixel 7)", name.getAttribute("value"), "the name proposed from the platform");
            name.clear();
            name.sendKeys("Pixel de test");
            phone.findElement(By.id("enrol-submit")).click();
            // The phone waits for the member's yes on the computer's page, which asks by the phone's name.
            assertEquals("confirming", await(phone, By.id("enrol-confirm")).getAttribute("data-status"));
            Expertpass.confirmInBrowser(login, desktop, "Pixel de test");
            awaitStatus(phone, "enrolled");
            login.awaitRedirect(env.demoApp().redirectUri());
            String userId = Expertpass.userId(env, username);
            JsonNode credentials = env.admin().get(Expertpass.REALM + "/users/" + userId + "/credentials");
            String credentialId = null;
            for (JsonNode c : credentials) {
                if ("ordre-expertpass".equals(c.get("type").asText())) {
                    assertEquals("Pixel de test", c.get("userLabel").asText());
                    credentialId = c.get("id").asText();
                }
            }
            assertNotNull(credentialId, credentials.toString());

            // The private key cannot leave the phone, not even through the app's own code.
            Map<?, ?> key = (Map<?, ?>) async(
                    phone,
                    "var done = arguments[arguments.length - 1];"
                            + "var r = indexedDB.open('expertpass'); r.onsuccess = function () {"
                            + " var g = r.result.transaction('accounts').objectStore('accounts').getAll();"
                            + " g.onsuccess = function () { var k = g.result[0].privateKey;"
                            + "  crypto.subtle.exportKey('pkcs8', k).then(function () { done({exported: true}); },"
                            + "   function (e) { done({exported: false, error: e.name, extractable: k.extractable, type: k.type,"
                            + "     curve: k.algorithm.namedCurve}); }); }; };");
            assertEquals(false, key.get("exported"), key.toString());
            assertEquals("InvalidAccessError", key.get("error"));
            assertEquals(false, key.get("extractable"));
            assertEquals("private", key.get("type"));
            assertEquals("P-256", key.get("curve"));

            // Sign-in: the login page's QR, filmed; the context shown; the number typed.
            desktop.quit();
            desktop = Browser.open("fr");
            login = new LoginPage(desktop);
            OidcClient.Authorization authorization =
                    client.authorize(env.demoApp().redirectUri());
            login.open(authorization.url());
            QrScreen.awaitShown(desktop);
            camera.show(qrSource(desktop));
            phone.get(appUrl(env) + "#accounts");
            phone.get(appUrl(env) + "#scan");
            await(phone, By.id("signin-code"));
            assertFalse(phone.findElement(By.id("signin-service")).getText().isBlank());
            assertTrue(phone.findElement(By.id("signin-browser")).getText().startsWith("Chrome"));
            assertEquals("Linux", phone.findElement(By.id("signin-os")).getText());
            assertFalse(phone.findElement(By.id("signin-ip")).getText().isBlank());
            assertTrue(
                    phone.findElements(By.id("signin-network")).isEmpty(),
                    "phone and computer on one network: no warning");
            camera.showNothing();
            phone.findElement(By.id("signin-code")).sendKeys(Expertpass.shownCode(desktop));
            phone.findElement(By.id("signin-approve")).click();
            awaitStatus(phone, "approved");
            String callback = login.awaitRedirect(env.demoApp().redirectUri());
            Expertpass.assertSignedInAs(client, authorization, callback, username);

            // The card, fresh; then after a reload without network, from what the phone kept, marked offline.
            phone.get(appUrl(env) + "#card");
            awaitState(phone, "fresh");
            assertEquals(
                    "Permanent de l'Ordre",
                    phone.findElement(By.id("card-statut")).getText());
            assertEquals("Camille Test", phone.findElement(By.id("card-name")).getText());
            assertAccessible(phone, "card");
            new WebDriverWait(phone, Duration.ofSeconds(20))
                    .until(d -> Boolean.TRUE.equals(js(d, "return !!navigator.serviceWorker.controller;")));
            offline(phone, true);
            try {
                phone.navigate().refresh();
                awaitState(phone, "offline");
                assertEquals(
                        "Camille Test", phone.findElement(By.id("card-name")).getText());
                assertTrue(phone.findElement(By.id("offline")).isDisplayed());
                // Chromium's page-level offline emulation does not reach the service worker's own fetches (a probe
                // through the worker got the server's 404): what is checked is that the page runs under the worker
                // and shows the card from IndexedDB while the page itself has no network.
                assertEquals(
                        Boolean.TRUE, js(phone, "return !!navigator.serviceWorker.controller && !navigator.onLine;"));
            } finally {
                offline(phone, false);
            }

            // Removed in the account console (here: by an admin): the app says so.
            assertEquals(
                    204,
                    env.admin()
                            .delete(Expertpass.REALM + "/users/" + userId + "/credentials/" + credentialId)
                            .statusCode());
            phone.get(appUrl(env) + "#accounts");
            phone.get(appUrl(env) + "#card");
            WebElement revoked = await(phone, By.id("card-revoked"));
            assertTrue(revoked.getText().contains("retiré de votre compte"), revoked.getText());
        } finally {
            desktop.quit();
            if (phone != null) {
                phone.quit();
            }
        }
    }

    @Test
    void photoFallbackForeignHostsRefusedAndSameDeviceSignInOnAPhone(TestEnvironment.Env env) throws Exception {
        String username = Expertpass.createUser(env, "permanent", true);
        FakeCamera camera = new FakeCamera(target().resolve("app-it/camera-" + username + ".y4m"));
        WebDriver desktop = Browser.open("fr");
        WebDriver phone = phone(camera.switches());
        try {
            phone.get(appUrl(env));
            await(phone, By.id("welcome-scan"));
            assertAccessible(phone, "welcome");

            // The help page names the app's address and, where the realm names a native app's store page, that too
            // (an address that is not https is not shown).
            assertEquals(
                    204,
                    env.admin()
                            .put(
                                    Expertpass.REALM,
                                    Map.of(
                                            "attributes",
                                            Map.of(
                                                    "ordreExpertpassPlayStoreUrl",
                                                            "https://play.google.com/store/apps/details?id=fr.experts_comptables.expertpass",
                                                    "ordreExpertpassAppStoreUrl", "javascript:alert(1)")))
                            .statusCode());
            try {
                phone.get(env.keycloak().baseUrl() + "/realms/ordre/comptexpert/aide");
                assertEquals(
                        appUrl(env),
                        await(phone, By.id("ordre-expertpass-app-link")).getAttribute("href"));
                assertTrue(phone.findElement(By.id("ordre-expertpass-play-store"))
                        .getAttribute("href")
                        .startsWith("https://play.google.com/"));
                assertTrue(
                        phone.findElements(By.id("ordre-expertpass-app-store")).isEmpty(),
                        "a store address that is not https is not shown");
            } finally {
                assertEquals(
                        204,
                        env.admin()
                                .put(
                                        Expertpass.REALM,
                                        Map.of(
                                                "attributes",
                                                Map.of(
                                                        "ordreExpertpassPlayStoreUrl",
                                                        "",
                                                        "ordreExpertpassAppStoreUrl",
                                                        "")))
                                .statusCode());
            }

            // A QR naming another host, as a photo and as a link: refused, with the host named.
            String foreign =
                    "https://comptexpert.experts-comptab1es.fr/realms/ordre/comptexpert/expertpass/v1/challenges/"
                            + "A".repeat(43);
            phone.get(appUrl(env) + "#scan");
            upload(phone, QrCodes.png(foreign, 8), "foreign.png");
            WebElement refused = awaitProblem(phone, "foreign_host");
            assertTrue(refused.getText().contains("comptexpert.experts-comptab1es.fr"), refused.getText());
            assertAccessible(phone, "refused");
            phone.get(appUrl(env) + "#signin=" + enc(foreign));
            awaitProblem(phone, "foreign_host");

            // Enrolment from a photo of the screen.
            OidcClient client = env.demoClient();
            LoginPage login = new LoginPage(desktop)
                    .open(client.authorize(env.demoApp().redirectUri()).url());
            login.signIn(username, Expertpass.PASSWORD);
            login.waitFor(By.id("ordre-expertpass-enrol"));
            phone.get(appUrl(env) + "#card");
            phone.get(appUrl(env) + "#scan");
            assertAccessible(phone, "scan");
            upload(phone, screenshot(desktop), "enrol.png");
            await(phone, By.id("enrol-name"));
            assertAccessible(phone, "enrol");
            String proposed = phone.findElement(By.id("enrol-name")).getAttribute("value");
            phone.findElement(By.id("enrol-submit")).click();
            await(phone, By.id("enrol-confirm"));
            assertAccessible(phone, "enrol-confirm");
            Expertpass.confirmInBrowser(login, desktop, proposed);
            awaitStatus(phone, "enrolled");
            login.awaitRedirect(env.demoApp().redirectUri());

            // Sign-in from a photo of the login page.
            desktop.quit();
            desktop = Browser.open("fr");
            login = new LoginPage(desktop);
            OidcClient.Authorization authorization =
                    client.authorize(env.demoApp().redirectUri());
            login.open(authorization.url());
            QrScreen.awaitShown(desktop);
            phone.get(appUrl(env) + "#card");
            phone.get(appUrl(env) + "#scan");
            upload(phone, screenshot(desktop), "login.png");
            await(phone, By.id("signin-code"));
            assertAccessible(phone, "signin");
            phone.findElement(By.id("signin-approve")).click();
            assertTrue(await(phone, By.cssSelector("#signin-status .note--error"))
                    .getText()
                    .contains("2 chiffres"));
            phone.findElement(By.id("signin-code")).sendKeys(Expertpass.shownCode(desktop));
            phone.findElement(By.id("signin-approve")).click();
            awaitStatus(phone, "approved");
            Expertpass.assertSignedInAs(
                    client, authorization, login.awaitRedirect(env.demoApp().redirectUri()), username);

            // Same device: the login page on the phone offers the app instead of the QR; two tabs.
            phone.get(appUrl(env) + "#accounts");
            await(phone, By.cssSelector("#accounts .account"));
            assertAccessible(phone, "accounts");
            OidcClient.Authorization onPhone = client.authorize(env.demoApp().redirectUri());
            LoginPage phoneLogin = new LoginPage(phone).open(onPhone.url());
            WebElement open = await(phone, By.id("ordre-expertpass-open-app"));
            assertTrue(open.isDisplayed());
            // The panel is lazy: its QR, and the link the button passes to the app, come once it is in view.
            QrScreen.awaitShown(phone);
            assertEquals("Se connecter avec Expertpass sur ce téléphone", open.getText());
            assertFalse(
                    phone.findElement(By.id("ordre-expertpass-qr")).isDisplayed(),
                    "the QR is behind a button on a phone");
            assertAccessible(phone, "login-same-device");
            String code = Expertpass.shownCode(phone);
            String loginTab = phone.getWindowHandle();
            open.click();
            new WebDriverWait(phone, Duration.ofSeconds(10))
                    .until(d -> d.getWindowHandles().size() == 2);
            for (String handle : phone.getWindowHandles()) {
                if (!handle.equals(loginTab)) {
                    phone.switchTo().window(handle);
                }
            }
            await(phone, By.id("signin-code")).sendKeys(code);
            phone.findElement(By.id("signin-approve")).click();
            awaitStatus(phone, "approved");
            phone.close();
            phone.switchTo().window(loginTab);
            Expertpass.assertSignedInAs(
                    client, onPhone, phoneLogin.awaitRedirect(env.demoApp().redirectUri()), username);
        } finally {
            desktop.quit();
            phone.quit();
        }
    }

    // ---------------------------------------------------------------- helpers

    static String appUrl(TestEnvironment.Env env) {
        return env.keycloak().baseUrl() + "/realms/ordre/comptexpert/app/";
    }

    private static WebDriver phone(List<String> camera) {
        List<String> switches = new ArrayList<>(camera);
        switches.add("--user-agent=" + PHONE_UA);
        WebDriver phone = Browser.open("fr", 375, 812, switches);
        // Headless windows are at least 500 px wide: the phone's 375 px come from device emulation.
        ((ChromeDriver) phone)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));
        return phone;
    }

    private static Path target() {
        return Path.of(System.getProperty("comptexpert.target", "target"));
    }

    private static String enc(String s) {
        return UrlForm.encode(s);
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The page's QR image (a PNG data URI), brought on screen first. */
    private static String qrSource(WebDriver desktop) {
        return new WebDriverWait(desktop, Duration.ofSeconds(10)).until(d -> {
            String src = d.findElement(By.id("ordre-expertpass-qr")).getAttribute("src");
            return src != null && src.startsWith("data:image/png;base64,") ? src : null;
        });
    }

    private static byte[] screenshot(WebDriver desktop) {
        new org.openqa.selenium.interactions.Actions(desktop)
                .scrollToElement(desktop.findElement(By.id("ordre-expertpass-qr")))
                .perform();
        return ((TakesScreenshot) desktop).getScreenshotAs(OutputType.BYTES);
    }

    /** Gives the phone's "choose a photo" input a picture, as a member picking a photo of the screen. */
    private static void upload(WebDriver phone, byte[] png, String name) {
        try {
            Path file = target().resolve("app-it").resolve(System.nanoTime() + "-" + name);
            Files.createDirectories(file.getParent());
            Files.write(file, png);
            await(phone, By.id("scan-photo")).sendKeys(file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WebElement await(WebDriver driver, By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .withMessage(() -> locator + "; page: "
                        + driver.findElement(By.tagName("body")).getText() + Browser.consoleOf(driver))
                .until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    /** The outcome the app shows; a problem shown instead fails at once, with the app's error code and text. */
    private static void awaitStatus(WebDriver phone, String status) {
        WebElement shown = new WebDriverWait(phone, Duration.ofSeconds(30))
                .withMessage(() -> "status " + status + "; page: "
                        + phone.findElement(By.id("view")).getText() + Browser.consoleOf(phone))
                .until(d -> {
                    List<WebElement> found = d.findElements(By.cssSelector("#outcome, #problem"));
                    return found.isEmpty() ? null : found.get(0);
                });
        assertEquals("outcome", shown.getAttribute("id"), shown.getAttribute("data-error") + ": " + shown.getText());
        assertEquals(status, shown.getAttribute("data-status"), shown.getText());
    }

    private static WebElement awaitProblem(WebDriver phone, String error) {
        WebElement problem = await(phone, By.id("problem"));
        assertEquals(error, problem.getAttribute("data-error"), problem.getText());
        return problem;
    }

    private static void awaitState(WebDriver phone, String state) {
        new WebDriverWait(phone, Duration.ofSeconds(30))
                .withMessage(() -> "card state " + state + "; page: "
                        + phone.findElement(By.id("view")).getText())
                .until(d -> d.findElements(By.cssSelector("#card-state[data-state='" + state + "']"))
                                .size()
                        == 1);
    }

    private static void offline(WebDriver phone, boolean offline) {
        ((ChromeDriver) phone).executeCdpCommand("Network.enable", Map.of());
        ((ChromeDriver) phone)
                .executeCdpCommand(
                        "Network.emulateNetworkConditions",
                        Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private static Object js(WebDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static Object async(WebDriver driver, String script) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return ((JavascriptExecutor) driver).executeAsyncScript(script);
    }

    /** axe-core at 375 px: no serious or critical violation; the screen kept for docs/screenshots. */
    private static void assertAccessible(WebDriver phone, String screen) {
        List<String> violations = Axe.violations(phone, List.of());
        assertTrue(violations.isEmpty(), screen + ": " + String.join("\n", violations));
        try {
            Path file = target().resolve("screenshots/expertpass-app-" + screen + "-375.png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) phone).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
