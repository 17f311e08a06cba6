package fr.ordre.comptexpert.card;

import fr.ordre.comptexpert.profile.OrdreProfile;
import fr.ordre.comptexpert.support.JsonApi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The public check of a professional card, at {@code /realms/{realm}/comptexpert/carte?c=...} (what the card's
 * QR code opens, in the visitor's language) and as JSON at {@code .../carte/verify?c=...} (or the page's URL
 * with {@code Accept: application/json}). {@code c} is the card's short reference or the card itself (JWS).
 * Rate-limited per client IP. Shows only what the Tableau shows publicly: never birth date, email nor identifiant.
 */
public final class CardPage {

    static final String TEMPLATE = "ordre-card.ftl";
    private static final Logger LOG = Logger.getLogger(CardPage.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final KeycloakSession session;
    private final RealmModel realm;

    public CardPage(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    /** The verification URL of a card, as its QR code carries it. */
    static String url(KeycloakSession session, RealmModel realm, String reference) {
        return UriBuilder.fromUri(session.getContext().getUri().getBaseUri())
                .path("realms")
                .path(realm.getName())
                .path("comptexpert")
                .path("carte")
                .queryParam("c", reference)
                .build()
                .toString();
    }

    @GET
    public Response page(@QueryParam("c") String c, @jakarta.ws.rs.core.Context HttpHeaders headers) {
        if (wantsJson(headers)) {
            return json(c);
        }
        Check check = check(c);
        Locale locale = session.getContext().resolveLocale(null);
        Model model = Model.of(check, locale);
        LoginFormsProvider form = session.getProvider(LoginFormsProvider.class).setAttribute("ordreCard", model);
        int status = check.httpStatus();
        Response page = form.setStatus(Response.Status.fromStatusCode(status)).createForm(TEMPLATE);
        return secured(Response.fromResponse(page), check).build();
    }

    @GET
    @Path("verify")
    public Response json(@QueryParam("c") String c) {
        Check check = check(c);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", check.code());
        body.put("checkedAt", check.checkedAt());
        Response.ResponseBuilder response = Response.status(check.httpStatus());
        if (check.retryAfter() > 0) {
            body.put("retryAfter", check.retryAfter());
            JsonApi.describe(response, body, session, "ordreCardRateLimited", check.retryAfter());
        }
        CardVerifier.Verdict verdict = check.verdict();
        if (verdict != null && verdict.status() == CardVerifier.Status.EXPIRED) {
            body.put("expiresAt", verdict.card().expiresAt());
        }
        if (verdict != null && verdict.status() == CardVerifier.Status.VALID) {
            ProfessionalCard card = verdict.card();
            Map<String, Object> holder = new LinkedHashMap<>();
            holder.put("nom", card.nom());
            holder.put("prenom", card.prenom());
            holder.put("profil", card.profil());
            holder.put(
                    "profilLabels",
                    Map.of(
                            "fr",
                            verdict.profile().labelFr(),
                            "en",
                            verdict.profile().labelEn()));
            if (card.numero() != null) {
                holder.put("numero", card.numero());
                holder.put("conseil", card.conseil());
            }
            holder.put("statut", card.statut());
            holder.put("issuedAt", card.issuedAt());
            holder.put("expiresAt", card.expiresAt());
            body.put("card", holder);
        }
        return secured(response.entity(body).type(MediaType.APPLICATION_JSON_TYPE), check)
                .build();
    }

    private static Response.ResponseBuilder secured(Response.ResponseBuilder response, Check check) {
        response.header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex, nofollow");
        if (check.retryAfter() > 0) {
            response.header("Retry-After", Long.toString(check.retryAfter()));
        }
        return response;
    }

    private static boolean wantsJson(HttpHeaders headers) {
        List<MediaType> accepted = headers == null ? List.of() : headers.getAcceptableMediaTypes();
        return !accepted.isEmpty()
                && accepted.get(0).isCompatible(MediaType.APPLICATION_JSON_TYPE)
                && !accepted.get(0).isWildcardType();
    }

    /** One verification: rate limit, then the live check, then its event. */
    private Check check(String c) {
        long now = System.currentTimeMillis() / 1000;
        EventBuilder event = new EventBuilder(
                        realm, session, session.getContext().getConnection())
                .event(EventType.INTROSPECT_TOKEN)
                .detail(CardEvents.DETAIL, "verify");
        String ip = session.getContext().getConnection().getRemoteAddr();
        long wait = new VerificationRateLimit(session).acquire(ip, CardConfig.of(realm));
        if (wait > 0) {
            event.error(CardEvents.RATE_LIMITED);
            LOG.debugf("Card verification rate-limited for %s in realm %s", ip, realm.getName());
            return new Check(null, now, wait, false);
        }
        if (c == null || c.isBlank()) {
            return new Check(null, now, 0, true);
        }
        CardVerifier.Verdict verdict = new CardVerifier(session, realm).verify(c);
        if (verdict.user() != null) {
            event.user(verdict.user());
        }
        if (verdict.card() != null) {
            event.detail("token_id", verdict.card().id());
        }
        event.detail(CardEvents.REASON, verdict.reason());
        switch (verdict.status()) {
            case VALID -> event.success();
            case EXPIRED -> event.error(CardEvents.EXPIRED);
            case INVALID -> event.error(CardEvents.INVALID);
            case NOT_REGISTERED -> event.error(CardEvents.NOT_REGISTERED);
        }
        return new Check(verdict, now, 0, false);
    }

    /** The outcome shown: a verdict, or a rate-limit refusal, or no card given. */
    record Check(CardVerifier.Verdict verdict, long checkedAt, long retryAfter, boolean missing) {
        String code() {
            if (retryAfter > 0) {
                return "rate_limited";
            }
            if (missing) {
                return "missing";
            }
            return verdict.status().name().toLowerCase(Locale.ROOT);
        }

        int httpStatus() {
            return retryAfter > 0 ? 429 : missing ? 400 : 200;
        }
    }

    /** What ordre-card.ftl shows; a bean so FreeMarker reads it with getters. */
    public static final class Model {
        private final String status;
        private final String nom;
        private final String prenom;
        private final String profile;
        private final String numero;
        private final String conseil;
        private final boolean permanent;
        private final String issuedAt;
        private final String expiresAt;
        private final String checkedAt;
        private final long retryAfter;

        private Model(
                String status,
                ProfessionalCard card,
                OrdreProfile profile,
                Locale locale,
                long checkedAt,
                long retryAfter) {
            DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                    .withLocale(locale);
            boolean valid = "valid".equals(status);
            this.status = status;
            // Only a valid card shows who it names: an expired, forged or revoked one says nothing about anyone.
            this.nom = valid ? card.nom() : null;
            this.prenom = valid ? card.prenom() : null;
            this.profile = valid ? profile.label(locale) : null;
            this.numero = valid ? card.numero() : null;
            this.conseil = valid ? card.conseil() : null;
            this.permanent = valid && card.permanent();
            this.issuedAt =
                    valid ? format.format(Instant.ofEpochSecond(card.issuedAt()).atZone(PARIS)) : null;
            this.expiresAt = card != null && (valid || "expired".equals(status))
                    ? format.format(Instant.ofEpochSecond(card.expiresAt()).atZone(PARIS))
                    : null;
            this.checkedAt = format.format(Instant.ofEpochSecond(checkedAt).atZone(PARIS));
            this.retryAfter = retryAfter;
        }

        static Model of(Check check, Locale locale) {
            CardVerifier.Verdict v = check.verdict();
            return new Model(
                    check.code(),
                    v == null ? null : v.card(),
                    v == null ? null : v.profile(),
                    locale,
                    check.checkedAt(),
                    check.retryAfter());
        }

        public String getStatus() {
            return status;
        }

        public String getNom() {
            return nom;
        }

        public String getPrenom() {
            return prenom;
        }

        public String getProfile() {
            return profile;
        }

        public String getNumero() {
            return numero;
        }

        public String getConseil() {
            return conseil;
        }

        public boolean isPermanent() {
            return permanent;
        }

        public String getIssuedAt() {
            return issuedAt;
        }

        public String getExpiresAt() {
            return expiresAt;
        }

        public String getCheckedAt() {
            return checkedAt;
        }

        public long getRetryAfter() {
            return retryAfter;
        }
    }
}
