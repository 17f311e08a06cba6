package fr.ordre.comptexpert.it.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ordre.comptexpert.it.support.Browser;
import fr.ordre.comptexpert.it.support.FormClient;
import fr.ordre.comptexpert.it.support.Http;
import fr.ordre.comptexpert.it.support.LoginPage;
import fr.ordre.comptexpert.it.support.MailServer;
import fr.ordre.comptexpert.it.support.OidcClient;
import fr.ordre.comptexpert.it.support.RegistrationPages;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** "Identifiant ou mot de passe oublié" against the real server and real SMTP. */
@ExtendWith(TestEnvironment.class)
class RecoveryIT {

    static final String OLD = "Ancien-Mot2passe!";
    static final String NEW = "Nouveau-Mot2passe!";

    static void createUser(TestEnvironment.Env env, String username, String email, boolean withPassword) {
        Map<String, Object> user = new java.util.HashMap<>(Map.of(
                "username",
                username,
                "email",
                email,
                "enabled",
                true,
                "emailVerified",
                true,
                "firstName",
                "Test",
                "lastName",
                "Recovery",
                "attributes",
                Map.of("ordreProfile", List.of("etudiant")),
                "groups",
                List.of("/profils/etudiant")));
        if (withPassword) {
            user.put("credentials", List.of(Map.of("type", "password", "value", OLD, "temporary", false)));
        }
        env.admin().partialImport("ordre", "{\"ifResourceExists\":\"FAIL\",\"users\":" + toJson(List.of(user)) + "}");
    }

    static String toJson(Object o) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens the forgot page from the login page as a person would, and submits the input. */
    static String request(WebDriver browser, String authorizationUrl, String input) {
        browser.get(authorizationUrl);
        browser.findElement(By.linkText("Identifiant ou mot de passe oublié")).click();
        browser.findElement(By.id("username")).sendKeys(input);
        browser.findElement(By.id("ordre-forgot-submit")).click();
        new RegistrationPages(browser).await(By.id("ordre-forgot-sent"));
        return browser.findElement(By.id("ordre-forgot-sent")).getText();
    }

    /**
     * Our emails live with the providers (theme-resources), not in the ordre email theme: with Keycloak's own email
     * theme selected, "oublié" still sends our mail, in our layout and words, with its short link.
     */
    @Test
    void ourEmailsRenderUnderAnyEmailTheme(TestEnvironment.Env env) {
        createUser(env, "zoe.oubli", "zoe.oubli@example.fr", true);
        WebDriver browser = Browser.open("fr");
        assertEquals(
                204,
                env.admin()
                        .put("/admin/realms/ordre", Map.of("emailTheme", "keycloak"))
                        .statusCode());
        try {
            request(
                    browser,
                    env.demoClient().authorize(env.demoApp().redirectUri()).url(),
                    "zoe.oubli@example.fr");
            MailServer.Mail mail = env.mail().await("zoe.oubli@example.fr", 1, Duration.ofSeconds(30));
            assertEquals("Votre identifiant Comptexpert et votre mot de passe", mail.subject());
            assertTrue(mail.text().contains("zoe.oubli") && mail.text().contains("nouveau mot de passe"), mail.text());
            assertTrue(
                    mail.html().contains("zoe.oubli") && mail.html().contains("#12305c"),
                    "our layout:\n" + mail.html());
            assertTrue(mail.link(MailServer.ACTION_LINK).length() < 120, mail.text());
        } finally {
            env.admin().put("/admin/realms/ordre", Map.of("emailTheme", "ordre"));
            browser.quit();
        }
    }

