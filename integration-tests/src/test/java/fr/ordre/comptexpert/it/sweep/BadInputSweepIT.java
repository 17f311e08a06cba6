package fr.ordre.comptexpert.it.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ordre.comptexpert.companion.ExpertpassCompanion;
import fr.ordre.comptexpert.it.support.FormClient;
import fr.ordre.comptexpert.it.support.HttpExpertpass;
import fr.ordre.comptexpert.it.support.OidcClient;
import fr.ordre.comptexpert.it.support.TestEnvironment;
import fr.ordre.comptexpert.it.support.UrlForm;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A generated corpus of malformed inputs ({@link MalformedCorpus}) thrown at every form and API of ours:
 * the registration steps (every field, the step itself), the forgot form, the Expertpass API (JSON bodies,
 * content types, challenge and enrolment ids as a QR would carry them, signatures) and set-password links
 * (JWS). Never a 5xx; and nothing stored changes: the number of users, the sweep user's credentials, and the
 * sweep's own sign-in, which is still approvable at the end.
 */
@ExtendWith(TestEnvironment.class)
class BadInputSweepIT {

    private static final Pattern STEP = Pattern.compile("name=\"step\" value=\"([A-Z]+)\"");
    private static final String REALM = "/admin/realms/ordre";
    private static final String PASSWORD = "Sweep-Check-2026!";

    private final List<String> failures = new ArrayList<>();
    private int sent;

    @Test
    void noMalformedInputGetsAServerErrorOrChangesState(TestEnvironment.Env env) {
        long started = System.nanoTime();
        // The sweep's own Expertpass user: enrolled phone, and one sign-in left waiting on a challenge.
        String username = "sweep" + UUID.randomUUID().toString().substring(0, 8);
        createUser(env, username);
        OidcClient client = env.demoClient();
        ExpertpassCompanion phone = HttpExpertpass.enrol(
                new FormClient(), client.authorize(env.demoApp().redirectUri()).url(), username, PASSWORD, url -> url);
        String userId = env.admin().userByUsername("ordre", username).get("id").asText();
        FormClient waitingBrowser = new FormClient();
        OidcClient.Authorization waiting = client.authorize(env.demoApp().redirectUri());
        HttpExpertpass.Panel panel = HttpExpertpass.panel(waitingBrowser, waitingBrowser.get(waiting.url()));

        int usersBefore = env.admin().get(REALM + "/users/count").asInt();
        int credentialsBefore =
                env.admin().get(REALM + "/users/" + userId + "/credentials").size();
        int mailsBefore = env.mail().all().size();

        List<String> strings = MalformedCorpus.strings();
        // The API first: the sweep's challenge must still be alive (its lifespan) when the real phone approves it.
        expertpassApi(panel, phone, strings);
        // The challenge survived every forged decision: the real phone approves it, and the browser signs in.
        ExpertpassCompanion.Result approved = phone.approve(panel.challengeUrl(), panel.code());
        assertEquals(200, approved.status(), approved.toString());
        HttpResponse<String> done = waitingBrowser.post(panel.continueAction(), Map.of("ordreExpertpass", "continue"));
        assertEquals(302, done.statusCode(), done.body());
        JsonNode tokens =
                client.exchange(waiting, done.headers().firstValue("Location").orElseThrow());
        assertEquals(
                username,
                OidcClient.claims(tokens.get("id_token").asText())
                        .get("preferred_username")
                        .asText());
        int credentialsAfterSignIn =
                env.admin().get(REALM + "/users/" + userId + "/credentials").size();

        registrationProfileStep(env, strings);
        registrationIdentifiantStep(env, strings);
        registrationNumeroStep(env, strings);
        forgotForm(env, strings);
        setPasswordLinks(env);

        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "Bad-input sweep: %d malformed requests in %.1f s, %d server errors%n",
                sent,
                seconds,
                failures.size());
        assertTrue(sent >= 500, "a corpus of at least 500 inputs: " + sent);
        assertTrue(failures.isEmpty(), failures.size() + " server errors:\n" + String.join("\n", failures));

