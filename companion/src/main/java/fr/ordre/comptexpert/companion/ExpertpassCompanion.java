package fr.ordre.comptexpert.companion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * What the Expertpass app does, over the API v1 (docs/expertpass-openapi.yml). The signed strings are the
 * server's ({@code ExpertpassCrypto}): one purpose line, then the fields, joined by '\n'.
 */
public final class ExpertpassCompanion {

    /** An HTTP answer of the API: status and JSON body. */
    public record Result(int status, JsonNode body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        public String field(String name) {
            return body != null && body.hasNonNull(name) ? body.get(name).asText() : null;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final DeviceKey key;

    public ExpertpassCompanion(DeviceKey key) {
        this.key = key;
    }

    public DeviceKey key() {
        return key;
    }

    /**
     * Enrols a new phone from the enrolment QR (its URL): fetches the nonce, signs it with a fresh key and
     * registers the public key. The companion returned holds the enrolled key; save it with {@link DeviceKey#save}.
     */
    public static Enrolment enrol(String enrolmentUrl, String deviceName) {
        return enrol(enrolmentUrl, deviceName, DeviceKey.generate());
    }

    /** The enrolment with a given key (tests: to replay a reference). */
    public static Enrolment enrol(String enrolmentUrl, String deviceName, DeviceKey fresh) {
        Result info = get(enrolmentUrl);
        if (!info.ok()) {
            return new Enrolment(info, null);
        }
        String ref = info.field("enrolment");
        String message = String.join("\n", "ordre-expertpass/v1/enrol", ref, info.field("nonce"), fresh.publicKey(), deviceName);
        ObjectNode body = JSON.createObjectNode().put("deviceName", deviceName).put("publicKey", fresh.publicKey())
                .put("signature", fresh.sign(message));
        Result created = post(enrolmentUrl, body.toString());
        if (!created.ok()) {
            return new Enrolment(created, null);
        }
        String api = enrolmentUrl.substring(0, enrolmentUrl.lastIndexOf("/enrolments/"));
        return new Enrolment(created, new ExpertpassCompanion(
                fresh.enrolled(api, created.field("deviceId"), created.field("deviceName"), created.field("username"))));
    }

    /** The outcome of an enrolment: the server's answer, and the enrolled companion when it succeeded. */
    public record Enrolment(Result result, ExpertpassCompanion companion) {
    }

    /** What the QR asks to approve: service, browser, OS, IP, time. */
    public Result show(String challengeUrl) {
        return get(challengeUrl);
    }

    public Result approve(String challengeUrl, String code) {
        return post(challengeUrl + "/decision", decisionBody(challengeUrl, code, "approve", now()));
    }

    public Result deny(String challengeUrl) {
        return post(challengeUrl + "/decision", decisionBody(challengeUrl, "0", "deny", now()));
    }

    /** The signed decision, as sent: {code, deviceId, decision, time, signature}. */
    public String decisionBody(String challengeUrl, String code, String decision, long time) {
        String challenge = challengeUrl.substring(challengeUrl.lastIndexOf('/') + 1);
        String message = String.join("\n", "ordre-expertpass/v1/decision", challenge, code, key.deviceId(), decision,
                Long.toString(time));
        return JSON.createObjectNode().put("code", code).put("deviceId", key.deviceId()).put("decision", decision)
                .put("time", time).put("signature", key.sign(message)).toString();
    }

    /** The user's enrolled phones, as the server knows them. */
    public Result devices() {
        long time = now();
        String message = String.join("\n", "ordre-expertpass/v1/devices", key.deviceId(), Long.toString(time));
        return post(key.api() + "/devices", JSON.createObjectNode().put("deviceId", key.deviceId()).put("time", time)
                .put("signature", key.sign(message)).toString());
    }

    /** The holder's professional card: {card (JWS), reference, verifyUrl, issuedAt, expiresAt, holder}. */
    public Result card() {
        return post(key.api() + "/card", cardBody(now()));
    }

    /** The signed card request, as sent: {deviceId, time, signature}. */
    public String cardBody(long time) {
        String message = String.join("\n", "ordre-expertpass/v1/card", key.deviceId(), Long.toString(time));
        return JSON.createObjectNode().put("deviceId", key.deviceId()).put("time", time)
                .put("signature", key.sign(message)).toString();
    }

    public static long now() {
        return System.currentTimeMillis() / 1000;
    }

    public static Result get(String url) {
        return send(request(url).GET().build());
    }

    public static Result post(String url, String json) {
        return send(request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Sends the JVM's language as the app sends the phone's: the server's error_description comes in it (fr or en). */
    private static HttpRequest.Builder request(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        String language = Locale.getDefault().getLanguage();
        return language.isEmpty() ? builder : builder.header("Accept-Language", language);
    }

    private static Result send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = response.body().isBlank() ? null : JSON.readTree(response.body());
            } catch (IOException e) {
                body = JSON.createObjectNode().put("raw", response.body());
            }
            return new Result(response.statusCode(), body);
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
