package fr.ordre.comptexpert.it.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ordre.comptexpert.it.support.HttpRegistration;
import fr.ordre.comptexpert.it.support.MailServer;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outsider of issue 16: they know a member's public nom and numéro (the annuaire) and guess the birth date,
 * from one client, a fresh session per guess, through both the nom path and the numéro path. Whatever the
 * date, they must see the same pages and receive the same mail, and the member's entry must never be bound to
 * them. Over plain HTTP, as a script would do it.
 */
@ExtendWith(TestEnvironment.class)
class TableauAttackIT {

    /** Girard, Anthony, born 05/12/1956, ARA-377453, with anthony.girard@cabinet-demo.fr on file. */
    static final String NOM = "Girard";

    static final String PRENOM = "Anthony";
    static final String NUMERO = "ARA-377453";
    static final LocalDate BORN = LocalDate.of(1956, 12, 5);
    static final String ON_FILE = "anthony.girard@cabinet-demo.fr";
    static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Test
    void fortyTwoDateGuessesOnBothPathsLearnNothingAndBindNothing(TestEnvironment.Env env) {
        // A window of its own for this test's registrations: the harness's other tests keep theirs.
        try (RegistrationSettings settings = RegistrationSettings.change(
                env, Map.of("network-window-seconds", "3599", "max-tableau-registrations-per-network", "500"))) {
            List<Attempt> attempts = new ArrayList<>();
            for (int i = 0; i < 42; i++) {
                // The true date at 16 (numéro path) and 21 (nom path), the others around it.
                LocalDate date = i == 16 || i == 21 ? BORN : BORN.plusDays(i - 50L);
                boolean byNumero = i % 2 == 0;
                boolean madeUpNom = i % 7 == 3;
                Map<String, String> identity = new LinkedHashMap<>(Map.of(
                        "profile",
                        "expert-comptable",
                        "lastName",
                        madeUpNom ? "Invente" + (char) ('a' + i % 26) : NOM,
                        "firstName",
                        PRENOM,
                        "birthDate",
                        FRENCH.format(date),
                        "numero",
                        byNumero ? NUMERO : ""));
                String id = "atk" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
                HttpRegistration r = new HttpRegistration(id, id + "@attacker.example", UnaryOperator.identity())
                        .as(identity)
                        .run(env.demoClient()
                                .authorize(env.demoApp().redirectUri())
                                .url());
                attempts.add(new Attempt(r, date.equals(BORN) && !madeUpNom, byNumero, madeUpNom));
            }

            for (Attempt a : attempts) {
                assertEquals(List.of(200, 200, 200, 200), a.r.statuses, a.r.summary());
                assertTrue(a.r.sent(), a.r.summary());
            }
            assertTrue(attempts.stream().filter(a -> a.trueDate).count() >= 2, "the true date was among the guesses");
            for (boolean byNumero : new boolean[] {false, true}) {
                // Same typed identity, dates differing: the identifiant step and the "sent" page are the same page.
                Set<String> identifiantPages = new HashSet<>();
                Set<String> sentPages = new HashSet<>();
                for (Attempt a : attempts) {
                    if (a.byNumero == byNumero && !a.madeUpNom) {
                        identifiantPages.add(normalise(a.r.pages.get(2), a.r));
                        sentPages.add(normalise(a.r.last, a.r));
                    }
                }
                assertEquals(
                        1,
                        identifiantPages.size(),
                        "identifiant step differs with the date: " + firstDifference(identifiantPages));
                assertEquals(1, sentPages.size(), "sent page differs with the date: " + firstDifference(sentPages));
            }

            // The one mail each guess gets is the same mail, whatever the date.
            Set<String> mails = new HashSet<>();
            for (Attempt a : attempts) {
                MailServer.Mail mail = env.mail().await(a.r.email, 1, Duration.ofSeconds(30));
                mails.add(mail.subject() + "\n"
                        + mail.text()
                                .replace(a.r.username, "ID")
                                .replaceAll("https?://\\S+", "LINK")
                                .replaceAll("(?m)^Bonjour .*$", "Bonjour NAME,"));
            }
            assertEquals(1, mails.size(), "mails differ with the date: " + firstDifference(mails));

            // Nothing was bound; the member heard of it, within the per-entry limit.
            assertEquals(
                    0,
                    env.admin()
                            .get("/admin/realms/ordre/users?q=ordreNumero:" + NUMERO)
                            .size());
            for (Attempt a : attempts) {
                JsonNode user = env.admin().userByUsername("ordre", a.r.username);
                assertEquals(
                        "pending",
                        user.get("attributes").get("ordreTableauBinding").get(0).asText());
                assertFalse(user.get("attributes").has("ordreNumero"), a.r.username);
            }
            MailServer.Mail request = env.mail().awaitContaining(ON_FILE, NUMERO, Duration.ofSeconds(30));
            assertTrue(request.text().contains("@attacker.example"), "the member sees who asks: " + request.text());
            assertTrue(env.mail().to(ON_FILE).size() <= 3, "at most 3 mails a day about one entry");
        }
    }