        assertEquals(usersBefore, env.admin().get(REALM + "/users/count").asInt(), "no account made or removed");
        assertEquals(
                credentialsBefore,
                env.admin().get(REALM + "/users/" + userId + "/credentials").size(),
                "no device added or removed");
        assertEquals(mailsBefore, env.mail().all().size(), "no mail sent");
        assertEquals(credentialsBefore, credentialsAfterSignIn, "the genuine sign-in adds no credential either");
    }

    // ---------------------------------------------------------------- registration

    private void registrationProfileStep(TestEnvironment.Env env, List<String> corpus) {
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("step", "PROFILE");
        valid.put("profile", "etudiant");
        valid.put("profileDetail", "");
        valid.put("lastName", "Sweep");
        valid.put("firstName", "Alix");
        valid.put("birthDate", "01/02/2000");
        valid.put("email", "sweep-profile@example.org");
        for (String field :
                List.of("lastName", "firstName", "birthDate", "email", "profile", "profileDetail", "step")) {
            Registration r = new Registration(env);
            for (String bad : corpus) {
                Map<String, String> fields = new LinkedHashMap<>(valid);
                fields.put(field, bad);
                if (field.equals("profileDetail")) {
                    fields.put("profile", "autre");
                }
                HttpResponse<String> page = r.post(fields, "PROFILE " + field, bad);
                if (page != null && !"PROFILE".equals(step(page))) {
                    r.restart();
                }
            }
        }
    }

    private void registrationIdentifiantStep(TestEnvironment.Env env, List<String> corpus) {
        Registration r = new Registration(env);
        r.reachIdentifiant("sweep-identifiant@example.org");
        for (String bad : corpus) {
            if (bad.strip().toLowerCase(Locale.ROOT).matches("[a-z][a-z0-9._-]{3,29}")) {
                continue; // well-formed after trimming and lower-casing: not malformed for this field
            }
            HttpResponse<String> page =
                    r.post(Map.of("step", "IDENTIFIANT", "username", bad), "IDENTIFIANT username", bad);
            if (page != null && !"IDENTIFIANT".equals(step(page))) {
                failures.add("IDENTIFIANT accepted a malformed identifiant: " + show(bad) + " -> step " + step(page));
                r.reachIdentifiant("sweep-identifiant@example.org");
            }
        }
    }

    /** The optional numéro of a Tableau profile; well-formed ones are not malformed (and would count against the network's limit). */
    private void registrationNumeroStep(TestEnvironment.Env env, List<String> corpus) {
        Registration r = new Registration(env);
        Map<String, String> valid = new LinkedHashMap<>(Map.of(
                "step",
                "PROFILE",
                "profile",
                "expert-comptable",
                "profileDetail",
                "",
                "lastName",
                "Introuvable-Sweep",
                "firstName",
                "Alix",
                "birthDate",
                "01/02/1980",
                "email",
                "sweep-numero@example.org"));
        for (String bad : corpus) {
            String canonical = bad.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
            if (canonical.isEmpty() || canonical.matches("[A-Z0-9-]{3,20}")) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>(valid);
            fields.put("numero", bad);
            HttpResponse<String> page = r.post(fields, "PROFILE numero", bad);
            if (page != null && !"PROFILE".equals(step(page))) {
                failures.add("PROFILE accepted a malformed numéro: " + show(bad) + " -> step " + step(page));
                r.restart();
            }
        }
    }

    /** One registration over HTTP, kept at a step while malformed posts are refused. */
    private final class Registration {
        private final TestEnvironment.Env env;
        private FormClient form;
        private HttpResponse<String> page;

        Registration(TestEnvironment.Env env) {
            this.env = env;
            open();
        }

        private void open() {
            form = new FormClient();
            HttpResponse<String> login = form.get(
                    env.demoClient().authorize(env.demoApp().redirectUri()).url());
            page = form.get(FormClient.link(login, "login-actions/registration"));
        }

        HttpResponse<String> post(Map<String, String> fields, String target, String input) {
            if (step(page).isEmpty()) {
                open();
            }
            HttpResponse<String> response =
                    check(form.post(FormClient.formAction(page, "ordre-register-form"), fields), target, input);
            if (response.statusCode() == 200 && !step(response).isEmpty()) {
                page = response;
                return response;
            }
            open(); // an error page or a redirect: start a fresh registration for the next input
            return null;
        }

        void restart() {
            open();
        }

        void reachIdentifiant(String email) {
            open();
            Map<String, String> fields = new LinkedHashMap<>(Map.of(
                    "step",
                    "PROFILE",
                    "profile",
                    "etudiant",
                    "profileDetail",
                    "",
                    "lastName",
                    "Sweep",
                    "firstName",
                    "Alix",
                    "birthDate",
                    "01/02/2000",
                    "email",
                    email));
            page = form.post(FormClient.formAction(page, "ordre-register-form"), fields);
            assertEquals("IDENTIFIANT", step(page), page.body());
        }
    }

    // ---------------------------------------------------------------- forgot

    private void forgotForm(TestEnvironment.Env env, List<String> corpus) {
        FormClient form = new FormClient();
        HttpResponse<String> page = null;
        for (String bad : corpus) {
            if (page == null) {
                HttpResponse<String> login = form.get(
                        env.demoClient().authorize(env.demoApp().redirectUri()).url());
                page = form.get(FormClient.link(login, "login-actions/reset-credentials"));
            }
            HttpResponse<String> response = check(
                    form.post(FormClient.formAction(page, "ordre-forgot-form"), Map.of("username", bad)),
                    "forgot username",
                    bad);
            page = response.statusCode() == 200 && response.body().contains("ordre-forgot-form") ? response : null;
        }
    }

    // ---------------------------------------------------------------- Expertpass API

    private static String startBody(String tabId) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("tab", tabId));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void expertpassApi(HttpExpertpass.Panel panel, ExpertpassCompanion phone, List<String> corpus) {
        String api = panel.api();
        String challenge = panel.challengeUrl();
        List<String> bodies = MalformedCorpus.jsonBodies();
        for (String body : bodies) {
            check(HttpExpertpass.post(api + "/browser/wait", body), "wait body", body);
            check(HttpExpertpass.post(api + "/browser/rotate", body), "rotate body", body);
            check(HttpExpertpass.post(api + "/browser/start", body), "start body", body);
            check(HttpExpertpass.post(challenge + "/decision", body), "decision body", body);
            check(HttpExpertpass.post(api + "/devices", body), "devices body", body);
            check(HttpExpertpass.post(api + "/enrolments/" + "A".repeat(43), body), "enrol body", body);
        }
        // Ids as a forged or damaged QR would carry them.
        for (String bad : corpus) {
            String segment = UrlForm.encode(bad).replace("+", "%20");
            check(get(api + "/challenges/" + segment), "challenge id", bad);
            check(get(api + "/enrolments/" + segment), "enrolment id", bad);
            // A tab id as a page could be made to send it: refused as "gone", never a 5xx.
            check(HttpExpertpass.post(api + "/browser/start", startBody(bad)), "start tab", bad);
        }
        // Content types and methods the API does not take.
        String genuine = phone.decisionBody(challenge, panel.code(), "approve", ExpertpassCompanion.now());
        for (String type : List.of(
                "text/plain",
                "application/xml",
                "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded",
                "application/json; charset=ebcdic",
                "application/json; charset=utf-7",
                "*/*",
                "application/jsonx",
                "",
                "text/html")) {
            Map<String, String> headers = type.isEmpty() ? Map.of() : Map.of("Content-Type", type);
            check(
                    HttpExpertpass.post(challenge + "/decision", "{\"signature\":\"x\"}", headers),
                    "decision content type",
                    type);
            check(HttpExpertpass.post(api + "/browser/wait", "{\"watch\":\"x\"}", headers), "wait content type", type);
        }
        // The genuine decision with its signature damaged, or its fields changed under the signature: refused.
        String signature = HttpExpertpass.json(genuine).get("signature").asText();
        for (String bad : MalformedCorpus.signatures(signature)) {
            String body = genuine.replace(signature, bad);
            int status = check(HttpExpertpass.post(challenge + "/decision", body), "decision signature", bad)
                    .statusCode();
            if (status == 200) {
                failures.add("a damaged signature was accepted: " + bad);
            }
        }
        for (String[] change : List.of(
                new String[] {"\"approve\"", "\"deny\""},
                new String[] {"\"code\":\"" + panel.code() + "\"", "\"code\":\"1\""})) {
            int status = check(
                            HttpExpertpass.post(challenge + "/decision", genuine.replace(change[0], change[1])),
                            "decision field under signature",
                            change[1])
                    .statusCode();
            if (status == 200) {
                failures.add("a decision changed under its signature was accepted: " + change[1]);
            }
        }
    }

    private HttpResponse<String> get(String url) {
        try {
            return HttpExpertpass.HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- set-password links (JWS)

    private void setPasswordLinks(TestEnvironment.Env env) {
        String base = env.keycloak().realmUrl() + "/login-actions/action-token?client_id=comptexpert-demo&key=";
        for (String jws : MalformedCorpus.jws()) {
            check(new FormClient().get(base + UrlForm.encode(jws)), "action-token key", jws);
        }
    }

    // ---------------------------------------------------------------- helpers

    private HttpResponse<String> check(HttpResponse<String> response, String target, String input) {
        sent++;
        if (response.statusCode() >= 500) {
            failures.add(response.statusCode() + " for " + target + " = " + show(input) + ": "
                    + response.body()
                            .substring(0, Math.min(200, response.body().length()))
                            .replace('\n', ' '));
        }
        return response;
    }

    private static String show(String input) {
        String shown = input.length() > 60 ? input.substring(0, 60) + "…(" + input.length() + " chars)" : input;
        StringBuilder out = new StringBuilder();
        shown.codePoints()
                .forEach(c -> out.append(
                        c < 32 || c == 127 ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
        return "\"" + out + "\"";
    }

    private static String step(HttpResponse<String> page) {
        if (page == null) {
            return "";
        }
        Matcher m = STEP.matcher(page.body());
        return m.find() ? m.group(1) : "";
    }

    private static void createUser(TestEnvironment.Env env, String username) {
        Map<String, Object> user = Map.of(
                "username",
                username,
                "enabled",
                true,
                "email",
                username + "@example.org",
                "emailVerified",
                true,
                "firstName",
                "Sam",
                "lastName",
                "Sweep",
                "attributes",
                Map.of("ordreProfile", List.of("expert-comptable")),
                "requiredActions",
                List.of("ordre-expertpass-enrol"),
                "credentials",
                List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        HttpResponse<String> created = env.admin().post(REALM + "/users", user);
        assertEquals(201, created.statusCode(), created.body());
    }
}
