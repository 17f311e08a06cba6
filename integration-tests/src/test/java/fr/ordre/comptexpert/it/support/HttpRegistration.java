package fr.ordre.comptexpert.it.support;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person registering over plain HTTP (by default profile étudiant: no register check), every request sent
 * to one node through {@code route}. Keeps every status code the person saw and the page's step and message.
 */
public final class HttpRegistration {

    private static final Pattern STEP = Pattern.compile("name=\"step\" value=\"([A-Z]+)\"");

    public final String username;
    public final String email;
    public final List<Integer> statuses = new ArrayList<>();
    /** When each request was sent (System.nanoTime), in the order of {@link #statuses}. */
    public final List<Long> sentAt = new ArrayList<>();
    /** Every page the person saw, in order. */
    public final List<HttpResponse<String>> pages = new ArrayList<>();

    private final FormClient form = new FormClient();
    private final UnaryOperator<String> route;
    private final Map<String, String> identity = new LinkedHashMap<>(Map.of(
            "profile",
            "etudiant",
            "profileDetail",
            "",
            "lastName",
            "Charge",
            "firstName",
            "Zoé",
            "birthDate",
            "09/10/2002",
            "numero",
            ""));
    public HttpResponse<String> last;
    private long sending;
    public Throwable failure;

    public HttpRegistration(String username, String email, UnaryOperator<String> route) {
        this.username = username;
        this.email = email;
        this.route = route;
    }

    /** Step 1's answers other than the email (profile, lastName, firstName, birthDate, numero, profileDetail). */
    public HttpRegistration as(Map<String, String> fields) {
        identity.putAll(fields);
        return this;
    }

    /** Profile step then identifiant step; stops at the first page that is not the expected one. */
    public HttpRegistration run(String authorizationUrl) {
        try {
            HttpResponse<String> login = see(form.get(sending(route.apply(authorizationUrl))));
            if (login.statusCode() != 200) {
                return this;
            }
            HttpResponse<String> profile =
                    see(form.get(sending(route.apply(FormClient.link(login, "login-actions/registration")))));
            if (!"PROFILE".equals(step())) {
                return this;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("step", "PROFILE");
            fields.putAll(identity);
            fields.put("email", email);
            HttpResponse<String> identifiant = see(form.post(action(profile), fields));
            if (!"IDENTIFIANT".equals(step())) {
                return this;
            }
            see(form.post(action(identifiant), Map.of("step", "IDENTIFIANT", "username", username)));
        } catch (RuntimeException e) {
            failure = e;
        }
        return this;
    }

    /** "Renvoyer l'e-mail" on the last page. */
    public HttpRegistration resend() {
        see(form.post(action(last), Map.of("step", "SENT")));
        return this;
    }

    private String action(HttpResponse<String> page) {
        return sending(route.apply(FormClient.formAction(page, "ordre-register-form")));
    }

    /** Notes the time the next request is sent; returns its URL. */
    private String sending(String url) {
        sending = System.nanoTime();
        return url;
    }

    private HttpResponse<String> see(HttpResponse<String> response) {
        sentAt.add(sending);
        statuses.add(response.statusCode());
        pages.add(response);
        last = response;
        return response;
    }

    public String step() {
        if (last == null) {
            return "";
        }
        Matcher m = STEP.matcher(last.body());
        return m.find() ? m.group(1) : "";
    }

    public boolean sent() {
        return "SENT".equals(step());
    }

    public boolean mailFailed() {
        return last != null && last.body().contains("pas pu être envoyé");
    }

    public boolean any5xx() {
        return statuses.stream().anyMatch(s -> s >= 500);
    }

    /** Whether a request sent at or after {@code nanos} (System.nanoTime) got a 5xx. */
    public boolean any5xxSentAfter(long nanos) {
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i) >= 500 && sentAt.get(i) >= nanos) {
                return true;
            }
        }
        return false;
    }

    /** What the person saw last, in short, for reports. */
    public String summary() {
        String title = "";
        if (last != null) {
            Matcher m = Pattern.compile("<title>([^<]*)</title>").matcher(last.body());
            title = m.find() ? m.group(1).strip() : "";
            Matcher alert = Pattern.compile("kc-feedback-text\">([^<]*)<|pf-v5-c-alert__title[^>]*>([^<]*)<")
                    .matcher(last.body());
            if (alert.find()) {
                title += " / " + (alert.group(1) != null ? alert.group(1) : alert.group(2)).strip();
            }
        }
        return username + " statuses=" + statuses + " step=" + step() + " page=" + title
                + (failure == null ? "" : " failure=" + failure);
    }
}
