package fr.ordre.comptexpert.expertpass;

import fr.ordre.comptexpert.expertpass.ExpertpassEntry.Challenge;
import fr.ordre.comptexpert.support.JsonApi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The sign-in and enrolment pages' calls, at {@code /realms/{realm}/comptexpert/expertpass/v1/browser}: the panel's
 * markup ({@code panel.js}), its first QR ({@code start}), the wait for the phone's decision ({@code wait}) and a new QR when one expires
 * ({@code rotate}). They are authenticated by what only the page's browser holds: its login attempt's cookie (with
 * the page's tab id) to start, then the watch token of the QR it shows, which no QR contains.
 */
public final class ExpertpassBrowserApi {

    /** One long-poll; the page asks again at once. Below common proxy idle timeouts. */
    static final long WAIT_SECONDS = 25;
    /** A rotation may come this early, for clocks of cluster nodes that differ slightly; the page asks at expiry. */
    static final long ROTATE_EARLY_SECONDS = 5;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ExpertpassStore store;

    public ExpertpassBrowserApi(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.store = new ExpertpassStore(session);
    }

    /**
     * Long-poll: answers as soon as the challenge (or enrolment) is decided on any node, when it expires,
     * or after {@value #WAIT_SECONDS} s. No thread is held while waiting.
     */
    @POST
    @Path("wait")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> await(String json) {
        Optional<ExpertpassStore.Watch> watch =
                ExpertpassStore.Watch.parse(JsonApi.text(JsonApi.parseObject(json), "watch"));
        if (watch.isEmpty()) {
            return CompletableFuture.completedFuture(status(ExpertpassStatus.GONE));
        }
        CompletableFuture<ExpertpassStatus> wakeup =
                ExpertpassWakeups.INSTANCE.await(watch.get().id());
        // Read after registering: a decision committed in between is seen here or wakes the future.
        Optional<? extends ExpertpassEntry> entry =
                store.watched(watch.get()).filter(e -> realm.getId().equals(e.realmId()));
        if (entry.isEmpty()) {
            wakeup.cancel(false);
            return CompletableFuture.completedFuture(status(ExpertpassStatus.GONE));
        }
        ExpertpassStatus current = entry.get().status();
        long left = entry.get().expiresAt() - ExpertpassStore.now();
        if (current != ExpertpassStatus.PENDING || left <= 0) {
            wakeup.cancel(false);
            return CompletableFuture.completedFuture(
                    status(current == ExpertpassStatus.PENDING ? ExpertpassStatus.EXPIRED : current));
        }
        ExpertpassStatus onTimeout = left <= WAIT_SECONDS ? ExpertpassStatus.EXPIRED : ExpertpassStatus.PENDING;
        return wakeup.completeOnTimeout(onTimeout, Math.min(left, WAIT_SECONDS), TimeUnit.SECONDS)
                .thenApply(ExpertpassBrowserApi::status);
    }

    /** The panel's markup for a login page's slot, in the page's language ({@link ExpertpassPanelScript}). */
    @GET
    @Path("panel.js")
    public Response panelScript(@QueryParam("lang") String language, @QueryParam("v") String version) {
        return ExpertpassPanelScript.response(session, realm, language, version);
    }

    /** The panel's first QR, asked for by the page when the panel comes into view ({@link ExpertpassPanelStart}). */
    @POST
    @Path("start")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(String json) {
        return ExpertpassPanelStart.start(session, realm, JsonApi.text(JsonApi.parseObject(json), "tab"))
                .map(body -> Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                        .header("Cache-Control", "no-store")
                        .build())
                .orElseGet(() -> status(ExpertpassStatus.GONE));
    }

    /**
     * A new sign-in QR for the same login attempt, when the current one expired on an open page. The answer holds
     * the new QR's watch token, which the page uses from then on. Only the attempt's current QR is rotated, once, and
     * not before it expires: a page cannot make store entries faster than one per lifespan.
     */
    @POST
    @Path("rotate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response rotate(String json) {
        Optional<Challenge> old = ExpertpassStore.Watch.parse(JsonApi.text(JsonApi.parseObject(json), "watch"))
                .flatMap(store::watchedChallenge)
                .filter(c -> realm.getId().equals(c.realmId()));
        if (old.isEmpty()) {
            return status(ExpertpassStatus.GONE);
        }
        if (old.get().status().decided()) {
            return status(old.get().status());
        }
        Optional<AuthenticationSessionModel> attempt = store.attempt(realm, old.get());
        if (attempt.isEmpty()) {
            return status(ExpertpassStatus.GONE);
        }
        String refusal = old.get().status() != ExpertpassStatus.PENDING
                        || !old.get().id().equals(attempt.get().getAuthNote(ExpertpassStore.NOTE_CHALLENGE))
                ? "not-current"
                : ExpertpassStore.now() < old.get().expiresAt() - ROTATE_EARLY_SECONDS
                        ? "too-early"
                        : !store.takeRotation(old.get()) ? "already-rotated" : null;
        if (refusal != null) {
            // The page's script never asks this: someone replays an old watch token or asks before the QR ends.
            event(EventType.LOGIN_ERROR)
                    .client(attempt.get().getClient())
                    .detail("auth_method", ExpertpassLoginForm.AUTH_METHOD)
                    .detail(ExpertpassEvents.DETAIL, refusal)
                    .error(ExpertpassEvents.ROTATE_REFUSED);
            return status(ExpertpassStatus.ROTATED);
        }
        Challenge fresh = store.createChallenge(
                realm,
                attempt.get(),
                old.get().origin(),
                old.get().lifespanSeconds(),
                old.get().codeDigits());
        store.update(old.get().rotated());
        return Response.ok(ExpertpassPanelStart.shown(session, realm, fresh), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    private EventBuilder event(EventType type) {
        return new EventBuilder(realm, session, session.getContext().getConnection()).event(type);
    }

    private static Response status(ExpertpassStatus status) {
        return Response.ok(Map.of("status", status.wire()), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .build();
    }
}
