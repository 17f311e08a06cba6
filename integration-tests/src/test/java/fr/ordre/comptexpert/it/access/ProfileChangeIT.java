package fr.ordre.comptexpert.it.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ordre.comptexpert.it.support.AdminApi;
import fr.ordre.comptexpert.it.support.Axe;
import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.LoginPage;
import fr.ordre.comptexpert.it.support.MailServer;
import fr.ordre.comptexpert.it.support.OidcClient;
import fr.ordre.comptexpert.it.support.RealmEvents;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "Changer de profil": from the refusal page, a member reads what each profile opens and moves to an open
 * profile at once; access and claims follow at the next sign-in. A Tableau profile is not chosen here.
 */
@ExtendWith(TestEnvironment.class)
class ProfileChangeIT {

    @Test
    void aStudentRefusedByBibliordreBecomesEnseignantAndGetsIn(TestEnvironment.Env env) {
        String student = AccessFixtures.createUser(env.admin(), "change", "etudiant", "fr");
        String userId = AccessFixtures.userId(env.admin(), student);
        OidcClient bibliordre = ServiceClient.of(env.admin(), env.keycloak().realmUrl(), "bibliordre");
        WebDriver browser = Browser.open("fr");
        try {
            LoginPage login = new LoginPage(browser)
                    .open(bibliordre.authorize(ServiceClient.REDIRECT_URI).url());
            login.signIn(student, AccessFixtures.PASSWORD);
            login.waitFor(By.id("ordre-access-denied"));
            browser.findElement(By.id("ordre-access-profile")).click();
            signInIfAsked(browser, student);
            login.waitFor(By.id("ordre-profile-change-form"));

            assertEquals(List.of(), Axe.violations(browser, List.of()), "axe at 1280 px");
            String page =
                    browser.findElement(By.id("ordre-profile-change")).getText().replace('\u00a0', ' ');
            assertTrue(page.contains("Votre profil actuel : Étudiant"), page);
            String enseignant =
                    browser.findElement(By.id("ordre-profile-enseignant")).getText();
            assertTrue(
                    enseignant.contains("Bibliordre") && enseignant.contains("Bibliobaseonline"),
                    "the matrix in words: " + enseignant);
            assertFalse(enseignant.contains("Network"), enseignant);
            String expert =
                    browser.findElement(By.id("ordre-profile-expert-comptable")).getText();
            assertTrue(
                    expert.contains("le Network Experts-comptables, la Revue Française de Comptabilité"),
                    "service names with their article in French: " + expert);
            assertEquals(
                    "TABLEAU_CLAIM",
                    browser.findElement(By.id("ordre-profile-expert-comptable")).getAttribute("data-move"));
            assertEquals(
                    "NOT_SELF_SERVICE",
                    browser.findElement(By.id("ordre-profile-permanent")).getAttribute("data-move"));
            assertTrue(
                    browser.findElements(By.id("profile-permanent")).isEmpty(),
                    "no radio for a profile the Ordre gives");

            // A forged choice of a profile the Ordre gives is refused, and nothing changes.
            ((JavascriptExecutor) browser)
                    .executeScript(
                            "var r=document.getElementById('profile-enseignant'); r.value='permanent'; r.checked=true;");
            browser.findElement(By.id("ordre-profile-change-submit")).click();
            login.waitFor(By.id("ordre-profile-change-form"));
            assertTrue(
                    browser.getPageSource().contains("Ce profil ne peut pas être choisi ici"), "a translated refusal");
            assertEquals("etudiant", attribute(env, userId, "ordreProfile"));
            RealmEvents.await(env, "UPDATE_PROFILE_ERROR", userId, "ordre_profile_not_open");

            browser.findElement(By.id("profile-enseignant")).click();
            browser.findElement(By.id("ordre-profile-change-submit")).click();
            backInConsole(env, browser);
        } finally {
            browser.quit();
        }
        assertEquals("enseignant", attribute(env, userId, "ordreProfile"));
        JsonNode groups = env.admin().get("/admin/realms/ordre/users/" + userId + "/groups");
        assertEquals(1, groups.size(), "one profile group: " + groups);
        assertEquals("/profils/enseignant", groups.get(0).get("path").asText());
        RealmEvents.await(env, "UPDATE_PROFILE", userId, null);

        // Access and claims follow at the next sign-in.
        assertEquals(
                "enseignant",
                signInClaims(env, bibliordre, student).get("ordre_profile").asText());
    }

