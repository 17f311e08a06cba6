package fr.ordre.comptexpert.companion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.function.UnaryOperator;

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

        /**
         * A challenge as shown: true when the server says this phone is not on the network of the browser that shows
         * the QR ({@code sameNetwork: false}), the proximity signal a relayed QR usually gives.
         */
        public boolean otherNetwork() {
            return body != null
                    && body.path("sameNetwork").isBoolean()
                    && !body.get("sameNetwork").asBoolean();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The API under an issuer (the realm's URL). */
    private static final String API_PATH = "/comptexpert/expertpass/v1";

    private final DeviceKey key;
    private final UnaryOperator<String> transport;

    public ExpertpassCompanion(DeviceKey key) {
        this(key, UnaryOperator.identity());
    }

    private ExpertpassCompanion(DeviceKey key, UnaryOperator<String> transport) {
        this.key = key;
        this.transport = transport;
    }

    public DeviceKey key() {
        return key;
    }

    /**
     * The same phone, its requests sent where {@code transport} says (tests: one node of a cluster behind its load
     * balancer). The pinned server is checked on the URL as the QR names it, before the transport.
     */
    public ExpertpassCompanion via(UnaryOperator<String> transport) {
        return new ExpertpassCompanion(key, transport);
    }

    /**
     * Enrols a new phone from the enrolment QR (its URL): fetches the nonce, signs it with a fresh key and posts the
     * public key. The server answers 202 {@code confirming}: the key is enrolled only once the person confirms this
     * device, by its name, on the browser's activation page; {@link Enrolment#awaitConfirmation} waits for that answer
     * and gives the companion holding the enrolled key (save it with {@link DeviceKey#save}).
     */
    public static Enrolment enrol(String enrolmentUrl, String deviceName) {
        return enrol(enrolmentUrl, deviceName, DeviceKey.generate(), UnaryOperator.identity());
    }

    /** The enrolment with a given key (tests: to replay a reference). */
    public static Enrolment enrol(String enrolmentUrl, String deviceName, DeviceKey fresh) {
        return enrol(enrolmentUrl, deviceName, fresh, UnaryOperator.identity());
    }

    /**
     * The enrolment, its requests sent through {@code transport}. The phone pins the server it enrols with: the
     * issuer the server states must be the one the QR names, and every later QR must name it too.
     */
    public static Enrolment enrol(
            String enrolmentUrl, String deviceName, DeviceKey fresh, UnaryOperator<String> transport) {
        Result info = get(transport.apply(enrolmentUrl));
        if (!info.ok()) {
            return new Enrolment(info, null, null);
        }
        if (info.field("status") != null && !"pending".equals(info.field("status"))) {
            // Another phone posted its key for this QR: the reference shows only its state.
            return new Enrolment(refused("enrolment_used", "This enrolment QR was already used: " + info), null, null);
        }
        String issuer = info.field("issuer");
        if (issuer == null || !enrolmentUrl.startsWith(issuer + API_PATH + "/enrolments/")) {
            return new Enrolment(
                    refused("foreign_host", "The enrolment QR does not name the server that answers it: " + issuer),
                    null,
                    null);
        }
        String ref = info.field("enrolment");
        String message =
                String.join("\n", "ordre-expertpass/v1/enrol", ref, info.field("nonce"), fresh.publicKey(), deviceName);
        ObjectNode body = JSON.createObjectNode()
                .put("deviceName", deviceName)
                .put("publicKey", fresh.publicKey())
                .put("signature", fresh.sign(message));
        Result posted = post(transport.apply(enrolmentUrl), body.toString());
        if (posted.status() != 202) {
            return new Enrolment(posted, null, null);
        }
        return new Enrolment(posted, null, new Pending(enrolmentUrl, issuer, fresh, transport));
    }

    /**
     * The state of an enrolment: the server's last answer; the enrolled companion once the browser confirmed it; while
     * the posted key waits for that confirmation, what is needed to ask again.
     */
    public record Enrolment(Result result, ExpertpassCompanion companion, Pending pending) {

        /** The key is posted and waits for "Activer « name » ?" on the browser's page (202 confirming). */
        public boolean awaitingConfirmation() {
            return pending != null;
        }

        /**
         * Asks the server every second, for at most {@code timeout}, until the browser answers: the enrolled companion
         * when it confirmed, else the server's refusal (410 {@code enrolment_refused} or {@code enrolment_expired}).
         */
        public Enrolment awaitConfirmation(Duration timeout) {
            if (pending == null) {
                return this;
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            Result state = get(pending.transport().apply(pending.url()));
            while (state.status() == 200
                    && "confirming".equals(state.field("status"))
                    && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                state = get(pending.transport().apply(pending.url()));
            }
            if (state.status() != 200 || !"done".equals(state.field("status"))) {
                return new Enrolment(state, null, "confirming".equals(state.field("status")) ? pending : null);
            }
            return new Enrolment(
                    state,
                    new ExpertpassCompanion(
                            pending.key()
                                    .enrolled(
                                            pending.issuer(),
                                            pending.issuer() + API_PATH,
                                            state.field("deviceId"),
                                            state.field("deviceName"),
                                            state.field("username")),
                            pending.transport()),
                    null);
        }
    }

    /** A posted key waiting for the browser's confirmation: the enrolment URL to ask, the pinned issuer, the key. */
    public record Pending(String url, String issuer, DeviceKey key, UnaryOperator<String> transport) {}

    /**
     * What the QR asks to approve: issuer, service, browser, OS, IP, time. A QR naming another server than the one
     * this phone enrolled with is refused here, without a request: it was relayed (error {@code foreign_host}).
     */
    public Result show(String challengeUrl) {
        if (!pinned(challengeUrl)) {
            return refused(
                    "foreign_host",
                    "This QR code names " + challengeUrl + ", not " + key.issuer()
                            + ": it was relayed, do not approve it.");
        }
        Result shown = get(transport.apply(challengeUrl));
        if (shown.ok() && !key.issuer().equals(shown.field("issuer"))) {
            return refused(
                    "foreign_issuer", "The server answers as " + shown.field("issuer") + ", not " + key.issuer());
        }
        return shown;
    }

    public Result approve(String challengeUrl, String code) {
        return decide(challengeUrl, code, "approve");
    }

    public Result deny(String challengeUrl) {
        return decide(challengeUrl, "0", "deny");
    }

    private Result decide(String challengeUrl, String code, String decision) {
        Result shown = show(challengeUrl);
        if (shown.status() == 0) {
            return shown;
        }
        // A QR the server no longer shows (decided, expired, unknown): the decision goes with an empty context, which
        // the server can never accept, so that its answer says why (409 already used, 410 expired, 404 unknown).
        JsonNode context = shown.ok()
                ? shown.body()
                : JSON.createObjectNode().put("challenge", challengeUrl.substring(challengeUrl.lastIndexOf('/') + 1));
        return post(transport.apply(challengeUrl + "/decision"), decisionBody(context, code, decision, now()));
    }

    /** The signed decision on what {@link #show} returned for it: {issuer, context, code, deviceId, decision, time, signature}. */
    public String decisionBody(String challengeUrl, String code, String decision, long time) {
        Result shown = show(challengeUrl);
        if (!shown.ok()) {
            throw new IllegalStateException("Cannot read " + challengeUrl + ": " + shown);
        }
        return decisionBody(shown.body(), code, decision, time);
    }

    /**
     * The signed decision on a context as shown (tests: a relay's invented one). It names the pinned issuer and the
     * digest of the shown context, so the server refuses it if it did not show that context itself.
     */
    public String decisionBody(JsonNode shown, String code, String decision, long time) {
        return decisionBody(key.issuer(), shown, code, decision, time);
    }

    /** The same, naming {@code issuer} (tests: a phone without a pinned server signs what a relay says). */
    public String decisionBody(String issuer, JsonNode shown, String code, String decision, long time) {
        String challenge = shown.path("challenge").asText();
        String context = contextDigest(
                issuer,
                challenge,
                shown.path("service").asText(),
                shown.path("browser").asText(),
                shown.path("os").asText(),
                shown.path("ip").asText(),
                shown.path("time").asText());
        String message = String.join(
                "\n",
                "ordre-expertpass/v1/decision",
                issuer,
                challenge,
                context,
                code,
                key.deviceId(),
                decision,
                Long.toString(time));
        return JSON.createObjectNode()
                .put("issuer", issuer)
                .put("context", context)
                .put("code", code)
                .put("deviceId", key.deviceId())
                .put("decision", decision)
                .put("time", time)
                .put("signature", key.sign(message))
                .toString();
    }

    /** SHA-256 of issuer, challenge, service, browser, OS, IP and time joined by '\n', base64url (as the server). */
    static String contextDigest(String... fields) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", fields).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean pinned(String challengeUrl) {
        String prefix = key.issuer() + API_PATH + "/challenges/";
        return challengeUrl.startsWith(prefix) && challengeUrl.indexOf('/', prefix.length()) < 0;
    }

    /** A refusal by the phone itself, shaped as the server's (status 0: nothing was sent). */
    private static Result refused(String error, String description) {
        return new Result(0, JSON.createObjectNode().put("error", error).put("error_description", description));
    }

    /** The user's enrolled phones, as the server knows them. */
    public Result devices() {
        return post(transport.apply(key.api() + "/devices"), devicesBody(now(), nonce()));
    }

    /** The signed devices request, as sent: {deviceId, time, nonce, signature}. */
    public String devicesBody(long time, String nonce) {
        return signedRequest("ordre-expertpass/v1/devices", time, nonce);
    }

    /** The holder's professional card: {card (JWS), reference, verifyUrl, issuedAt, expiresAt, holder}. */
    public Result card() {
        return post(transport.apply(key.api() + "/card"), cardBody(now()));
    }

    /** The signed card request, as sent: {deviceId, time, nonce, signature}, with a fresh nonce. */
    public String cardBody(long time) {
        return signedRequest("ordre-expertpass/v1/card", time, nonce());
    }

    /** A signed device request: the nonce, covered by the signature, makes it usable once. */
    private String signedRequest(String purpose, long time, String nonce) {
        String message = String.join("\n", purpose, key.deviceId(), Long.toString(time), nonce);
        return JSON.createObjectNode()
                .put("deviceId", key.deviceId())
                .put("time", time)
                .put("nonce", nonce)
                .put("signature", key.sign(message))
                .toString();
    }

    /** 128 bits from SecureRandom, base64url (22 characters). */
    public static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static long now() {
        return System.currentTimeMillis() / 1000;
    }

    public static Result get(String url) {
        return send(request(url).GET().build());
    }

    public static Result post(String url, String json) {
        return send(request(url)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
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
