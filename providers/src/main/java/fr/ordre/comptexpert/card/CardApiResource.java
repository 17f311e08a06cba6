package fr.ordre.comptexpert.card;

import fr.ordre.comptexpert.expertpass.ExpertpassCrypto;
import fr.ordre.comptexpert.expertpass.SignedDeviceRequest;
import fr.ordre.comptexpert.support.JsonApi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * POST {@code /realms/{realm}/comptexpert/expertpass/v1/card}: the app fetches its holder's professional card,
 * with a request signed by the device key like every other call of the Expertpass API v1.
 */
public final class CardApiResource {

    private static final Logger LOG = Logger.getLogger(CardApiResource.class);

    private final KeycloakSession session;
    private final RealmModel realm;

    public CardApiResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(String json) {
        Optional<SignedDeviceRequest.Fields> fields = SignedDeviceRequest.Fields.parse(json);
        if (fields.isEmpty()) {
            return JsonApi.error(session, 400, "invalid_request", "ordreApiSignedRequestInvalid");
        }
        SignedDeviceRequest.Fields f = fields.get();
        EventBuilder event = new EventBuilder(
                        realm, session, session.getContext().getConnection())
                .event(EventType.VERIFIABLE_CREDENTIAL_REQUEST)
                .detail(CardEvents.DETAIL, "issue");
        SignedDeviceRequest.Outcome signed = SignedDeviceRequest.verify(
                session, realm, f, ExpertpassCrypto.cardMessage(f.deviceId(), f.time(), f.nonce()));
        if (signed.user() != null) {
            event.user(signed.user());
        }
        if (!signed.accepted()) {
            return switch (signed.refusal()) {
                case UNKNOWN_DEVICE -> {
                    event.error(CardEvents.UNKNOWN_DEVICE);
                    yield JsonApi.error(session, 403, "unknown_device", "ordreApiDeviceUnknown");
                }
                case BAD_SIGNATURE -> {
                    event.detail("credential_id", signed.credentialId()).error(CardEvents.BAD_SIGNATURE);
                    yield JsonApi.error(session, 403, "bad_signature", "ordreApiBadSignature");
                }
                case STALE_TIME -> {
                    event.detail("credential_id", signed.credentialId()).error(CardEvents.STALE_TIME);
                    yield JsonApi.error(session, 400, "stale_time", "ordreApiStaleTime");
                }
                case REPLAY -> {
                    event.detail("credential_id", signed.credentialId()).error(CardEvents.REPLAY);
                    yield JsonApi.error(session, 409, "already_used", "ordreApiRequestReplayed");
                }
            };
        }
        UserModel user = signed.user();
        event.detail("credential_id", signed.credentialId());
        CardIssuer.Issued issued = new CardIssuer(session, realm).issue(user, CardConfig.of(realm));
        if (issued.refusal() == CardIssuer.Refusal.INELIGIBLE) {
            event.error(CardEvents.INELIGIBLE);
            LOG.infof(
                    "No professional card for user %s in realm %s: profile not eligible",
                    user.getUsername(), realm.getName());
            return JsonApi.error(session, 403, "ineligible", "ordreApiCardIneligible");
        }
        if (issued.refusal() == CardIssuer.Refusal.NOT_REGISTERED) {
            event.error(CardEvents.NOT_REGISTERED);
            LOG.warnf(
                    "No professional card for user %s in realm %s: no active Tableau entry",
                    user.getUsername(), realm.getName());
            return JsonApi.error(session, 403, "not_registered", "ordreApiCardNotRegistered");
        }
        ProfessionalCard card = issued.card();
        new CardReferences(session).save(card, issued.jws());
        event.detail("token_id", card.id())
                .detail("expires_at", Long.toString(card.expiresAt()))
                .success();
        LOG.debugf(
                "Professional card %s issued to user %s in realm %s", card.id(), user.getUsername(), realm.getName());

        Map<String, Object> holder = new LinkedHashMap<>(card.claims());
        holder.keySet().removeAll(java.util.Set.of("iss", "sub", "aud", "typ", "jti", "iat", "exp"));
        holder.put(
                "profilLabels",
                Map.of("fr", issued.profile().labelFr(), "en", issued.profile().labelEn()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("card", issued.jws());
        body.put("reference", card.id());
        body.put("verifyUrl", CardPage.url(session, realm, card.id()));
        body.put("issuedAt", card.issuedAt());
        body.put("expiresAt", card.expiresAt());
        body.put("holder", holder);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .build();
    }
}