    @Test
    void anExpertComptableLeavingTheProfessionMovesToAutreAndFreesTheEntry(TestEnvironment.Env env) {
        String member = AccessFixtures.createUser(
                env.admin(), "change", "honoraire", "PAC-100099", "Provence-Alpes-Côte d'Azur", "fr");
        String userId = AccessFixtures.userId(env.admin(), member);
        WebDriver browser = Browser.open("fr", 375, 812);
        try {
            // From the account console: "Changer de profil Comptexpert" is listed under Applications.
            LoginPage login = new LoginPage(browser).open(env.keycloak().realmUrl() + "/account/applications");
            login.signIn(member, AccessFixtures.PASSWORD);
            WebDriverWait console = new WebDriverWait(browser, Duration.ofSeconds(30));
            console.ignoring(StaleElementReferenceException.class);
            // The console opens the application's URL in a new window (window.open, no href).
            String consoleWindow = browser.getWindowHandle();
            console.until(d -> {
                d.findElement(By.xpath("//a[contains(normalize-space(.), 'Changer de profil Comptexpert')]"))
                        .click();
                return true;
            });
            console.until(d -> d.getWindowHandles().size() > 1);
            browser.getWindowHandles().stream()
                    .filter(h -> !h.equals(consoleWindow))
                    .findFirst()
                    .ifPresent(h -> browser.switchTo().window(h));
            signInIfAsked(browser, member);
            login.waitFor(By.id("ordre-profile-change-form"));
            assertEquals(List.of(), Axe.violations(browser, List.of()), "axe at 375 px");
            browser.findElement(By.id("profile-autre")).click();
            browser.findElement(By.id("ordre-profile-change-submit")).click();
            login.waitFor(By.id("ordre-profile-change-form"));
            assertTrue(
                    browser.getPageSource().contains("Précisez votre situation pour"), "Autre profil needs its detail");
            browser.findElement(By.id("profile-autre")).click();
            browser.findElement(By.id("detail")).sendKeys("Consultant indépendant");
            browser.findElement(By.id("ordre-profile-change-submit")).click();
            backInConsole(env, browser);
        } finally {
            browser.quit();
        }
        JsonNode user = env.admin().get("/admin/realms/ordre/users/" + userId);
        assertEquals("autre", user.get("attributes").get("ordreProfile").get(0).asText());
        assertEquals(
                "Consultant indépendant",
                user.get("attributes").get("ordreProfileDetail").get(0).asText());
        assertFalse(user.get("attributes").has("ordreNumero"), "the Tableau entry is let go: " + user);
        assertFalse(user.get("attributes").has("birthDate"), "no birth date kept for an open profile");
        JsonNode events = RealmEvents.of(env, "UPDATE_PROFILE", userId);
        assertEquals(
                "PAC-100099",
                events.get(0).get("details").get("ordre_numero_released").asText(),
                events.toString());

        OidcClient revue = ServiceClient.of(env.admin(), env.keycloak().realmUrl(), "revue-francaise-comptabilite");
        JsonNode claims = signInClaims(env, revue, member);
        assertEquals("autre", claims.get("ordre_profile").asText());
        assertFalse(claims.has("ordre_numero"), "no numéro claim any more: " + claims);
    }

