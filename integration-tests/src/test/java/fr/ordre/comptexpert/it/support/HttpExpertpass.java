package fr.ordre.comptexpert.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ordre.comptexpert.companion.DeviceKey;
import fr.ordre.comptexpert.companion.ExpertpassCompanion;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Expertpass without a browser, for many sign-ins at once: reads the panel of the login page (QR, code, watch
 * token) from the HTML as the page's script would, long-polls the wait endpoint, and submits "Continuer".
 */
public final class HttpExpertpass {

    private static final Pattern QR =
            Pattern.compile("id=\"ordre-expertpass-qr\"[^>]*src=\"(data:image/png;base64,[^\"]+)\"");
    private static final String PNG_DATA_URI = "data:image/png;base64,";
    private static final Pattern CODE = Pattern.compile("id=\"ordre-expertpass-code\"[^>]*>\\s*([0-9]+)\\s*<");
    private static final Pattern WATCH = Pattern.compile("data-watch=\"([^\"]+)\"");
    private static final Pattern TAB_ID = Pattern.compile("[?&]tab_id=([^&]+)");
    private static final Pattern API = Pattern.compile("data-api=\"([^\"]+)\"");
    /** A login page's panel is not in the page: its script is, from the API (ordre-expertpass-panel.ftl). */
    private static final Pattern SCRIPT_API = Pattern.compile("<script src=\"([^\"]+)/browser/panel\\.js\\?");
    /** The quiet zone the server draws around the code, in modules (ExpertpassQr). */
    private static final int QUIET_ZONE = 4;

    private static final ObjectMapper JSON = Json.MAPPER;
    public static final HttpClient HTTP = Http.newClient();

    /** The panel as a page shows it. */
    public record Panel(String challengeUrl, String code, String watch, String api, String continueAction) {}

    private HttpExpertpass() {}

    public static Panel panel(FormClient browser, HttpResponse<String> page) {
        return panel(browser, page, url -> url);
    }

    /**
     * The panel of {@code browser}'s page once shown: a login page comes without a QR, and its script asks for one
     * when the panel comes into view, with the browser's cookies and the sign-in form's tab id; here at once, through
     * {@code route}. A page that already shows its QR is read as it is.
     */
    public static Panel panel(
            FormClient browser, HttpResponse<String> page, java.util.function.UnaryOperator<String> route) {
        String html = page.body();
        // The slot names the script from the site's root: resolved as the browser does.
        String api = page.uri()
                .resolve(FormClient.unescape(group(API.matcher(html).find() ? API : SCRIPT_API, html, page)))
                .toString();
        String continueAction = continueAction(page);
        if (WATCH.matcher(html).find()) {
            return new Panel(
                    decodeDataUri(group(QR, html, page)),
                    group(CODE, html, page),
                    FormClient.unescape(group(WATCH, html, page)),
                    api,
                    continueAction);
        }
        HttpResponse<String> started = start(browser, route.apply(api + "/browser/start"), tabId(continueAction));
        JsonNode shown = json(started.body());
        if (started.statusCode() != 200
                || !"pending".equals(shown.path("status").asText())) {
            throw new AssertionError("start gave " + started.statusCode() + ": " + started.body());
        }
        return new Panel(
                decodeDataUri(shown.get("qr").asText()),
                shown.get("code").asText(),
                shown.get("watch").asText(),
                api,
                continueAction);
    }

    /** What the panel's script sends to start: the tab id of the sign-in form's action (ordre-expertpass.js). */
    public static HttpResponse<String> start(FormClient browser, String url, String tabId) {
        return browser.postJson(url, "{\"tab\":\"" + tabId + "\"}");
    }

    /** The tab id in a login action's address, as the panel's script reads it. */
    public static String tabId(String action) {
        Matcher m = TAB_ID.matcher(action);
        if (!m.find()) {
            throw new AssertionError("No tab_id in " + action);
        }
        return m.group(1);
    }

    /**
     * Where the panel's "Continuer" posts: its own form on a page that shows its QR; on a login page, whose panel
     * the script puts in, where the page's sign-in form posts (ordre-expertpass.js does the same).
     */
    public static String continueAction(HttpResponse<String> page) {
        return FormClient.formAction(
                page, page.body().contains("id=\"ordre-expertpass-form\"") ? "ordre-expertpass-form" : "kc-form-login");
    }

