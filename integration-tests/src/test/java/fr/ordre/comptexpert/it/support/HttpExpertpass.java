package fr.ordre.comptexpert.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ordre.comptexpert.companion.ExpertpassCompanion;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expertpass without a browser, for many sign-ins at once: reads the panel of the login page (QR, code, watch
 * token) from the HTML as the page's script would, long-polls the wait endpoint, and submits "Continuer".
 */
public final class HttpExpertpass {

    private static final Pattern QR = Pattern.compile("id=\"ordre-expertpass-qr\"[^>]*src=\"data:image/svg\\+xml;base64,([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("id=\"ordre-expertpass-code\"[^>]*>\\s*([0-9]+)\\s*<");
    private static final Pattern WATCH = Pattern.compile("var watch = \"([^\"]+)\"");
    private static final Pattern API = Pattern.compile("var api = \"([^\"]+)\"");
    private static final Pattern SVG_SIZE = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern SVG_RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** The panel as a page shows it. */
    public record Panel(String challengeUrl, String code, String watch, String api, String continueAction) {
    }

    private HttpExpertpass() {
    }

    public static Panel panel(HttpResponse<String> page) {
        String html = page.body();
        String svg = new String(Base64.getDecoder().decode(group(QR, html, page)), StandardCharsets.UTF_8);
        return new Panel(decodeSvg(svg), group(CODE, html, page), unescape(group(WATCH, html, page)),
                unescape(group(API, html, page)), FormClient.formAction(page, "ordre-expertpass-form"));
    }

    private static String unescape(String js) {
        return js.replace("\\/", "/").replace("\\x2F", "/").replace("\\u002F", "/");
    }

    private static String group(Pattern pattern, String html, HttpResponse<String> page) {
        Matcher m = pattern.matcher(html);
        if (!m.find()) {
            throw new AssertionError("No " + pattern + " in " + page.statusCode() + " " + page.uri() + ":\n" + html);
        }
        return m.group(1);
    }

    /** Renders the page's SVG QR (runs of dark modules) as a PNG, 4 pixels per module, for the decoder. */
    public static byte[] png(String svg) {
        return png(svg, 4);
    }

    /**
     * Decodes the page's SVG QR exactly: the dark runs give the module matrix, read by ZXing's QR decoder
     * itself (no image detection, which misreads a few synthetic renderings).
     */
    public static String decodeSvg(String svg) {
        Matcher size = SVG_SIZE.matcher(svg);
        if (!size.find()) {
            throw new IllegalArgumentException("Not the Expertpass SVG QR");
        }
        int modules = Integer.parseInt(size.group(1));
        java.util.List<int[]> runs = new java.util.ArrayList<>();
        int quiet = Integer.MAX_VALUE;
        Matcher run = SVG_RUN.matcher(svg);
        while (run.find()) {
            int[] r = {Integer.parseInt(run.group(1)), Integer.parseInt(run.group(2)), Integer.parseInt(run.group(3))};
            runs.add(r);
            quiet = Math.min(quiet, Math.min(r[0], r[1]));
        }
        com.google.zxing.common.BitMatrix matrix = new com.google.zxing.common.BitMatrix(modules - 2 * quiet);
        for (int[] r : runs) {
            matrix.setRegion(r[0] - quiet, r[1] - quiet, r[2], 1);
        }
        try {
            return new com.google.zxing.qrcode.decoder.Decoder().decode(matrix).getText();
        } catch (com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            throw new IllegalArgumentException("Unreadable Expertpass QR", e);
        }
    }

    static byte[] png(String svg, int scale) {
        Matcher size = SVG_SIZE.matcher(svg);
        if (!size.find()) {
            throw new IllegalArgumentException("Not the Expertpass SVG QR: " + svg.substring(0, Math.min(120, svg.length())));
        }
        int modules = Integer.parseInt(size.group(1));
        BufferedImage image = new BufferedImage(modules * scale, modules * scale, BufferedImage.TYPE_BYTE_GRAY);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(java.awt.Color.BLACK);
        Matcher run = SVG_RUN.matcher(svg);
        while (run.find()) {
            g.fillRect(Integer.parseInt(run.group(1)) * scale, Integer.parseInt(run.group(2)) * scale,
                    Integer.parseInt(run.group(3)) * scale, scale);
        }
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(builder, headers);
    }

    public static HttpResponse<String> get(String url, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET(), headers);
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
    public static ExpertpassCompanion enrol(FormClient form, String authorizationUrl, String username, String password,
                                     java.util.function.UnaryOperator<String> route) {
        HttpResponse<String> login = form.get(authorizationUrl);
        HttpResponse<String> posted = form.post(FormClient.formAction(login, "kc-form-login"),
                Map.of("username", username, "password", password, "credentialId", ""));
        HttpResponse<String> page = posted.statusCode() == 302
                ? form.get(posted.uri().resolve(posted.headers().firstValue("Location").orElseThrow()).toString()) : posted;
        String svg = new String(Base64.getDecoder().decode(group(QR, page.body(), page)), StandardCharsets.UTF_8);
        String enrolmentUrl = route.apply(decodeSvg(svg));
        ExpertpassCompanion.Enrolment enrolment = ExpertpassCompanion.enrol(enrolmentUrl, "Phone of " + username);
        if (enrolment.result().status() != 201) {
            throw new AssertionError("Enrolment of " + username + ": " + enrolment.result());
        }
        // "Continuer", as the page's script does once the phone is enrolled: the required action is done.
        HttpResponse<String> done = form.post(FormClient.formAction(page, "ordre-expertpass-form"), Map.of());
        if (done.statusCode() != 302) {
            throw new AssertionError("The enrolment page did not move on for " + username + ": " + done.statusCode() + "\n" + done.body());
        }
        return enrolment.companion();
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
