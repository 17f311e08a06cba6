package fr.ordre.comptexpert.it.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.ordre.comptexpert.companion.ExpertpassCompanion;
import fr.ordre.comptexpert.companion.QrCodes;
import fr.ordre.comptexpert.it.support.Axe;
import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.LoginPage;
import fr.ordre.comptexpert.it.support.MailServer;
import fr.ordre.comptexpert.it.support.QrScreen;
import fr.ordre.comptexpert.it.support.RegistrationPages;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page a person of the realm sees, reached the way a person reaches it (real server, real SMTP,
 * real links), and on each: axe-core in Chromium (no serious or critical violation) and screenshots at
 * 375×812 and 1280×900 into target/screenshots/ (no horizontal scroll on the phone). The emails met on the
 * way are checked by {@link Emails}. One browser for the class; each test starts without cookies.
 */
@ExtendWith(TestEnvironment.class)
class ThemePagesIT {

    /** Keycloak's markup we cannot change and our theme cannot fix: none needed so far. */
    static final List<Axe.Exception> EXCEPTIONS = List.of();

    private static WebDriver browser;
    private final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open("fr");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void noCookies() {
        ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** axe at 375 and 1280 px, and screenshots, on the page now shown; problems are collected so one run reports them all. */
    private void check(String name) {
        problems.addAll(untiedErrors().stream()
                .map(e -> name + ": error message not tied to a field: " + e)
                .toList());
        problems.addAll(Axe.atBothWidths(browser, name, EXCEPTIONS));
    }

    /** Field errors (id input-error-<field>) that no field names in its aria-describedby. */
    @SuppressWarnings("unchecked")
    private static List<String> untiedErrors() {
        return (List<String>) ((JavascriptExecutor) browser)
                .executeScript("var untied = [];"
                        + "document.querySelectorAll('[id^=\"input-error-\"]:not([id^=\"input-error-container-\"])').forEach(function (e) {"
                        + "  var tied = Array.from(document.querySelectorAll('[aria-describedby]')).some(function (f) {"
                        + "    return f.getAttribute('aria-describedby').split(/\\s+/).indexOf(e.id) >= 0; });"
                        + "  if (!tied) { untied.push(e.id + ' \"' + e.textContent.trim() + '\"'); } });"
                        + "return untied;");
    }

    private void assertNoProblems() {
        assertEquals(List.of(), problems, "accessibility or layout problems:\n" + String.join("\n", problems));
    }

    private static void await(By locator) {
        new RegistrationPages(browser).await(locator);
    }

    private static String pageId() {
        return browser.findElement(By.tagName("body")).getAttribute("data-page-id");
    }

    @Test
    void signInWithTheExpertpassPanelItsErrorsTheLanguageSwitcherAndTheHelpPage(TestEnvironment.Env env) {
        String url = env.demoClient().authorize(env.demoApp().redirectUri()).url();
        new LoginPage(browser).open(url);
        QrScreen.awaitShown(browser);
        assertEquals("fr", browser.findElement(By.tagName("html")).getAttribute("lang"));
        check("signin-fr");

        new LoginPage(browser).signIn("marie.lefevre", "pas-le-bon-mot-de-passe");
        await(By.id("input-error-username"));
        check("signin-error-fr");

        browser.findElement(By.id("ordre-help-link")).click();
        await(By.id("ordre-help"));
        check("help-fr");

        // The language switcher: a labelled <select> whose options are links.
        new LoginPage(browser).open(url);
        Select languages = new Select(browser.findElement(By.id("login-select-toggle")));
        languages.getOptions().stream()
                .filter(o -> o.getAttribute("value").contains("kc_locale=en"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no English in the language switcher"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertTrue(browser.getPageSource().contains("Sign in with Expertpass"));
        check("signin-en");

        browser.findElement(By.id("ordre-help-link")).click();
        await(By.id("ordre-help"));
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"), "the chosen language stays");
        check("help-en");
        assertNoProblems();
    }

    @Test
    void everyRegistrationStepThePasswordPageFromTheEmailAndTheUsedLinkError(TestEnvironment.Env env) {
        String suffix = Users.suffix();
        String email = "alix." + suffix + "@a11y.example";
        RegistrationPages pages = new RegistrationPages(browser);
        pages.openFromLogin(
                env.demoClient().authorize(env.demoApp().redirectUri()).url());
        check("register-profile");

        pages.next();
        assertEquals("PROFILE", pages.step());
        check("register-profile-errors");

        pages.identity("expert-comptable", "Introuvable", "Personne", "01/01/1980", email);
        assertEquals("IDENTIFIANT", pages.step(), "found or not, a Tableau profile goes on to the identifiant");

        browser.findElement(By.id("ordre-register-restart")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> "PROFILE".equals(pages.step()));
        pages.identity("etudiant", "Accessible", "Alix", "05/05/2000", email);
        assertEquals("IDENTIFIANT", pages.step());
        check("register-identifiant");

        pages.identifiant("alix." + suffix);
        assertEquals("SENT", pages.step());
        check("register-sent");

        MailServer.Mail mail = env.mail().await(email, 1, Duration.ofSeconds(30));
        problems.addAll(Emails.check(env, browser, mail, "email-set-password"));
        String link = mail.link(MailServer.ACTION_LINK);

        browser.get(link);
        await(By.id("password-new"));
        assertEquals("login-ordre-password", pageId());
        check("set-password");
        pages.setPassword("Accessible-Test-2026!");
        new LoginPage(browser).awaitRedirect(env.demoApp().redirectUri());

        // The same link again: Keycloak's error page, in our layout.
        ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
        browser.get(link);
        await(By.id("kc-page-title"));
        assertTrue(browser.findElements(By.id("password-new")).isEmpty());
        check("error-link-used");
        assertNoProblems();
    }

    @Test
    void forgotFormSentPageAndTheResetEmail(TestEnvironment.Env env) {
        String username = Users.create(env, "oubli", "etudiant", "fr", List.of());
        browser.get(env.demoClient().authorize(env.demoApp().redirectUri()).url());
        browser.findElement(By.linkText("Identifiant ou mot de passe oublié")).click();
        await(By.id("ordre-forgot-form"));
        check("forgot");

        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("ordre-forgot-submit")).click();
        await(By.id("ordre-forgot-sent"));
        check("forgot-sent");

        MailServer.Mail mail = env.mail().await(Users.email(username), 1, Duration.ofSeconds(30));
        problems.addAll(Emails.check(env, browser, mail, "email-reset"));
        assertNoProblems();
    }

    @Test
    void expertpassEnrolmentItsDeviceEmailAndTheIneligiblePage(TestEnvironment.Env env) {
        String username = Users.create(env, "enrol", "expert-comptable", "fr", List.of("ordre-expertpass-enrol"));
        LoginPage login = new LoginPage(browser)
                .open(env.demoClient().authorize(env.demoApp().redirectUri()).url());
        login.signIn(username, Users.PASSWORD);
        login.waitFor(By.id("ordre-expertpass-enrol"));
        check("expertpass-enrol");

        for (WebElement qr : browser.findElements(By.id("ordre-expertpass-qr"))) {
            new Actions(browser).scrollToElement(qr).perform();
        }
        String enrolUrl = QrCodes.decode(((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        ExpertpassCompanion.Enrolment enrolment = ExpertpassCompanion.enrol(enrolUrl, "Téléphone de test");
        assertEquals(202, enrolment.result().status(), enrolment.result().toString());
        login.waitFor(By.id("ordre-expertpass-confirm-question"));
        check("expertpass-enrol-confirm");
        browser.findElement(By.id("ordre-expertpass-confirm-yes")).click();
        login.awaitRedirect(env.demoApp().redirectUri());
        assertEquals(
                "done",
                enrolment.awaitConfirmation(Duration.ofSeconds(20)).result().field("status"));
        MailServer.Mail mail = env.mail().await(Users.email(username), 1, Duration.ofSeconds(30));
        problems.addAll(Emails.check(env, browser, mail, "email-expertpass-device"));

        ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
        String student = Users.create(env, "inelig", "etudiant", "fr", List.of("ordre-expertpass-enrol"));
        login.open(env.demoClient().authorize(env.demoApp().redirectUri()).url());
        login.signIn(student, Users.PASSWORD);
        login.waitFor(By.id("ordre-expertpass-ineligible"));
        check("expertpass-ineligible");
        assertNoProblems();
    }

    @Test
    void accessRefusedInFrenchAndEnglish(TestEnvironment.Env env) {
        String student = Users.create(env, "refus", "etudiant", "fr", List.of());
        LoginPage login = new LoginPage(browser).open(Users.serviceAuthorization(env, "experts-comptables-fr", null));
        login.signIn(student, Users.PASSWORD);
        login.waitFor(By.id("ordre-access-denied"));
        check("access-refused-fr");

        ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
        String other = Users.create(env, "refus", "autre", "en", List.of());
        login.open(Users.serviceAuthorization(env, "bibliordre", "en"));
        login.signIn(other, Users.PASSWORD);
        login.waitFor(By.id("ordre-access-denied"));
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        check("access-refused-en");
        assertNoProblems();
    }

    @Test
    void infoPagesOfAnAdminActionsEmailAndTheVerifyEmail(TestEnvironment.Env env) {
        String username = Users.create(env, "actions", "enseignant", "fr", List.of());
        String id = env.admin().userByUsername("ordre", username).get("id").asText();
        assertEquals(
                204,
                env.admin()
                        .put("/admin/realms/ordre/users/" + id + "/execute-actions-email", List.of("UPDATE_PASSWORD"))
                        .statusCode());
        MailServer.Mail actions = env.mail().await(Users.email(username), 1, Duration.ofSeconds(30));
        problems.addAll(Emails.check(env, browser, actions, "email-execute-actions"));

        browser.get(actions.link("action-token"));
        await(By.id("kc-page-title"));
        assertEquals("login-info", pageId());
        check("info-actions");
        browser.findElement(By.cssSelector("#kc-info-message a")).click();
        new RegistrationPages(browser).setPassword("Actions-Test-2026!x");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "login-info".equals(pageId()));
        check("info-updated");

        ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
        assertEquals(
                204,
                env.admin()
                        .put("/admin/realms/ordre/users/" + id + "/send-verify-email", Map.of())
                        .statusCode());
        MailServer.Mail verify = env.mail().await(Users.email(username), 2, Duration.ofSeconds(30));
        problems.addAll(Emails.check(env, browser, verify, "email-verify"));
        browser.get(verify.link("action-token"));
        await(By.id("kc-page-title"));
        check("verify-email-" + pageId().replace("login-", ""));
        assertNoProblems();
    }
}
