package fr.ordre.comptexpert.it.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ordre.comptexpert.it.support.AdminApi;
import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.LoginPage;
import fr.ordre.comptexpert.it.support.MailServer;
import fr.ordre.comptexpert.it.support.OidcClient;
import fr.ordre.comptexpert.it.support.RegistrationPages;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

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

    /**
     * One identifiant rule, the realm's user profile's: the registration creates accounts through it, and an
     * administrator who makes one meets the same rule (4 to 30 characters, the pattern, with its own message).
     */
    @Test
    void anAdministratorMeetsTheRegistrationsIdentifiantRule(TestEnvironment.Env env) {
        for (String bad :
                List.of("abc", "a".repeat(31), "1marie", "marie..durand", "marie.", "marie durand", "marié")) {
            HttpResponse<String> refused = env.admin()
                    .post(
                            "/admin/realms/ordre/users",
                            Map.of("username", bad, "enabled", true, "firstName", "Marie", "lastName", "Durand"));
            assertEquals(400, refused.statusCode(), bad + ": " + refused.body());
        }
        HttpResponse<String> pattern = env.admin()
                .post(
                        "/admin/realms/ordre/users",
                        Map.of(
                                "username",
                                "marie..durand",
                                "enabled",
                                true,
                                "firstName",
                                "Marie",
                                "lastName",
                                "Durand"));
        assertTrue(pattern.body().contains("ordreIdentifiantRules"), pattern.body());
        String fine = "marie.d" + System.nanoTime() % 1_000_000;
        HttpResponse<String> made = env.admin()
                .post(
                        "/admin/realms/ordre/users",
                        Map.of("username", fine, "enabled", true, "firstName", "Marie", "lastName", "Durand"));
        assertEquals(201, made.statusCode(), made.body());
        assertEquals(
                204,
                env.admin()
                        .delete("/admin/realms/ordre/users/"
                                + env.admin()
                                        .userByUsername("ordre", fine)
                                        .get("id")
                                        .asText())
                        .statusCode());
    }

    @Test
    void aMemberWhoseAddressIsOnFileIsBoundAtOnceInTheRegistersSpellingAndSignedIn(TestEnvironment.Env env) {
        OidcClient client = env.demoClient();
        OidcClient.Authorization authorization = client.authorize(env.demoApp().redirectUri());
        pages.openFromLogin(authorization.url());
        assertTrue(
                pages.pageText().contains("Autre profil"),
                "the page tells collaborateurs de cabinet to take Autre profil");

        // Registered as "Michel", Hélène, with helene.michel@cabinet-demo.fr on file: typed without accent or case.
        pages.identity("expert-comptable", "MICHEL", "helene", "15/06/1977", "helene.michel@cabinet-demo.fr");
        assertEquals("IDENTIFIANT", pages.step());
        assertTrue(
                browser.findElements(By.id("ordre-recap-numero")).isEmpty(), "what the register found is never shown");
        pages.identifiant("helene.michel");
        assertEquals("SENT", pages.step());
        assertTrue(pages.pageText().contains("spams"), "the spam-folder hint is shown");

        MailServer.Mail mail = env.mail().await("helene.michel@cabinet-demo.fr", 1, Duration.ofSeconds(30));
        assertTrue(mail.text().contains("helene.michel"), "the email states the identifiant");
        assertTrue(mail.text().contains("confirmée par cette adresse"), mail.text());
        String link = mail.link(MailServer.ACTION_LINK);

        JsonNode user = env.admin().userByUsername("ordre", "helene.michel");
        JsonNode attributes = user.get("attributes");
        assertFalse(user.get("emailVerified").asBoolean());
        assertEquals("ARA-357927", attributes.get("ordreNumero").get(0).asText());
        assertEquals("confirmed", attributes.get("ordreTableauBinding").get(0).asText());
        assertEquals(
                "Auvergne-Rhône-Alpes",
                attributes.get("ordreConseilRegional").get(0).asText());
        assertEquals("Michel", user.get("lastName").asText(), "the register's spelling, not what was typed");
        assertEquals("Hélène", user.get("firstName").asText());
        assertFalse(attributes.has("birthDate"), "the birth date is not kept once it has served");
        JsonNode groups =
                env.admin().get("/admin/realms/ordre/users/" + user.get("id").asText() + "/groups");
        assertEquals("/profils/expert-comptable", groups.get(0).get("path").asText());
        assertEquals(
                0,
                env.admin()
                        .get("/admin/realms/ordre/users/" + user.get("id").asText() + "/credentials")
                        .size(),
                "no password until the person sets one");

        browser.get(link);
        pages.setPassword(PASSWORD);
        String callback = new LoginPage(browser).awaitRedirect(env.demoApp().redirectUri());
        JsonNode idToken = OidcClient.claims(
                client.exchange(authorization, callback).get("id_token").asText());
        assertEquals("helene.michel", idToken.get("preferred_username").asText());
        assertEquals("Michel", idToken.get("family_name").asText());
        assertTrue(env.admin()
                .userByUsername("ordre", "helene.michel")
                .get("emailVerified")
                .asBoolean());

        // Single use: the same link again is refused.
        browser.manage().deleteAllCookies();
        browser.get(link);
        assertFalse(
                browser.findElements(By.id("password-new")).size() > 0,
                "a used link does not open the password page again");
    }

    @Test
    void withoutAnAddressOnFileTheBindingWaitsForTheOrdreAndTheAdminsConfirmationGrantsIt(TestEnvironment.Env env) {
        OidcClient client = env.demoClient();
        OidcClient.Authorization authorization = client.authorize(env.demoApp().redirectUri());
        pages.openFromLogin(authorization.url());
        // "d'Almeida", João, no address on file: typed without apostrophe, accent or case.
        pages.identity("expert-comptable", "DALMEIDA", "Joao", "02/11/1982", "joao.dalmeida@cabinet.example");
        pages.identifiant("joao.dalmeida");
        assertEquals("SENT", pages.step());
        assertTrue(
                pages.pageText().contains("confirmée par un e-mail envoyé à l'adresse que l'Ordre a enregistrée"),
                pages.pageText());
        MailServer.Mail mail = env.mail().await("joao.dalmeida@cabinet.example", 1, Duration.ofSeconds(30));
        assertTrue(mail.text().contains("ou par l'Ordre après vérification"), mail.text());

        JsonNode user = env.admin().userByUsername("ordre", "joao.dalmeida");
        String id = user.get("id").asText();
        assertEquals(
                "pending",
                user.get("attributes").get("ordreTableauBinding").get(0).asText());
        assertEquals(
                "ARA-100002",
                user.get("attributes").get("ordreTableauClaim").get(0).asText(),
                "the admin sees the claim");
        assertFalse(user.get("attributes").has("ordreNumero"), "no Tableau right before the proof");
        assertEquals("DALMEIDA", user.get("lastName").asText(), "as typed until confirmed");

        // Signed in, the pending account carries no Tableau claim.
        browser.get(mail.link(MailServer.ACTION_LINK));
        pages.setPassword(PASSWORD);
        JsonNode tokens = client.exchange(
                authorization,
                new LoginPage(browser).awaitRedirect(env.demoApp().redirectUri()));
        assertFalse(
                OidcClient.claims(tokens.get("id_token").asText()).has("ordre_numero"), "no claim before the proof");

        // The Ordre checks and confirms in the admin console: the user's "Inscription au Tableau" set to "Confirmée".
        ObjectNode update = user.deepCopy();
        ((ObjectNode) update.get("attributes"))
                .set("ordreTableauBinding", update.arrayNode().add("confirmed"));
        assertEquals(
                204, env.admin().put("/admin/realms/ordre/users/" + id, update).statusCode());
        JsonNode bound = env.admin().userByUsername("ordre", "joao.dalmeida");
        assertEquals(
                "ARA-100002", bound.get("attributes").get("ordreNumero").get(0).asText());
        assertEquals(
                "Auvergne-Rhône-Alpes",
                bound.get("attributes").get("ordreConseilRegional").get(0).asText());
        assertFalse(bound.get("attributes").has("ordreTableauClaim"));
        assertEquals("d'Almeida", bound.get("lastName").asText());
        assertEquals("João", bound.get("firstName").asText());
        JsonNode refreshed =
                AdminApi.read(client.refresh(tokens.get("refresh_token").asText()));
        assertEquals(
                "ARA-100002",
                OidcClient.claims(refreshed.get("id_token").asText())
                        .path("ordre_numero")
                        .asText(),
                "the claim follows at the next refresh");
        JsonNode events = env.admin().get("/admin/realms/ordre/events?type=UPDATE_PROFILE&user=" + id);
        assertTrue(events.toString().contains("\"ordre_binding_method\":\"admin\""), events.toString());
    }

    @Test
    void anAddressOnFileThatDiffersGetsAConfirmationLinkThatBindsInAnotherBrowserOnce(TestEnvironment.Env env) {
        pages.openFromLogin(
                env.demoClient().authorize(env.demoApp().redirectUri()).url());
        // Garcia, Nadia: nadia.garcia@cabinet-demo.fr on file; she registers with her own address.
        pages.identity("expert-comptable", "Garcia", "Nadia", "31/03/1992", "nadia.perso@example.org");
        pages.identifiant("nadia.garcia");
        assertEquals("SENT", pages.step());
        env.mail().await("nadia.perso@example.org", 1, Duration.ofSeconds(30));
        MailServer.Mail request = env.mail().await("nadia.garcia@cabinet-demo.fr", 1, Duration.ofSeconds(30));
        assertTrue(
                request.text().contains("ARA-214602")
                        && request.text().contains("nadia.perso@example.org")
                        && request.text().contains("nadia.garcia"),
                "the member sees which account asks for her entry: " + request.text());
        assertFalse(env.admin()
                .userByUsername("ordre", "nadia.garcia")
                .get("attributes")
                .has("ordreNumero"));

        WebDriver other = Browser.open("fr");
        try {
            other.get(request.link(MailServer.ACTION_LINK));
            new org.openqa.selenium.support.ui.WebDriverWait(other, Duration.ofSeconds(20))
                    .until(d -> d.getPageSource().contains("est confirmée"));
            JsonNode bound = env.admin().userByUsername("ordre", "nadia.garcia");
            assertEquals(
                    "ARA-214602",
                    bound.get("attributes").get("ordreNumero").get(0).asText());
            assertEquals(
                    "confirmed",
                    bound.get("attributes").get("ordreTableauBinding").get(0).asText());
            other.manage().deleteAllCookies();
            other.get(request.link(MailServer.ACTION_LINK));
            new org.openqa.selenium.support.ui.WebDriverWait(other, Duration.ofSeconds(20))
                    .until(d -> d.getPageSource().contains("déjà été utilisé")
                            || d.getPageSource().contains("déjà confirmée"));
        } finally {
            other.quit();
        }
    }

    @Test
    void inEnglishThePagesAndTheEmailAreEnglishAndTheCnilPolicyApplies(TestEnvironment.Env env) {
        WebDriver english = Browser.open("en");
        try {
            RegistrationPages en = new RegistrationPages(english);
            OidcClient.Authorization authorization =
                    env.demoClient().authorize(env.demoApp().redirectUri());
            en.openFromLogin(authorization.url() + "&ui_locales=en");
            assertTrue(en.pageText().contains("Create your Comptexpert"), en.pageText());
            en.identity("enseignant", "Brown", "Emma", "05/05/1980", "emma.brown@university.example");
            en.identifiant("emma.brown");
            assertTrue(en.pageText().contains("spam"), en.pageText());

            MailServer.Mail mail = env.mail().await("emma.brown@university.example", 1, Duration.ofSeconds(30));
            assertTrue(mail.subject().contains("password"), mail.subject());
            assertTrue(mail.text().contains("emma.brown"), mail.text());

            english.get(mail.link(MailServer.ACTION_LINK));
            en.setPassword("short1A!");
            new org.openqa.selenium.support.ui.WebDriverWait(english, Duration.ofSeconds(20))
                    .until(d -> d.findElements(By.id("input-error-password-new")).stream()
                            .anyMatch(e -> e.getText().contains("12")));
            assertTrue(
                    english.findElement(By.id("password-new")).isDisplayed(),
                    "a password under 12 characters is refused");
            en.setPassword(PASSWORD);
            new LoginPage(english).awaitRedirect(env.demoApp().redirectUri());
        } finally {
            english.quit();
        }
    }

    @Test
    void anEntryAlreadyBoundLooksTheSameToTheTypistAndItsHolderIsToldByMail(TestEnvironment.Env env) {
        pages.openFromLogin(
                env.demoClient().authorize(env.demoApp().redirectUri()).url());
        // IDF-100001 belongs to the demo account marie.lefevre.
        pages.identity("expert-comptable", "Lefevre Dupont", "Marie", "14/03/1975", "autre.adresse@example.fr");
        assertEquals("IDENTIFIANT", pages.step(), "no \"already registered\" page: it would tell the date was right");
        pages.identifiant("marie.autre");
        assertEquals("SENT", pages.step());
        MailServer.Mail notice = env.mail()
                .awaitContaining("marie.lefevre@cabinet-lefevre.example", "IDF-100001", Duration.ofSeconds(30));
        assertTrue(notice.text().contains("marie.lefevre") && notice.text().contains("IDF-100001"), notice.text());
        JsonNode squatter = env.admin().userByUsername("ordre", "marie.autre");
        assertEquals(
                "pending",
                squatter.get("attributes").get("ordreTableauBinding").get(0).asText());
        assertFalse(squatter.get("attributes").has("ordreNumero"));
        assertFalse(squatter.get("attributes").has("ordreTableauClaim"), "a held entry is not even claimed");
    }

    @Test
    void autreProfilNeedsItsDetailAndIsNotCheckedAgainstTheTableau(TestEnvironment.Env env) {
        pages.openFromLogin(
                env.demoClient().authorize(env.demoApp().redirectUri()).url());
        pages.identity("autre", "Durand", "Chloé", null, "chloe.durand@cabinet-durand.example");
        assertEquals("PROFILE", pages.step());
        assertFalse(pages.fieldError("profileDetail").isEmpty(), "précisez is required for Autre profil");

        pages.type("profileDetail", "Collaboratrice de cabinet").next();
        assertEquals("IDENTIFIANT", pages.step());
        pages.identifiant("chloe.durand");
        assertEquals("SENT", pages.step());
        JsonNode user = env.admin().userByUsername("ordre", "chloe.durand");
        assertEquals("autre", user.get("attributes").get("ordreProfile").get(0).asText());
        assertEquals(
                "Collaboratrice de cabinet",
                user.get("attributes").get("ordreProfileDetail").get(0).asText());
        assertFalse(user.get("attributes").has("ordreNumero"));
        assertFalse(user.get("attributes").has("ordreTableauBinding"), "an open profile has nothing to prove");
        assertFalse(user.get("attributes").has("birthDate"));
    }

    @Test
    void etudiantWithATakenIdentifiantGetsFreeSuggestions(TestEnvironment.Env env) {
        pages.openFromLogin(
                env.demoClient().authorize(env.demoApp().redirectUri()).url());
        pages.identity("etudiant", "Martin", "Léa", "17/05/2003", "lea.martin2@etudiant.example");
        assertEquals("IDENTIFIANT", pages.step());
        pages.identifiant("lea.etudiante");
        assertEquals("IDENTIFIANT", pages.step());
        assertTrue(pages.fieldError("username").contains("déjà pris"));
        String suggestions =
                browser.findElement(By.id("ordre-register-suggestions")).getText();
        assertTrue(suggestions.contains("lea.martin"), suggestions);

        pages.identifiant("Bad Identifiant!");
        assertFalse(pages.fieldError("username").isEmpty());
    }

    @Test
    void anAddressWithAnAccountStillMeetsTheTakenIdentifiantFirst(TestEnvironment.Env env) {
        // Léa's own address and identifiant: the identifiant's availability is public, the address's is not.
        String address = "lea.martin@etudiant.example";
        int before = env.mail().to(address).size();
        pages.openFromLogin(
                env.demoClient().authorize(env.demoApp().redirectUri()).url());
        pages.identity("etudiant", "Martin", "Léa", "17/05/2003", address);
        pages.identifiant("lea.etudiante");
        assertEquals("IDENTIFIANT", pages.step());
        assertTrue(pages.fieldError("username").contains("déjà pris"), pages.pageText());
        assertEquals(before, env.mail().to(address).size(), "a refused identifiant sends nothing");

        pages.identifiant("lea.encore");
        assertEquals("SENT", pages.step());
        MailServer.Mail mail = env.mail().await(address, before + 1, Duration.ofSeconds(30));
        assertTrue(mail.text().contains("lea.etudiante"), "the holder is reminded of her identifiant: " + mail.text());
        assertTrue(
                env.admin()
                        .get("/admin/realms/ordre/users?exact=true&username=lea.encore")
                        .isEmpty(),
                "no second account for the address");
    }

    @Test
    void resendingTooSoonSendsNoSecondMail(TestEnvironment.Env env) {
        pages.openFromLogin(
                env.demoClient().authorize(env.demoApp().redirectUri()).url());
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
        pages.openFromLogin(
                env.demoClient().authorize(env.demoApp().redirectUri()).url());
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
        assertTrue(mail.link(MailServer.ACTION_LINK).startsWith(env.keycloak().baseUrl()));
    }

    @Test
    void badInputsGetAMessageNextToTheirFieldAndCreateNothing(TestEnvironment.Env env) {
        pages.openFromLogin(
                env.demoClient().authorize(env.demoApp().redirectUri()).url());
        pages.next();
        assertEquals("PROFILE", pages.step());
        for (String field : List.of("profile", "lastName", "firstName", "email")) {
            assertFalse(pages.fieldError(field).isEmpty(), "empty " + field + " gets a message");
        }
        pages.identity("expert-comptable", "<script>alert(1)</script>", "Jean<b>", "31/02/2000", "pas-une-adresse");
        assertFalse(pages.fieldError("lastName").isEmpty());
        assertFalse(pages.fieldError("firstName").isEmpty());
        assertEquals("Date invalide. Utilisez le format JJ/MM/AAAA.", pages.fieldError("birthDate"));
        assertFalse(pages.fieldError("email").isEmpty());

        pages.identity("expert-comptable", "Dupont", "Jean", "01/01/2090", "jean.dupont@example.fr");
        assertTrue(pages.fieldError("birthDate").contains("futur"));
        pages.identity("expert-comptable", "Dupont", "Jean", "01/01/2020", "jean.dupont@example.fr");
        assertTrue(pages.fieldError("birthDate").contains("15"));
        // Longer than the page's maxlength allows: posted as a script would.
        pages.type("birthDate", "01/01/2000").forge("lastName", "D".repeat(81)).next();
        assertTrue(pages.fieldError("lastName").contains("80"));
        pages.forge("profile", "administrateur").type("lastName", "Dupont").next();
        assertTrue(pages.fieldError("profile").contains("n'existe pas"));

        // A later step posted without the earlier ones.
        pages.forge("step", "IDENTIFIANT").forge("username", "forged.user").next();
        assertEquals("PROFILE", pages.step());
        assertTrue(pages.pageText().contains("Reprenez"));
        assertEquals(
                0,
                env.admin()
                        .get("/admin/realms/ordre/users?exact=true&username=forged.user")
                        .size());
        assertEquals(
                0,
                env.admin()
                        .get("/admin/realms/ordre/users?exact=true&email=jean.dupont@example.fr")
                        .size());
    }
}