    /**
     * A student who became expert-comptable claims the entry online. The attack first: someone who knows the
     * member's nom but guesses the date sees exactly what the member sees with the right one, and no mail goes
     * out; with the right date, the account is pending until the address on file confirms it (the link opened in
     * a fresh browser); an account whose verified address is the one on file is confirmed at once.
     */
    @Test
    void aStudentBecomesExpertComptableOnlineWithTheSameAnswerForAWrongDate(TestEnvironment.Env env) {
        String onFile = "jean.vigier@cabinet-demo.fr";
        // Both accounts are "Jean": the register is matched on the account's prénom with the typed nom and date.
        String guesser = AccessFixtures.createUser(env.admin(), "claim", "etudiant", "fr");
        String member = AccessFixtures.createUser(env.admin(), "claim", "etudiant", "fr");
        update(env, guesser, "Jean", null);
        update(env, member, "Jean", null);
        String guessed = claim(env, guesser, "Vigier", "03/09/1971");
        String rightDate = claim(env, member, "Vigier", "03/09/1970");
        assertEquals(guessed, rightDate, "the same page whether the date is right or not");
        assertTrue(rightDate.contains("en attente de la confirmation de votre inscription au Tableau"), rightDate);

        JsonNode guesserUser = user(env, guesser);
        assertEquals(
                "expert-comptable",
                guesserUser.get("attributes").get("ordreProfile").get(0).asText());
        assertEquals(
                "pending",
                guesserUser.get("attributes").get("ordreTableauBinding").get(0).asText());
        assertFalse(guesserUser.get("attributes").has("ordreNumero"), guesserUser.toString());
        assertFalse(
                guesserUser.get("attributes").has("ordreTableauClaim"), "a wrong date claims nothing: " + guesserUser);
        JsonNode memberUser = user(env, member);
        assertFalse(memberUser.get("attributes").has("ordreNumero"), "no right before the proof: " + memberUser);
        assertEquals(
                "AUV-685497",
                memberUser.get("attributes").get("ordreTableauClaim").get(0).asText());
        JsonNode event = RealmEvents.of(
                        env, "UPDATE_PROFILE", memberUser.get("id").asText())
                .get(0);
        assertEquals("pending_email", event.get("details").get("ordre_tableau").asText(), event.toString());

        // One mail, to the address on file, for the right date only; its link, in another browser, binds the entry.
        var mail = env.mail().await(onFile, 1, Duration.ofSeconds(30));
        assertTrue(mail.text().contains(member), "the mail names the account to confirm: " + mail.text());
        WebDriver other = Browser.open("fr");
        try {
            other.get(mail.link(MailServer.ACTION_LINK));
            new WebDriverWait(other, Duration.ofSeconds(20))
                    .withMessage(() -> other.findElement(By.tagName("body")).getText())
                    .until(d -> d.getPageSource().contains("est confirmée"));
        } finally {
            other.quit();
        }
        memberUser = user(env, member);
        assertEquals(
                "AUV-685497",
                memberUser.get("attributes").get("ordreNumero").get(0).asText(),
                memberUser.toString());
        assertEquals(1, env.mail().to(onFile).size(), "nothing was sent for the guessed date");

        // The account's verified address is the one on file: confirmed at once.
        String holder = AccessFixtures.createUser(env.admin(), "claim", "etudiant", "fr");
        update(env, holder, "Joël", "joel.lallement@cabinet-demo.fr");
        String confirmed = claim(env, holder, "Lallement", "27/06/1989");
        assertTrue(confirmed.contains("Votre inscription au Tableau est confirmée"), confirmed);
        assertEquals(
                "CHA-436338",
                user(env, holder).get("attributes").get("ordreNumero").get(0).asText());
    }

