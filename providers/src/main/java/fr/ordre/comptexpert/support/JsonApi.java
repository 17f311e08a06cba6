package fr.ordre.comptexpert.support;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.util.JsonSerialization;

/**
 * What every JSON API of ours (the app's, the card's) shares: bounded parsing and OAuth-style errors, never
 * cached, described in the request's language.
 */
public final class JsonApi {

    /** Larger bodies are refused unread: no request of ours comes near it. */
    static final int MAX_BODY = 8192;

    private JsonApi() {}

    /**
     * An error answer: {@code code} is stable, for programs; {@code error_description} is the message
     * {@code messageKey} of the bundles, in the language negotiated for this request.
     */
    public static Response error(
            KeycloakSession session, int status, String code, String messageKey, Object... params) {
        ApiMessages.Text description = ApiMessages.resolve(session, messageKey, params);
        return Response.status(status)
                .entity(Map.of("error", code, "error_description", description.text()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Content-Language", description.locale().toLanguageTag())
                .build();
    }

    /** A text for people inside a JSON answer, in the negotiated language; sets {@code Content-Language} on it. */
    public static Response.ResponseBuilder describe(
            Response.ResponseBuilder response,
            Map<String, Object> body,
            KeycloakSession session,
            String messageKey,
            Object... params) {
        ApiMessages.Text description = ApiMessages.resolve(session, messageKey, params);
        body.put("error_description", description.text());
        return response.header("Content-Language", description.locale().toLanguageTag());
    }

    /** A JSON object, or null for anything else (empty, too long, malformed, an array...). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String json) {
        if (json == null || json.isBlank() || json.length() > MAX_BODY) {
            return null;
        }
        try {
            Object value = JsonSerialization.readValue(json, Object.class);
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A non-blank string member, or null. */
    public static String text(Map<String, Object> object, String name) {
        return object != null && object.get(name) instanceof String s && !s.isBlank() ? s : null;
    }
}