    @Test
    void knownEmailGetsTheIdentifiantAndALinkThatResetsThePasswordAndEndsOtherSessions(TestEnvironment.Env env)
            throws Exception {
        createUser(env, "paul.oubli", "paul.oubli@example.fr", true);
        OidcClient client = env.demoClient();
        WebDriver other = Browser.open("fr");
        WebDriver browser = Browser.open("fr");
        try {
            // A session elsewhere, with the old password.
            LoginPage otherLogin = new LoginPage(other)
                    .open(client.authorize(env.demoApp().redirectUri()).url());
            otherLogin.signIn("paul.oubli", OLD);
            otherLogin.awaitRedirect(env.demoApp().redirectUri());
            String userId =
                    env.admin().userByUsername("ordre", "paul.oubli").get("id").asText();
            assertEquals(
                    1,
                    env.admin()
                            .get("/admin/realms/ordre/users/" + userId + "/sessions")
                            .size());

            OidcClient.Authorization authorization =
                    client.authorize(env.demoApp().redirectUri());
            String page = request(browser, authorization.url(), "Paul.Oubli@example.fr");
            assertTrue(page.contains("spams"), page);

            MailServer.Mail mail = env.mail().await("paul.oubli@example.fr", 1, Duration.ofSeconds(30));
            assertTrue(mail.text().contains("paul.oubli"), "the identifiant is in the mail");
            assertTrue(mail.text().contains("nouveau mot de passe"), mail.text());
            assertTrue(mail.text().contains("30 minutes"), "the mail says how long the link is valid:\n" + mail.text());
            assertTrue(mail.html().contains("paul.oubli"), "HTML version too");
            String link = mail.link(MailServer.ACTION_LINK);
            // A short link (issue 18), not the ~1,200-character signed one: it leads there.
            assertTrue(link.length() < 120, link);
            assertFalse(mail.text().contains("key="), "no signed token in the text:\n" + mail.text());
            HttpResponse<String> hop = Http.CLIENT.send(
                    HttpRequest.newBuilder(URI.create(link)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(303, hop.statusCode(), hop.body());
            assertTrue(
                    hop.headers().firstValue("Location").orElseThrow().contains("/login-actions/action-token?key="),
                    hop.headers().toString());

            browser.get(link);
            new RegistrationPages(browser).setPassword(NEW);
            String callback = new LoginPage(browser).awaitRedirect(env.demoApp().redirectUri());
            JsonNode idToken = OidcClient.claims(
                    client.exchange(authorization, callback).get("id_token").asText());
            assertEquals("paul.oubli", idToken.get("preferred_username").asText());

            JsonNode sessions = env.admin().get("/admin/realms/ordre/users/" + userId + "/sessions");
            assertEquals(1, sessions.size(), "only the new session is left: " + sessions);

            // The old password no longer works, the new one does.
            WebDriver third = Browser.open("fr");
            try {
                LoginPage login = new LoginPage(third)
                        .open(client.authorize(env.demoApp().redirectUri()).url());
                login.signIn("paul.oubli", OLD);
                login.waitFor(By.id("input-error-username"));
                login.signIn("", NEW);
                login.awaitRedirect(env.demoApp().redirectUri());
            } finally {
                third.quit();
            }

            // The link works once.
            browser.manage().deleteAllCookies();
            browser.get(link);
            assertTrue(browser.findElements(By.id("password-new")).isEmpty());
        } finally {
            other.quit();
            browser.quit();
        }
    }

    @Test
    void anUnknownOrMalformedShortLinkGetsTheExpiredLinkPageWithAWayForward(TestEnvironment.Env env) {
        String base = env.keycloak().realmUrl() + "/comptexpert/l/";
        for (String code : List.of("AAAAAAAAAAAAAAAAAAAAAA", "x", "%27%3Cscript%3E", "A".repeat(300))) {
            HttpResponse<String> page = new FormClient().get(base + code);
            assertEquals(400, page.statusCode(), code + ": " + page.body());
            assertTrue(page.body().contains("Ce lien a expiré ou a déjà servi"), page.body());
            assertTrue(
                    page.body().contains("ordre-error-signin"),
                    "a button to sign in, where \"oublié\" is: " + page.body());
            assertFalse(page.body().contains("Exception"), page.body());
        }
    }

    @Test
    void unknownEmailGetsTheSamePageAndNoMail(TestEnvironment.Env env) {
        createUser(env, "jeanne.oubli", "jeanne.oubli@example.fr", true);
        WebDriver browser = Browser.open("fr");
        try {
            String url = env.demoClient().authorize(env.demoApp().redirectUri()).url();
            String known = request(browser, url, "jeanne.oubli@example.fr");
            browser.manage().deleteAllCookies();
            String unknown = request(browser, url, "personne@example.fr");
            assertEquals(known.replace("jeanne.oubli@example.fr", "X"), unknown.replace("personne@example.fr", "X"));
            env.mail().await("jeanne.oubli@example.fr", 1, Duration.ofSeconds(30));
            assertTrue(env.mail().to("personne@example.fr").isEmpty());
        } finally {
            browser.quit();
        }
    }

    @Test
    void theIdentifiantWorksInsteadOfTheEmailAndASecondRequestSoonSendsNothing(TestEnvironment.Env env) {
        createUser(env, "luc.oubli", "luc.oubli@example.fr", true);
        WebDriver browser = Browser.open("fr");
        try {
            String url = env.demoClient().authorize(env.demoApp().redirectUri()).url();
            String first = request(browser, url, "luc.oubli");
            env.mail().await("luc.oubli@example.fr", 1, Duration.ofSeconds(30));
            String second = request(browser, url, "luc.oubli");
            assertEquals(first, second, "a rate-limited request looks the same");
            // Give a second mail every chance to arrive (it must not).
            assertThrowsAwait(env, "luc.oubli@example.fr", 2);
        } finally {
            browser.quit();
        }
    }

    @Test
    void aPendingAccountGetsACreateYourPasswordLinkThatWorksInAnotherBrowser(TestEnvironment.Env env) {
        createUser(env, "nina.pending", "nina.pending@example.fr", false);
        WebDriver browser = Browser.open("fr");
        WebDriver phone = Browser.open("fr");
        try {
            request(
                    browser,
                    env.demoClient().authorize(env.demoApp().redirectUri()).url(),
                    "nina.pending@example.fr");
            MailServer.Mail mail = env.mail().await("nina.pending@example.fr", 1, Duration.ofSeconds(30));
            assertTrue(mail.text().contains("pas encore créé votre mot de passe"), mail.text());
            // Read on another device: no authentication session there; it ends on "password created", signed out.
            phone.get(mail.link(MailServer.ACTION_LINK));
            new RegistrationPages(phone).setPassword(NEW);
            new RegistrationPages(phone).await(By.id("ordre-password-set"));
            assertEquals(
                    "Votre mot de passe est créé",
                    phone.findElement(By.id("kc-page-title")).getText());
            String userId = env.admin()
                    .userByUsername("ordre", "nina.pending")
                    .get("id")
                    .asText();
            assertEquals(
                    0,
                    env.admin()
                            .get("/admin/realms/ordre/users/" + userId + "/sessions")
                            .size());
            assertEquals(
                    1,
                    env.admin()
                            .get("/admin/realms/ordre/users/" + userId + "/credentials")
                            .size());
        } finally {
            browser.quit();
            phone.quit();
        }
    }

    @Test
    void anExpiredLinkIsRefusedAndConsumesNothing(TestEnvironment.Env env) {
        createUser(env, "eve.expire", "eve.expire@example.fr", true);
        JsonNode execution = recoveryExecution(env);
        String configId = execution.get("authenticationConfig").asText();
        JsonNode config = env.admin().get("/admin/realms/ordre/authentication/config/" + configId);
        var shortLived = (com.fasterxml.jackson.databind.node.ObjectNode) config.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) shortLived.get("config")).put("link-lifespan-seconds", "2");
        env.admin().put("/admin/realms/ordre/authentication/config/" + configId, shortLived);
        WebDriver browser = Browser.open("fr");
        try {
            request(
                    browser,
                    env.demoClient().authorize(env.demoApp().redirectUri()).url(),
                    "eve.expire@example.fr");
            String link = env.mail()
                    .await("eve.expire@example.fr", 1, Duration.ofSeconds(30))
                    .link(MailServer.ACTION_LINK);
            browser.manage().deleteAllCookies();
            // Reopen the link until its two seconds are over: then it must be refused.
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
                    .pollingEvery(Duration.ofMillis(500))
                    .until(d -> {
                        d.get(link);
                        return d.findElements(By.id("password-new")).isEmpty();
                    });
            assertTrue(
                    browser.getPageSource().contains("expir"),
                    "the page says the link expired:\n" + browser.getPageSource());
        } finally {
            browser.quit();
            env.admin().put("/admin/realms/ordre/authentication/config/" + configId, config);
        }
    }

