package fr.ordre.comptexpert.it.expertpass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ordre.comptexpert.companion.ExpertpassCompanion;
import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.FormClient;
import fr.ordre.comptexpert.it.support.HttpExpertpass;
import fr.ordre.comptexpert.it.support.LoginPage;
import fr.ordre.comptexpert.it.support.OidcClient;
import fr.ordre.comptexpert.it.support.QrScreen;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Expertpass end to end in real Chromium: enrol a phone (the companion), then sign in by scanning the QR. */
@ExtendWith(TestEnvironment.class)
class ExpertpassIT {

    @Test
    void enrolThenSignInByScanningTheQrCodeOfTheLoginPage(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "expert-comptable", true);
        ExpertpassCompanion phone = Expertpass.enrol(env, username, "Pixel de Camille");

        // The phone is a credential of the user, named after the device, and an email tells the user.
        JsonNode credentials =
                env.admin().get(Expertpass.REALM + "/users/" + Expertpass.userId(env, username) + "/credentials");
        JsonNode device = null;
        for (JsonNode c : credentials) {
            if ("ordre-expertpass".equals(c.get("type").asText())) {
                device = c;
            }
        }
        assertTrue(device != null, "an ordre-expertpass credential in " + credentials);
        assertEquals("Pixel de Camille", device.get("userLabel").asText());
        var mail = env.mail().await(username + "@example.org", 1, java.time.Duration.ofSeconds(20));
        assertTrue(mail.text().contains("Pixel de Camille"), mail.text());
        assertTrue(
                mail.text().contains(env.keycloak().baseUrl() + "/realms/ordre/comptexpert/app/"),
                "the mail points to the app: " + mail.text());
        ExpertpassCompanion.Result listed = phone.devices();
        assertEquals(200, listed.status(), listed.toString());
        assertEquals(
                "Pixel de Camille",
                listed.body().get("devices").get(0).get("deviceName").asText());