    @Test
    void theNetworkLimitAnswersAlikeForEveryDateAndHonestPeopleSharingANomAreNeverLockedOut(TestEnvironment.Env env) {
        try (RegistrationSettings settings = RegistrationSettings.change(
                env, Map.of("network-window-seconds", "3598", "max-tableau-registrations-per-network", "25"))) {
            // 24 failed guesses on a common nom, then an honest Martin (Claire, nom d'usage Roussel) registers.
            for (int i = 0; i < 24; i++) {
                register(
                        env,
                        "guess" + i,
                        Map.of(
                                "lastName",
                                "Martin",
                                "firstName",
                                "Claire",
                                "birthDate",
                                FRENCH.format(LocalDate.of(1960, 1, 1).plusDays(i))));
            }
            HttpRegistration honest = register(
                    env,
                    "claire.roussel",
                    Map.of("lastName", "Martin", "firstName", "Claire", "birthDate", "30/01/1968"));
            assertTrue(honest.sent(), "a nom is never locked: " + honest.summary());
            JsonNode claire = env.admin().userByUsername("ordre", honest.username);
            assertEquals(
                    "OCC-100005",
                    claire.get("attributes").get("ordreTableauClaim").get(0).asText());

            // The network's 26th Tableau registration is refused, with the same words whatever the date.
            HttpRegistration right = register(
                    env, "late.right", Map.of("lastName", NOM, "firstName", PRENOM, "birthDate", FRENCH.format(BORN)));
            HttpRegistration wrong = register(
                    env,
                    "late.wrong",
                    Map.of("lastName", NOM, "firstName", PRENOM, "birthDate", FRENCH.format(BORN.plusDays(1))));
            assertEquals("PROFILE", right.step(), right.summary());
            assertTrue(
                    right.last.body().contains("Trop de demandes d&#39;inscription depuis votre réseau")
                            || right.last.body().contains("Trop de demandes d'inscription depuis votre réseau"),
                    right.last.body());
            String refusedRight = normalise(right.last, right).replace(FRENCH.format(BORN), "DATE");
            String refusedWrong = normalise(wrong.last, wrong).replace(FRENCH.format(BORN.plusDays(1)), "DATE");
            assertEquals(refusedRight, refusedWrong, firstDifference(List.of(refusedRight, refusedWrong)));
            JsonNode events = env.admin().get("/admin/realms/ordre/events?type=REGISTER_ERROR&max=200");
            assertTrue(events.toString().contains("ordre_registration_network_limit"), "the refusal is an event");

            // Open profiles are not Tableau registrations: they go on.
            HttpRegistration student = new HttpRegistration(
                            "late.student-" + UUID.randomUUID().toString().substring(0, 6),
                            "late.student-" + UUID.randomUUID().toString().substring(0, 6) + "@etudiant.example",
                            UnaryOperator.identity())
                    .run(env.demoClient().authorize(env.demoApp().redirectUri()).url());
            assertTrue(student.sent(), student.summary());
        }
    }

