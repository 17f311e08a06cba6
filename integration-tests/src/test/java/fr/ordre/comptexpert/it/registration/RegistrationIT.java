package fr.ordre.comptexpert.it.registration;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.LoginPage;
import fr.ordre.comptexpert.it.support.MailServer;
import fr.ordre.comptexpert.it.support.OidcClient;
import fr.ordre.comptexpert.it.support.RegistrationPages;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registration paths, in a real browser, against the real server and real SMTP. */
@ExtendWith(TestEnvironment.class)
class RegistrationIT {

    static final String PASSWORD = "Bilan-Comptable-2026!";

    private WebDriver browser;
    private RegistrationPages pages;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open("fr");
        pages = new RegistrationPages(browser);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void tableauMemberFoundByNameWithAccentsTypedDifferentlyCreatesThePasswordFromTheEmailAndIsSignedIn(TestEnvironment.Env env) {
        OidcClient client = env.demoClient();
        OidcClient.Authorization authorization = client.authorize(env.demoApp().redirectUri());
        pages.openFromLogin(authorization.url());
        assertTrue(pages.pageText().contains("Autre profil"), "the page tells collaborateurs de cabinet to take Autre profil");

        // Registered as "d'Almeida", João: typed without apostrophe, accent or case.
        pages.identity("expert-comptable", "DALMEIDA", "Joao", "02/11/1982", "joao.dalmeida@cabinet.example");
        assertEquals("IDENTIFIANT", pages.step());
        assertEquals("ARA-100002", browser.findElement(By.id("ordre-recap-numero")).getText());
        assertTrue(browser.findElement(By.id("ordre-register-suggestions")).getText().contains("joao.dalmeida"));

        pages.identifiant("joao.dalmeida");
        assertEquals("SENT", pages.step());
        assertTrue(pages.pageText().contains("spams"), "the spam-folder hint is shown");

        MailServer.Mail mail = env.mail().await("joao.dalmeida@cabinet.example", 1, Duration.ofSeconds(30));
        assertTrue(mail.text().contains("joao.dalmeida"), "the email states the identifiant");
        String link = mail.link("action-token");

        JsonNode user = env.admin().userByUsername("ordre", "joao.dalmeida");
        assertFalse(user.get("emailVerified").asBoolean());
        assertEquals("ARA-100002", user.get("attributes").get("ordreNumero").get(0).asText());
        assertEquals("Auvergne-Rhône-Alpes", user.get("attributes").get("ordreConseilRegional").get(0).asText());
        assertEquals("1982-11-02", user.get("attributes").get("birthDate").get(0).asText());
        JsonNode groups = env.admin().get("/admin/realms/ordre/users/" + user.get("id").asText() + "/groups");
        assertEquals("/profils/expert-comptable", groups.get(0).get("path").asText());
        assertEquals(0, env.admin().get("/admin/realms/ordre/users/" + user.get("id").asText() + "/credentials").size(),
                "no password until the person sets one");

        browser.get(link);
        pages.setPassword(PASSWORD);
        String callback = new LoginPage(browser).awaitRedirect(env.demoApp().redirectUri());
        JsonNode idToken = OidcClient.claims(client.exchange(authorization, callback).get("id_token").asText());
        assertEquals("joao.dalmeida", idToken.get("preferred_username").asText());
        assertTrue(env.admin().userByUsername("ordre", "joao.dalmeida").get("emailVerified").asBoolean());

        // Single use: the same link again is refused.
        browser.manage().deleteAllCookies();
        browser.get(link);
        assertFalse(browser.findElements(By.id("password-new")).size() > 0, "a used link does not open the password page again");
    }