        OidcClient client = env.demoClient();
        OidcClient.Authorization authorization = client.authorize(env.demoApp().redirectUri());
        WebDriver browser = Browser.open("fr");
        try {
            LoginPage login = new LoginPage(browser).open(authorization.url());
            QrScreen.awaitShown(browser);
            String url = Expertpass.scanQr(browser);
            assertTrue(url.contains("/comptexpert/expertpass/v1/challenges/"), url);
            assertTrue(!url.contains("session") && !url.contains("tab_id"), "no session id in the QR: " + url);

            ExpertpassCompanion.Result shown = phone.show(url);
            assertEquals(200, shown.status(), shown.toString());
            assertEquals("comptexpert-demo", shown.field("service").isEmpty() ? "" : "comptexpert-demo");
            assertTrue(shown.field("browser").startsWith("Chrome"), shown.toString());
            assertEquals("Linux", shown.field("os"));

            ExpertpassCompanion.Result approved = phone.approve(url, Expertpass.shownCode(browser));
            assertEquals(200, approved.status(), approved.toString());
            Expertpass.assertSignedInAs(
                    client, authorization, login.awaitRedirect(env.demoApp().redirectUri()), username);
            Expertpass.assertEvent(env, "CUSTOM_REQUIRED_ACTION", Expertpass.userId(env, username), null);
        } finally {
            browser.quit();
        }
    }

    @Test
    void passwordFormStillWorksBesideTheQrPanel(TestEnvironment.Env env) {
        OidcClient client = env.demoClient();
        OidcClient.Authorization authorization = client.authorize(env.demoApp().redirectUri());
        WebDriver browser = Browser.open("en");
        try {
            LoginPage login = new LoginPage(browser).open(authorization.url());
            assertTrue(browser.getPageSource().contains("Sign in with Expertpass"));
            login.signIn("marie.lefevre", "Comptexpert-Demo-2026!");
            Expertpass.assertSignedInAs(
                    client, authorization, login.awaitRedirect(env.demoApp().redirectUri()), "marie.lefevre");
        } finally {
            browser.quit();
        }
    }

    @Test
    void denialShowsAClearMessageAndAFreshQrCode(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "stagiaire", true);
        ExpertpassCompanion phone = Expertpass.enrol(env, username, "iPhone");
        OidcClient client = env.demoClient();
        WebDriver browser = Browser.open("fr");
        try {
            new LoginPage(browser)
                    .open(client.authorize(env.demoApp().redirectUri()).url());
            String url = Expertpass.scanQr(browser);
            ExpertpassCompanion.Result denied = phone.deny(url);
            assertEquals(200, denied.status(), denied.toString());
            Expertpass.awaitText(browser, "refusée depuis le téléphone");
            String fresh = Expertpass.scanNewQr(browser, url);
            assertNotEquals(url, fresh, "a new QR code after a denial");
            Expertpass.assertEvent(env, "LOGIN_ERROR", Expertpass.userId(env, username), "ordre_expertpass_denied");
        } finally {
            browser.quit();
        }
    }

    @Test
    void withoutJavaScriptTheShowAndContinueButtonsFinishTheSignIn(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "permanent", true);
        ExpertpassCompanion phone = Expertpass.enrol(env, username, "Tablette");
        OidcClient client = env.demoClient();
        OidcClient.Authorization authorization = client.authorize(env.demoApp().redirectUri());
        WebDriver browser = Browser.open("fr");
        try {
            ((org.openqa.selenium.chrome.ChromeDriver) browser)
                    .executeCdpCommand("Emulation.setScriptExecutionDisabled", java.util.Map.of("value", true));
            LoginPage login = new LoginPage(browser).open(authorization.url());
            // No script, no QR until asked for: the panel's button posts the form and the page comes back with it.
            assertTrue(browser.findElements(By.id("ordre-expertpass-qr")).isEmpty(), "no QR before it is asked for");
            browser.findElement(By.id("ordre-expertpass-show")).click();
            String url = Expertpass.scanQr(browser);
            assertEquals(200, phone.approve(url, Expertpass.shownCode(browser)).status());
            Expertpass.sleep(500);
            assertTrue(browser.getCurrentUrl().contains("/realms/ordre/"), "no script: the page waits for the button");
            browser.findElement(By.id("ordre-expertpass-continue")).click();
            Expertpass.assertSignedInAs(
                    client, authorization, login.awaitRedirect(env.demoApp().redirectUri()), username);
        } finally {
            browser.quit();
        }
    }

    /**
     * The panel costs nothing until it is used: every login page carries the same slot, with nothing of its attempt
     * in it, no QR and no watch token. The page's browser starts its attempt's one challenge, however often it asks;
     * a request without that browser's cookie, or with another attempt's, gets none.
     */
    @Test
    void theLoginPageMakesNoChallengeUntilItsPanelAsksForOne(TestEnvironment.Env env) {
        FormClient form = new FormClient();
        HttpResponse<String> page = form.get(loginUrl(env));
        assertEquals(200, page.statusCode());
        assertFalse(
                page.body().contains("data-watch=") || page.body().contains("id=\"ordre-expertpass-qr\""),
                "no QR and no challenge on the page");
        assertFalse(page.body().contains("ordre-expertpass-title"), "nor the panel's words: its script brings them");
        // Every login page carries the slot: its size is what the panel costs a page nobody scans from.
        String slot = slot(page);
        assertTrue(slot.length() <= 450, () -> "the slot and its script in " + slot.length() + " characters, not 450");
        FormClient other = new FormClient();
        HttpResponse<String> otherPage = other.get(loginUrl(env));
        assertEquals(slot, slot(otherPage), "the same slot on every page: nothing of the attempt in it");

        HttpExpertpass.Panel first = HttpExpertpass.panel(form, page);
        String api = first.api();
        String tab = HttpExpertpass.tabId(HttpExpertpass.continueAction(page));
        // Without the browser's cookie (a page's tab id is no secret), or with another browser's: no challenge.
        assertGone(HttpExpertpass.post(api + "/browser/start", "{\"tab\":\"" + tab + "\"}"));
        assertGone(HttpExpertpass.start(other, api + "/browser/start", tab));

        HttpExpertpass.Panel again = HttpExpertpass.panel(form, page);
        assertEquals(first.challengeUrl(), again.challengeUrl(), "one challenge per attempt");
        assertEquals(first.watch(), again.watch());
        HttpExpertpass.Panel second = HttpExpertpass.panel(other, otherPage);
        assertFalse(first.challengeUrl().equals(second.challengeUrl()), "each attempt its own");
    }

    private static String loginUrl(TestEnvironment.Env env) {
        return env.demoClient().authorize(env.demoApp().redirectUri()).url();
    }

    /** A login page's panel slot and its script. */
    private static String slot(HttpResponse<String> page) {
        int from = page.body().indexOf("<div id=\"ordre-expertpass-slot\"");
        int to = page.body().indexOf("</script>", page.body().indexOf("/browser/panel.js?", from));
        assertTrue(from > 0 && to > from, "the slot, then its script");
        assertFalse(
                page.body().contains("/js/ordre-expertpass.js"),
                "one script address: the panel's script loads the other");
        return page.body().substring(from, to);
    }

    private static void assertGone(HttpResponse<String> refused) {
        assertEquals(200, refused.statusCode(), refused.body());
        assertEquals("gone", HttpExpertpass.json(refused.body()).get("status").asText());
    }

    /**
     * A background tab may lose its answer: its long-poll throttled, suspended or cut. Here the page's long-poll is
     * held by the browser itself (DevTools request interception) while the tab is hidden and the phone approves;
     * the page can only learn it by asking again when it is shown, which it must do at once.
     */
    @Test
    void aBackgroundTabThatMissedTheAnswerAsksAgainWhenShown(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "memorialiste", true);
        ExpertpassCompanion phone = Expertpass.enrol(env, username, "Android de Camille");
        OidcClient client = env.demoClient();
        OidcClient.Authorization authorization = client.authorize(env.demoApp().redirectUri());
        ChromeDriver browser = (ChromeDriver) Browser.open("fr");
        try {
            browser.executeCdpCommand(
                    "Fetch.enable",
                    Map.of(
                            "patterns",
                            List.of(Map.of("urlPattern", "*/expertpass/v1/browser/wait*", "requestStage", "Request"))));
            LoginPage login = new LoginPage(browser).open(authorization.url());
            String url = Expertpass.scanQr(browser);
            String code = Expertpass.shownCode(browser);
            // From now on long-polls go through; the one the page sent first stays held, unanswered.
            browser.executeCdpCommand(
                    "Fetch.enable",
                    Map.of(
                            "patterns",
                            List.of(Map.of("urlPattern", "*/ordre-matches-nothing/*", "requestStage", "Request"))));
            String loginTab = browser.getWindowHandle();
            // A new tab in front: headless Chromium hides the login tab (visibilitychange, as on a desktop).
            browser.switchTo().newWindow(WindowType.TAB);

            assertEquals(200, phone.approve(url, code).status());
            // Hidden, with its long-poll held, the page cannot know yet: it is still the login page.
            Expertpass.sleep(1500);
            assertFalse(
                    pageUrls(browser).stream()
                            .anyMatch(u -> u.startsWith(env.demoApp().redirectUri())),
                    "the hidden tab did not move: " + pageUrls(browser));

            browser.switchTo().window(loginTab);
            Expertpass.assertSignedInAs(
                    client, authorization, login.awaitRedirect(env.demoApp().redirectUri()), username);
        } finally {
            browser.quit();
        }
    }

    /**
     * The account console ("Signing in") shows the phone under a readable name and help text, in French and in
     * English (the credential type's labels are message keys resolved from our bundles), and removes it.
     */
    @Test
    void theAccountConsoleNamesThePhoneAndRemovesIt(TestEnvironment.Env env) {
        String username = Expertpass.createUser(env, "expert-comptable", true);
        Expertpass.enrol(env, username, "Galaxy de Camille");
        String signingIn = env.keycloak().baseUrl() + "/realms/ordre/account/account-security/signing-in";
        Map<String, String> helpTexts = Map.of(
                "en", "A phone with the Expertpass app: sign in by scanning a QR code.",
                "fr", "Téléphone avec l’application Expertpass : connexion en scannant un QR code.");
        for (String language : List.of("en", "fr")) {
            WebDriver browser = Browser.open(language);
            try {
                new LoginPage(browser).open(signingIn).signIn(username, Expertpass.PASSWORD);
                // The console is a React app: it may replace the elements just read (stale), so read again.
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                wait.ignoring(StaleElementReferenceException.class);
                wait.withMessage(() -> "at " + browser.getCurrentUrl());
                wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Galaxy de Camille"));
                String text = wait.until(d -> d.findElement(By.tagName("body")).getText());
                // French spacing (U+00A0 before ":") read as a plain space.
                assertTrue(
                        text.replace('\u00A0', ' ').replace('\u202F', ' ').contains(helpTexts.get(language)),
                        language + ": the help text, readable, in " + text);
                assertTrue(
                        text.lines().anyMatch(l -> l.strip().equals("Expertpass")),
                        language + ": the title in " + text);
                assertFalse(
                        text.contains("ordreExpertpass") || text.contains("ordre-expertpass") || text.contains("''"),
                        language + ": no raw message key nor MessageFormat quoting in " + text);
                if ("fr".equals(language)) {
                    removeDevice(browser, wait, "Galaxy de Camille");
                    // "Configurer Expertpass" starts the enrolment (application-initiated required action).
                    wait.until(d -> {
                        d.findElement(By.xpath("//button[normalize-space(.)='Configurer Expertpass']"))
                                .click();
                        return true;
                    });
                    new LoginPage(browser).waitFor(By.id("ordre-expertpass-enrol"));
                }
            } finally {
                browser.quit();
            }
        }
        JsonNode credentials =
                env.admin().get(Expertpass.REALM + "/users/" + Expertpass.userId(env, username) + "/credentials");
        for (JsonNode c : credentials) {
            assertNotEquals("ordre-expertpass", c.get("type").asText(), "the phone is removed: " + credentials);
        }
    }

    /** Clicks the row's "Supprimer", confirms on Keycloak's delete-credential page, and waits to be back without it. */
    private static void removeDevice(WebDriver browser, WebDriverWait wait, String deviceName) {
        wait.until(d -> {
            d.findElement(By.xpath("//*[normalize-space(text())='" + deviceName + "']/ancestor::*[.//button][1]"))
                    .findElement(By.xpath(".//button[normalize-space(.)='Supprimer']"))
                    .click();
            return true;
        });
        wait.until(d -> !d.findElements(By.id("kc-accept")).isEmpty());
        assertTrue(
                browser.getPageSource().contains("Voulez-vous supprimer " + deviceName),
                "the confirmation names the phone");
        browser.findElement(By.id("kc-accept")).click();
        wait.until(d -> d.getCurrentUrl().contains("/account/")
                && d.findElement(By.tagName("body")).getText().contains("Configurer Expertpass"));
        assertFalse(
                wait.until(d -> d.findElement(By.tagName("body")).getText()).contains(deviceName),
                "the phone is gone from the list");
    }

    /** The URLs of the browser's tabs, read through DevTools without bringing any to the front. */
    @SuppressWarnings("unchecked")
    private static List<String> pageUrls(ChromeDriver browser) {
        List<Map<String, Object>> targets = (List<Map<String, Object>>)
                browser.executeCdpCommand("Target.getTargets", Map.of()).get("targetInfos");
        return targets.stream()
                .filter(t -> "page".equals(t.get("type")))
                .map(t -> (String) t.get("url"))
                .toList();
    }
}