    @Test
    void anEmailThatHasAnAccountAnswersLikeANewOneAndItsHolderIsToldByMail(TestEnvironment.Env env) {
        String taken = "marie.lefevre@cabinet-lefevre.example";
        String fresh = "fresh-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpRegistration onTaken = new HttpRegistration(
                        "taken-" + UUID.randomUUID().toString().substring(0, 6), taken, UnaryOperator.identity())
                .run(env.demoClient().authorize(env.demoApp().redirectUri()).url());
        HttpRegistration onFresh = new HttpRegistration(
                        "fresh-" + UUID.randomUUID().toString().substring(0, 6), fresh, UnaryOperator.identity())
                .run(env.demoClient().authorize(env.demoApp().redirectUri()).url());
        assertEquals(onFresh.statuses, onTaken.statuses);
        assertTrue(onTaken.sent(), onTaken.summary());
        String freshPage = normalise(onFresh.last, onFresh);
        String takenPage = normalise(onTaken.last, onTaken);
        assertEquals(
                freshPage, takenPage, "no \"email already used\": " + firstDifference(List.of(freshPage, takenPage)));
        assertEquals(
                0,
                env.admin()
                        .get("/admin/realms/ordre/users?exact=true&username=" + onTaken.username)
                        .size(),
                "no second account");
        MailServer.Mail mail = env.mail().awaitContaining(taken, "déjà un Comptexpert", Duration.ofSeconds(30));
        assertTrue(mail.text().contains("marie.lefevre"), "the holder gets their identifiant: " + mail.text());
        assertTrue(mail.link(MailServer.ACTION_LINK).startsWith(env.keycloak().baseUrl()), "and a way back in");
    }

    private static HttpRegistration register(TestEnvironment.Env env, String prefix, Map<String, String> identity) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> fields = new LinkedHashMap<>(identity);
        fields.put("profile", "expert-comptable");
        return new HttpRegistration(id, id + "@example.org", UnaryOperator.identity())
                .as(fields)
                .run(env.demoClient().authorize(env.demoApp().redirectUri()).url());
    }

    /** The page without what legitimately differs: per-session URLs, the typed address and identifiant. */
    static String normalise(HttpResponse<String> page, HttpRegistration r) {
        return page.body()
                .replace(r.email, "EMAIL")
                .replace(r.username, "ID")
                .replaceAll("(href|action|src|value)=\"(/|https?:)[^\"]*\"", "$1=\"URL\"")
                .replaceAll("(session_code|execution|tab_id|client_data|client_id|kc_locale)=[^\"&\\s]*", "$1=X");
    }

    /** The first line where two of the texts differ, for a readable failure. */
    static String firstDifference(java.util.Collection<String> texts) {
        List<String> two = new ArrayList<>(texts);
        if (two.size() < 2) {
            return "(no difference)";
        }
        String[] a = two.get(0).split("\n");
        String[] b = two.get(1).split("\n");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                return "line " + (i + 1) + ":\n  " + a[i].strip() + "\n  " + b[i].strip();
            }
        }
        return "lengths " + a.length + " and " + b.length;
    }

    private record Attempt(HttpRegistration r, boolean trueDate, boolean byNumero, boolean madeUpNom) {}

    /** Changes the registration step's settings for one test and puts them back. */
    record RegistrationSettings(TestEnvironment.Env env, String configId, JsonNode original) implements AutoCloseable {

        static RegistrationSettings change(TestEnvironment.Env env, Map<String, String> values) {
            String configId = null;
            for (JsonNode execution :
                    env.admin().get("/admin/realms/ordre/authentication/flows/ordre%20registration/executions")) {
                if ("ordre-registration".equals(execution.path("providerId").asText())) {
                    configId = execution.get("authenticationConfig").asText();
                }
            }
            JsonNode original = env.admin().get("/admin/realms/ordre/authentication/config/" + configId);
            ObjectNode changed = original.deepCopy();
            values.forEach(((ObjectNode) changed.get("config"))::put);
            assertEquals(
                    204,
                    env.admin()
                            .put("/admin/realms/ordre/authentication/config/" + configId, changed)
                            .statusCode());
            return new RegistrationSettings(env, configId, original);
        }

        @Override
        public void close() {
            env.admin().put("/admin/realms/ordre/authentication/config/" + configId, original);
        }
    }
}
