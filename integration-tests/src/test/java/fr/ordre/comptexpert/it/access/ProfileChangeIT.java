package fr.ordre.comptexpert.it.access;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ordre.comptexpert.it.support.Axe;
import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.LoginPage;
import fr.ordre.comptexpert.it.support.OidcClient;
import fr.ordre.comptexpert.it.support.RealmEvents;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        ServiceClient bibliordre = ServiceClient.of(env.admin(), env.keycloak().realmUrl(), "bibliordre");
        WebDriver browser = Browser.open("fr");
        try {
            LoginPage login = new LoginPage(browser).open(bibliordre.authorize(null).url());
            login.signIn(student, AccessFixtures.PASSWORD);
            login.waitFor(By.id("ordre-access-denied"));
            browser.findElement(By.id("ordre-access-profile")).click();
            signInIfAsked(browser, student);
            login.waitFor(By.id("ordre-profile-change-form"));

            assertEquals(List.of(), Axe.violations(browser, List.of()), "axe at 1280 px");
            String page = browser.findElement(By.id("ordre-profile-change")).getText().replace('\u00a0', ' ');
            assertTrue(page.contains("Votre profil actuel : Étudiant"), page);
            String enseignant = browser.findElement(By.id("ordre-profile-enseignant")).getText();
            assertTrue(enseignant.contains("Bibliordre") && enseignant.contains("Bibliobaseonline"), "the matrix in words: " + enseignant);
            assertFalse(enseignant.contains("Network"), enseignant);
            assertEquals("TABLEAU_CHECK", browser.findElement(By.id("ordre-profile-expert-comptable")).getAttribute("data-move"));
            assertTrue(browser.findElements(By.id("profile-expert-comptable")).isEmpty(), "no radio for a Tableau profile");
            assertEquals("NOT_SELF_SERVICE", browser.findElement(By.id("ordre-profile-permanent")).getAttribute("data-move"));

            // A forged choice of a Tableau profile is refused, and nothing changes.
            ((JavascriptExecutor) browser).executeScript(
                    "var r=document.getElementById('profile-enseignant'); r.value='expert-comptable'; r.checked=true;");
            browser.findElement(By.id("ordre-profile-change-submit")).click();
            login.waitFor(By.id("ordre-profile-change-form"));
            assertTrue(browser.getPageSource().contains("Ce profil ne peut pas être choisi ici"), "a translated refusal");
            assertEquals("etudiant", attribute(env, userId, "ordreProfile"));
            RealmEvents.await(env, "UPDATE_PROFILE_ERROR", userId, "ordre_profile_not_open");

            browser.findElement(By.id("profile-enseignant")).click();
            browser.findElement(By.id("ordre-profile-change-submit")).click();
            login.awaitRedirect(env.keycloak().realmUrl() + "/account/");
        } finally {
            browser.quit();
        }
        assertEquals("enseignant", attribute(env, userId, "ordreProfile"));
        JsonNode groups = env.admin().get("/admin/realms/ordre/users/" + userId + "/groups");
        assertEquals(1, groups.size(), "one profile group: " + groups);
        assertEquals("/profils/enseignant", groups.get(0).get("path").asText());
        RealmEvents.await(env, "UPDATE_PROFILE", userId, null);

        // Access and claims follow at the next sign-in.
        assertEquals("enseignant", signInClaims(env, bibliordre, student).get("ordre_profile").asText());
    }

    @Test
    void anExpertComptableLeavingTheProfessionMovesToAutreAndFreesTheEntry(TestEnvironment.Env env) {
        String member = AccessFixtures.createUser(env.admin(), "change", "honoraire", "PAC-100099", "Provence-Alpes-Côte d'Azur", "fr");
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
                d.findElement(By.xpath("//a[contains(normalize-space(.), 'Changer de profil Comptexpert')]")).click();
                return true;
            });
            console.until(d -> d.getWindowHandles().size() > 1);
            browser.getWindowHandles().stream().filter(h -> !h.equals(consoleWindow)).findFirst()
                    .ifPresent(h -> browser.switchTo().window(h));
            signInIfAsked(browser, member);
            login.waitFor(By.id("ordre-profile-change-form"));
            assertEquals(List.of(), Axe.violations(browser, List.of()), "axe at 375 px");
            browser.findElement(By.id("profile-autre")).click();
            browser.findElement(By.id("ordre-profile-change-submit")).click();
            login.waitFor(By.id("ordre-profile-change-form"));
            assertTrue(browser.getPageSource().contains("Précisez votre situation pour"), "Autre profil needs its detail");
            browser.findElement(By.id("profile-autre")).click();
            browser.findElement(By.id("detail")).sendKeys("Consultant indépendant");
            browser.findElement(By.id("ordre-profile-change-submit")).click();
            login.awaitRedirect(env.keycloak().realmUrl() + "/account/");
        } finally {
            browser.quit();
        }
        JsonNode user = env.admin().get("/admin/realms/ordre/users/" + userId);
        assertEquals("autre", user.get("attributes").get("ordreProfile").get(0).asText());
        assertEquals("Consultant indépendant", user.get("attributes").get("ordreProfileDetail").get(0).asText());
        assertFalse(user.get("attributes").has("ordreNumero"), "the Tableau entry is let go: " + user);
        assertFalse(user.get("attributes").has("birthDate"), "no birth date kept for an open profile");
        JsonNode events = RealmEvents.of(env, "UPDATE_PROFILE", userId);
        assertEquals("PAC-100099", events.get(0).get("details").get("ordre_numero_released").asText(), events.toString());

        ServiceClient revue = ServiceClient.of(env.admin(), env.keycloak().realmUrl(), "revue-francaise-comptabilite");
        JsonNode claims = signInClaims(env, revue, member);
        assertEquals("autre", claims.get("ordre_profile").asText());
        assertFalse(claims.has("ordre_numero"), "no numéro claim any more: " + claims);
    }

    /** The id token's claims after a fresh browser sign-in to the service. */
    private static JsonNode signInClaims(TestEnvironment.Env env, ServiceClient service, String username) {
        WebDriver browser = Browser.open("fr");
        try {
            var authorization = service.authorize(null);
            LoginPage login = new LoginPage(browser).open(authorization.url());
            login.signIn(username, AccessFixtures.PASSWORD);
            String callback = login.awaitRedirect(ServiceClient.redirectUri());
            HttpResponse<String> tokens = service.exchange(authorization, callback);
            assertEquals(200, tokens.statusCode(), tokens.body());
            return OidcClient.claims(ServiceClient.json(tokens.body()).get("id_token").asText());
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
        return env.admin().get("/admin/realms/ordre/users/" + userId).get("attributes").get(name).get(0).asText();
    }
}