    @Test
    void inEnglishThePagesAndTheEmailAreEnglishAndTheCnilPolicyApplies(TestEnvironment.Env env) {
        WebDriver english = Browser.open("en");
        try {
            RegistrationPages en = new RegistrationPages(english);
            OidcClient.Authorization authorization = env.demoClient().authorize(env.demoApp().redirectUri());
            en.openFromLogin(authorization.url() + "&ui_locales=en");
            assertTrue(en.pageText().contains("Create your Comptexpert"), en.pageText());
            en.identity("enseignant", "Brown", "Emma", "05/05/1980", "emma.brown@university.example");
            en.identifiant("emma.brown");
            assertTrue(en.pageText().contains("spam"), en.pageText());

            MailServer.Mail mail = env.mail().await("emma.brown@university.example", 1, Duration.ofSeconds(30));
            assertTrue(mail.subject().contains("password"), mail.subject());
            assertTrue(mail.text().contains("emma.brown"), mail.text());

            english.get(mail.link("action-token"));
            en.setPassword("short1A!");
            new org.openqa.selenium.support.ui.WebDriverWait(english, Duration.ofSeconds(20))
                    .until(d -> d.findElements(By.id("input-error-password-new")).stream().anyMatch(e -> e.getText().contains("12")));
            assertTrue(english.findElement(By.id("password-new")).isDisplayed(), "a password under 12 characters is refused");
            en.setPassword(PASSWORD);
            new LoginPage(english).awaitRedirect(env.demoApp().redirectUri());
        } finally {
            english.quit();
        }
    }

    @Test
    void homonymsAreToldApartByThePrenom(TestEnvironment.Env env) {
        pages.openFromLogin(env.demoClient().authorize(env.demoApp().redirectUri()).url());
        pages.identity("stagiaire", "Le Goff", "Anne", "21/06/1990", "anne.legoff@stage.example");
        assertEquals("IDENTIFIANT", pages.step());
        assertEquals("BRE-100004", browser.findElement(By.id("ordre-recap-numero")).getText());
    }

    @Test
    void notFoundByNameThenFoundByNumeroAndBirthDate(TestEnvironment.Env env) {
        pages.openFromLogin(env.demoClient().authorize(env.demoApp().redirectUri()).url());
        pages.identity("expert-comptable", "Santoni-Typo", "Paul-Antoine", "03/03/1977", "pa.santoni@corse.example");
        assertEquals("NUMERO", pages.step());
        String text = pages.pageText();
        assertTrue(text.contains("conseil régional") && text.contains("Autre profil"), "the page says what to do");

        pages.numero("COR-999999");
        assertEquals("NUMERO", pages.step());
        assertFalse(pages.fieldError("numero").isEmpty());

        pages.numero("cor-100014");
        assertEquals("IDENTIFIANT", pages.step());
        assertEquals("COR-100014", browser.findElement(By.id("ordre-recap-numero")).getText());
    }

    @Test
    void aRegisterEntryAlreadyTiedToAnAccountPointsToAccountRecovery(TestEnvironment.Env env) {
        pages.openFromLogin(env.demoClient().authorize(env.demoApp().redirectUri()).url());
        // IDF-100001 belongs to the demo account marie.lefevre.
        pages.identity("expert-comptable", "Lefevre Dupont", "Marie", "14/03/1975", "autre.adresse@example.fr");
        assertEquals("PROFILE", pages.step());
        assertTrue(pages.pageText().contains("Identifiant ou mot de passe oublié"));
    }

    @Test
    void autreProfilNeedsItsDetailAndIsNotCheckedAgainstTheTableau(TestEnvironment.Env env) {
        pages.openFromLogin(env.demoClient().authorize(env.demoApp().redirectUri()).url());
        pages.identity("autre", "Durand", "Chloé", "12/09/1995", "chloe.durand@cabinet-durand.example");
        assertEquals("PROFILE", pages.step());
        assertFalse(pages.fieldError("profileDetail").isEmpty(), "précisez is required for Autre profil");

        pages.type("profileDetail", "Collaboratrice de cabinet").next();
        assertEquals("IDENTIFIANT", pages.step());
        pages.identifiant("chloe.durand");
        assertEquals("SENT", pages.step());
        JsonNode user = env.admin().userByUsername("ordre", "chloe.durand");
        assertEquals("autre", user.get("attributes").get("ordreProfile").get(0).asText());
        assertEquals("Collaboratrice de cabinet", user.get("attributes").get("ordreProfileDetail").get(0).asText());
        assertFalse(user.get("attributes").has("ordreNumero"));
    }

    @Test
    void etudiantWithATakenIdentifiantGetsFreeSuggestions(TestEnvironment.Env env) {
        pages.openFromLogin(env.demoClient().authorize(env.demoApp().redirectUri()).url());
        pages.identity("etudiant", "Martin", "Léa", "17/05/2003", "lea.martin2@etudiant.example");
        assertEquals("IDENTIFIANT", pages.step());
        pages.identifiant("lea.etudiante");
        assertEquals("IDENTIFIANT", pages.step());
        assertTrue(pages.fieldError("username").contains("déjà pris"));
        String suggestions = browser.findElement(By.id("ordre-register-suggestions")).getText();
        assertTrue(suggestions.contains("lea.martin"), suggestions);

        pages.identifiant("Bad Identifiant!");
        assertFalse(pages.fieldError("username").isEmpty());
    }

