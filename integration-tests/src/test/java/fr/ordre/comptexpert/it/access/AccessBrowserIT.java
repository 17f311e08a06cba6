package fr.ordre.comptexpert.it.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.LoginPage;
import fr.ordre.comptexpert.it.support.OidcClient;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** In a real browser: the refusal page in French and English, and one SSO session moving between services. */
@ExtendWith(TestEnvironment.class)
class AccessBrowserIT {

    @Test
    void aStudentIsToldInFrenchWhichProfilesTheMembersSpaceIsFor(TestEnvironment.Env env) {
        String student = AccessFixtures.createUser(env.admin(), "browser", "etudiant", "fr");
        OidcClient client = ServiceClient.of(env.admin(), env.keycloak().realmUrl(), "experts-comptables-fr");
        WebDriver browser = Browser.open("fr", 375, 812);
        try {
            LoginPage login = new LoginPage(browser)
                    .open(client.authorize(ServiceClient.REDIRECT_URI).url());
            login.signIn(student, AccessFixtures.PASSWORD);
            login.waitFor(By.id("ordre-access-denied"));
            assertEquals("fr", browser.findElement(By.tagName("html")).getAttribute("lang"));
            String text = browser.findElement(By.id("ordre-access-denied")).getText();
            assertTrue(text.contains("Votre profil Comptexpert ne donne pas accès à experts-comptables.fr"), text);
            assertTrue(text.replace('\u00A0', ' ').contains("Votre profil actuel : Étudiant"), text);
            String allowed = browser.findElement(By.id("ordre-access-allowed")).getText();
            for (String label : new String[] {
                "Expert-comptable",
                "Expert-comptable stagiaire",
                "Mémorialiste",
                "Expert-comptable en entreprise",
                "Salarié d'AGC (art. 83 ter)",
                "Expert-comptable honoraire",
                "Membre ECE",
                "Permanent de l'Ordre"
            }) {
                assertTrue(allowed.contains(label), label + " missing from " + allowed);
            }
            assertFalse(allowed.contains("Étudiant"), allowed);
            assertTrue(text.contains("changer de profil en ligne"), text);
            assertTrue(browser.findElement(By.id("ordre-access-profile"))
                    .getAttribute("href")
                    .endsWith("/comptexpert/profil"));
            assertTrue(browser.findElement(By.id("ordre-access-help"))
                    .getAttribute("href")
                    .endsWith("/comptexpert/aide"));
            assertFalse(browser.getCurrentUrl().startsWith(ServiceClient.REDIRECT_URI));
        } finally {
            browser.quit();
        }
        // The same page answers 403 (status is not visible to WebDriver: checked over HTTP).
        OidcClient.Authorization authorization = client.authorize(ServiceClient.REDIRECT_URI);
        FormSignIn.Outcome outcome = new FormSignIn("fr")
                .signIn(authorization.url(), authorization.redirectUri(), student, AccessFixtures.PASSWORD);
        assertEquals(403, outcome.status());
    }

    @Test
    void anotherProfileIsToldInEnglish(TestEnvironment.Env env) {
        String other = AccessFixtures.createUser(env.admin(), "browser", "autre", "en");
        OidcClient client = ServiceClient.of(env.admin(), env.keycloak().realmUrl(), "bibliordre");
        WebDriver browser = Browser.open("en");
        try {
            LoginPage login = new LoginPage(browser)
                    .open(client.authorize(ServiceClient.REDIRECT_URI, "en").url());
            login.signIn(other, AccessFixtures.PASSWORD);
            login.waitFor(By.id("ordre-access-denied"));
            assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
            String text = browser.findElement(By.id("ordre-access-denied")).getText();
            assertTrue(text.contains("Your Comptexpert profile does not give access to Bibliordre"), text);
            assertTrue(text.contains("Your current profile: Other profile"), text);
            String allowed = browser.findElement(By.id("ordre-access-allowed")).getText();
            assertTrue(allowed.contains("Chartered accountant (expert-comptable)"), allowed);
            assertTrue(allowed.contains("Teacher"), allowed);
            assertFalse(allowed.contains("Student"), allowed);
            assertTrue(text.contains("you can change your profile online"), text);
        } finally {
            browser.quit();
        }
    }

    @Test
    void oneSignInMovesToServicesItMayEnterAndIsStoppedAtOneItMayNot(TestEnvironment.Env env) {
        String student = AccessFixtures.createUser(env.admin(), "sso", "etudiant", "fr");
        OidcClient revue = ServiceClient.of(env.admin(), env.keycloak().realmUrl(), "revue-francaise-comptabilite");
        OidcClient biblio = ServiceClient.of(env.admin(), env.keycloak().realmUrl(), "bibliobaseonline");
        OidcClient network = ServiceClient.of(env.admin(), env.keycloak().realmUrl(), "network-experts-comptables");
        WebDriver browser = Browser.open("fr");
        try {
            String callback = env.demoApp().redirectUri();
            OidcClient.Authorization first = revue.authorize(callback);
            LoginPage login = new LoginPage(browser).open(first.url());
            login.signIn(student, AccessFixtures.PASSWORD);
            HttpResponse<String> tokens = revue.redeem(first, login.awaitRedirect(callback));
            assertEquals(200, tokens.statusCode(), tokens.body());

            // Same browser, SSO cookie: no login form, straight to the service...
            OidcClient.Authorization second = biblio.authorize(callback);
            browser.get(second.url());
            assertEquals(
                    200, biblio.redeem(second, login.awaitRedirect(callback)).statusCode());

            // ...but not into one closed to students.
            browser.get(network.authorize(ServiceClient.REDIRECT_URI).url());
            login.waitFor(By.id("ordre-access-denied"));
            assertTrue(
                    browser.findElements(By.id("kc-form-login")).isEmpty(),
                    "no password asked: the SSO session was used");
            assertTrue(
                    browser.findElement(By.id("ordre-access-denied")).getText().contains("Network Experts-comptables"));
        } finally {
            browser.quit();
        }
    }
}