    /** The QR of the page (or of a rotation's answer): its img's data URI, as the server draws it. */
    public static String qrOf(String html) {
        Matcher m = QR.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No Expertpass QR in the page");
        }
        return decodeDataUri(m.group(1));
    }

    private static String group(Pattern pattern, String html, HttpResponse<String> page) {
        Matcher m = pattern.matcher(html);
        if (!m.find()) {
            throw new AssertionError("No " + pattern + " in " + page.statusCode() + " " + page.uri() + ":\n" + html);
        }
        return m.group(1);
    }

    /**
     * Decodes the server's QR exactly: the PNG has one pixel per module, so its pixels (quiet zone cut) are the module
     * matrix, read by ZXing's QR decoder itself (no image detection to misread a synthetic image).
     */
    public static String decodeDataUri(String dataUri) {
        if (!dataUri.startsWith(PNG_DATA_URI)) {
            throw new IllegalArgumentException(
                    "Not the Expertpass PNG QR: " + dataUri.substring(0, Math.min(40, dataUri.length())));
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new java.io.ByteArrayInputStream(
                    Base64.getDecoder().decode(dataUri.substring(PNG_DATA_URI.length()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int modules = image.getWidth() - 2 * QUIET_ZONE;
        com.google.zxing.common.BitMatrix matrix = new com.google.zxing.common.BitMatrix(modules);
        for (int y = 0; y < modules; y++) {
            for (int x = 0; x < modules; x++) {
                if ((image.getRGB(x + QUIET_ZONE, y + QUIET_ZONE) & 0xff) < 128) {
                    matrix.set(x, y);
                }
            }
        }
        try {
            return new com.google.zxing.qrcode.decoder.Decoder().decode(matrix).getText();
        } catch (com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            throw new IllegalArgumentException("Unreadable Expertpass QR", e);
        }
    }

    /** One long-poll of the page: the status the server answers ("pending" after its timeout). */
    public static String await(String api, String watch) {
        HttpResponse<String> response = post(api + "/browser/wait", "{\"watch\":\"" + watch + "\"}");
        if (response.statusCode() != 200) {
            throw new AssertionError("wait gave " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body()).get("status").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HttpResponse<String> post(String url, String json) {
        return post(url, json, Map.of("Content-Type", "application/json"));
    }

    public static HttpResponse<String> post(String url, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(builder, headers);
    }

    public static HttpResponse<String> get(String url, Map<String, String> headers) {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(60))
                        .GET(),
                headers);
    }

    private static HttpResponse<String> send(HttpRequest.Builder builder, Map<String, String> headers) {
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signs in with the password over HTTP and enrols a new phone on the "Activer Expertpass" page that
     * follows (required action ordre-expertpass-enrol).
     */
    public static ExpertpassCompanion enrol(
            FormClient form,
            String authorizationUrl,
            String username,
            String password,
            java.util.function.UnaryOperator<String> route) {
        HttpResponse<String> login = form.get(authorizationUrl);
        HttpResponse<String> posted = form.post(
                FormClient.formAction(login, "kc-form-login"),
                Map.of("username", username, "password", password, "credentialId", ""));
        HttpResponse<String> page = posted.statusCode() == 302
                ? form.get(posted.uri()
                        .resolve(posted.headers().firstValue("Location").orElseThrow())
                        .toString())
                : posted;
        String enrolmentUrl = decodeDataUri(group(QR, page.body(), page));
        ExpertpassCompanion.Enrolment enrolment =
                ExpertpassCompanion.enrol(enrolmentUrl, "Phone of " + username, DeviceKey.generate(), route);
        if (!enrolment.awaitingConfirmation()) {
            throw new AssertionError("Enrolment of " + username + ": " + enrolment.result());
        }
        // "Continuer", as the page's script does once the phone has posted its key: the page asks "Activer « name » ?".
        HttpResponse<String> question = form.post(FormClient.formAction(page, "ordre-expertpass-form"), Map.of());
        if (!question.body().contains("ordre-expertpass-confirm-question")) {
            throw new AssertionError(
                    "No confirmation asked for " + username + ": " + question.statusCode() + "\n" + question.body());
        }
        HttpResponse<String> done =
                form.post(FormClient.formAction(question, "ordre-expertpass-form"), Map.of("confirm", "true"));
        if (done.statusCode() != 302) {
            throw new AssertionError("The enrolment page did not move on for " + username + ": " + done.statusCode()
                    + "\n" + done.body());
        }
        ExpertpassCompanion.Enrolment confirmed = enrolment.awaitConfirmation(Duration.ofSeconds(20));
        if (confirmed.companion() == null) {
            throw new AssertionError("Enrolment of " + username + " not confirmed: " + confirmed.result());
        }
        return confirmed.companion();
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