    @Test
    void emptyOrMalformedInputGetsAMessageNextToTheField(TestEnvironment.Env env) {
        FormClient form = new FormClient();
        var login =
                form.get(env.demoClient().authorize(env.demoApp().redirectUri()).url());
        var forgot = form.get(FormClient.link(login, "reset-credentials"));
        var response = form.post(FormClient.formAction(forgot, "ordre-forgot-form"), Map.of("username", ""));
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("input-error-username"), "a message tied to the field");
        response = form.post(FormClient.formAction(response, "ordre-forgot-form"), Map.of("username", "a\u0001b"));
        assertTrue(response.body().contains("input-error-username"));
        response =
                form.post(FormClient.formAction(response, "ordre-forgot-form"), Map.of("username", "x".repeat(5000)));
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("input-error-username"));
    }

    private static JsonNode recoveryExecution(TestEnvironment.Env env) {
        for (JsonNode e :
                env.admin().get("/admin/realms/ordre/authentication/flows/ordre%20reset%20credentials/executions")) {
            if ("ordre-recovery".equals(e.path("providerId").asText())) {
                return e;
            }
        }
        throw new AssertionError("no ordre-recovery execution");
    }

    private static void assertThrowsAwait(TestEnvironment.Env env, String address, int count) {
        boolean arrived;
        try {
            env.mail().await(address, count, Duration.ofSeconds(5));
            arrived = true;
        } catch (AssertionError expected) {
            arrived = false;
        }
        assertFalse(arrived, "no mail number " + count + " to " + address);
    }
}