    /** Signs in, opens "Changer de profil", claims expert-comptable; the page's text after the claim. */
    private static String claim(TestEnvironment.Env env, String username, String nom, String birthDate) {
        OidcClient bibliordre = ServiceClient.of(env.admin(), env.keycloak().realmUrl(), "bibliordre");
        WebDriver browser = Browser.open("fr");
        try {
            LoginPage login = new LoginPage(browser)
                    .open(bibliordre.authorize(ServiceClient.REDIRECT_URI).url());
            login.signIn(username, AccessFixtures.PASSWORD);
            login.waitFor(By.id("ordre-access-denied"));
            browser.findElement(By.id("ordre-access-profile")).click();
            signInIfAsked(browser, username);
            login.waitFor(By.id("ordre-profile-change-form"));
            browser.findElement(By.id("profile-expert-comptable")).click();
            browser.findElement(By.id("lastName")).clear();
            browser.findElement(By.id("lastName")).sendKeys(nom);
            browser.findElement(By.id("birthDate")).sendKeys(birthDate);
            browser.findElement(By.id("ordre-profile-change-submit")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .withMessage(() -> "no notice after the claim; at " + browser.getCurrentUrl() + ":\n"
                            + browser.findElement(By.id("ordre-notice")).getAttribute("outerHTML") + "\n"
                            + browser.getPageSource()
                                    .substring(
                                            0,
                                            Math.min(
                                                    6000,
                                                    browser.getPageSource().length())))
                    .until(d -> !d.findElements(By.id("ordre-profile-change-continue"))
                            .isEmpty());
            assertEquals(List.of(), Axe.violations(browser, List.of()), "axe after a claim");
            String notice = browser.findElement(By.id("ordre-notice"))
                    .getText()
                    .replace('\u00a0', ' ')
                    .replace('\u202f', ' ');
            assertEquals("success", browser.findElement(By.id("ordre-notice")).getAttribute("data-kind"));
            browser.findElement(By.id("ordre-profile-change-continue")).click();
            backInConsole(env, browser);
            return notice;
        } finally {
            browser.quit();
        }
    }

    /**
     * The action ends back in the account console: its address, or, once the console's script has taken the
     * answer, the console's own sign-in round trip that carries it (kc_action_status=success, URL-encoded).
     */
    private static void backInConsole(TestEnvironment.Env env, WebDriver browser) {
        String console = env.keycloak().realmUrl() + "/account/";
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .withMessage(() -> "not back in the console: " + browser.getCurrentUrl())
                .until(d -> d.getCurrentUrl().startsWith(console)
                        || d.getCurrentUrl().contains("kc_action_status%3Dsuccess"));
    }

    /** Sets the account's prénom and, when given, a verified email address. */
    private static void update(TestEnvironment.Env env, String username, String firstName, String email) {
        com.fasterxml.jackson.databind.node.ObjectNode user =
                (com.fasterxml.jackson.databind.node.ObjectNode) user(env, username);
        user.put("firstName", firstName);
        if (email != null) {
            user.put("email", email).put("emailVerified", true);
        }
        assertEquals(
                204,
                env.admin()
                        .put("/admin/realms/ordre/users/" + user.get("id").asText(), user)
                        .statusCode());
    }

    private static JsonNode user(TestEnvironment.Env env, String username) {
        return env.admin().get("/admin/realms/ordre/users/" + AccessFixtures.userId(env.admin(), username));
    }

    /** The id token's claims after a fresh browser sign-in to the service. */
    private static JsonNode signInClaims(TestEnvironment.Env env, OidcClient service, String username) {
        WebDriver browser = Browser.open("fr");
        try {
            var authorization = service.authorize(ServiceClient.REDIRECT_URI);
            LoginPage login = new LoginPage(browser).open(authorization.url());
            login.signIn(username, AccessFixtures.PASSWORD);
            String callback = login.awaitRedirect(ServiceClient.REDIRECT_URI);
            HttpResponse<String> tokens = service.redeem(authorization, callback);
            assertEquals(200, tokens.statusCode(), tokens.body());
            return OidcClient.claims(
                    AdminApi.read(tokens.body()).get("id_token").asText());
        } finally {
            browser.quit();
        }
    }

    private static void signInIfAsked(WebDriver browser, String username) {
        LoginPage login = new LoginPage(browser);
        login.waitFor(By.cssSelector("#kc-form-login, #ordre-profile-change-form"));
        if (!browser.findElements(By.id("kc-form-login")).isEmpty()) {
            login.signIn(username, AccessFixtures.PASSWORD);
        }
    }

    private static String attribute(TestEnvironment.Env env, String userId, String name) {
        return env.admin()
                .get("/admin/realms/ordre/users/" + userId)
                .get("attributes")
                .get(name)
                .get(0)
                .asText();
    }
}