    @Test
    void resendingTooSoonSendsNoSecondMail(TestEnvironment.Env env) {
        pages.openFromLogin(env.demoClient().authorize(env.demoApp().redirectUri()).url());
        pages.identity("enseignant", "Petit", "Hugo", "01/02/1970", "hugo.petit@universite.example");
        pages.identifiant("hugo.petit");
        env.mail().await("hugo.petit@universite.example", 1, Duration.ofSeconds(30));
        browser.findElement(By.id("ordre-register-resend")).click();
        pages.await(By.id("ordre-register-sent"));
        assertTrue(pages.pageText().contains("Patientez"), pages.pageText());
        assertEquals(1, env.mail().to("hugo.petit@universite.example").size());
    }

    @Test
    void smtpDownKeepsTheAccountAndResendWorksOnceMailIsBack(TestEnvironment.Env env) {
        pages.openFromLogin(env.demoClient().authorize(env.demoApp().redirectUri()).url());
        pages.identity("etudiant", "Garnier", "Inès", "30/04/2001", "ines.garnier@etudiant.example");
        env.mail().stop();
        try {
            pages.identifiant("ines.garnier");
            assertEquals("SENT", pages.step());
            assertTrue(pages.pageText().contains("n'a pas pu être envoyé"), pages.pageText());
            env.admin().userByUsername("ordre", "ines.garnier");
        } finally {
            env.mail().restart();
        }
        browser.findElement(By.id("ordre-register-resend")).click();
        pages.await(By.id("ordre-register-sent"));
        MailServer.Mail mail = env.mail().await("ines.garnier@etudiant.example", 1, Duration.ofSeconds(30));
        assertTrue(mail.link("action-token").startsWith(env.keycloak().baseUrl()));
    }

    @Test
    void badInputsGetAMessageNextToTheirFieldAndCreateNothing(TestEnvironment.Env env) {
        pages.openFromLogin(env.demoClient().authorize(env.demoApp().redirectUri()).url());
        pages.next();
        assertEquals("PROFILE", pages.step());
        for (String field : List.of("profile", "lastName", "firstName", "birthDate", "email")) {
            assertFalse(pages.fieldError(field).isEmpty(), "empty " + field + " gets a message");
        }
        pages.identity("etudiant", "<script>alert(1)</script>", "Jean<b>", "31/02/2000", "pas-une-adresse");
        assertFalse(pages.fieldError("lastName").isEmpty());
        assertFalse(pages.fieldError("firstName").isEmpty());
        assertEquals("Date invalide. Utilisez le format JJ/MM/AAAA.", pages.fieldError("birthDate"));
        assertFalse(pages.fieldError("email").isEmpty());

        pages.identity("etudiant", "Dupont", "Jean", "01/01/2090", "jean.dupont@example.fr");
        assertTrue(pages.fieldError("birthDate").contains("futur"));
        pages.identity("etudiant", "Dupont", "Jean", "01/01/2020", "jean.dupont@example.fr");
        assertTrue(pages.fieldError("birthDate").contains("15"));
        // Longer than the page's maxlength allows: posted as a script would.
        pages.type("birthDate", "01/01/2000").forge("lastName", "D".repeat(81)).next();
        assertTrue(pages.fieldError("lastName").contains("80"));
        pages.identity("etudiant", "Dupont", "Jean", "01/01/2000", "marie.lefevre@cabinet-lefevre.example");
        assertTrue(pages.fieldError("email").contains("existe déjà"));

        pages.forge("profile", "administrateur").type("lastName", "Dupont").next();
        assertTrue(pages.fieldError("profile").contains("n'existe pas"));

        // A later step posted without the earlier ones.
        pages.forge("step", "IDENTIFIANT").forge("username", "forged.user").next();
        assertEquals("PROFILE", pages.step());
        assertTrue(pages.pageText().contains("Reprenez"));
        assertEquals(0, env.admin().get("/admin/realms/ordre/users?exact=true&username=forged.user").size());
        assertEquals(0, env.admin().get("/admin/realms/ordre/users?exact=true&email=jean.dupont@example.fr").size());
    }
}
