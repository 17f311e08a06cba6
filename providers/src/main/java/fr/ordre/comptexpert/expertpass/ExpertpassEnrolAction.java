package fr.ordre.comptexpert.expertpass;

import fr.ordre.comptexpert.expertpass.ExpertpassEntry.Enrolment;
import fr.ordre.comptexpert.expertpass.app.AppLinks;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.EventType;
import org.keycloak.models.Constants;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Enrols a phone: shows a QR holding a single-use enrolment reference (≤ 4 minutes); the app posts its P-256 key
 * with proof of possession through the API; this page then asks, on its own (wake-up) or after "Continuer",
 * "Activer « name » ?", and only a yes makes the credential ({@link ExpertpassActivation}). Profiles not eligible for
 * Expertpass get a page saying why.
 */
final class ExpertpassEnrolAction implements RequiredActionProvider {

    static final String ATTRIBUTE = "ordreExpertpassEnrol";
    /** The device name the confirmation question shows, when a phone has posted its key. */
    static final String CONFIRM_ATTRIBUTE = "ordreExpertpassEnrolDevice";
    /** How long an enrolment QR can be scanned. */
    static final int ENROLMENT_LIFESPAN_SECONDS = 240;

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {}

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (!ExpertpassEligibility.eligible(context.getSession(), context.getRealm(), context.getUser())) {
            context.getEvent()
                    .clone()
                    .event(EventType.UPDATE_CREDENTIAL_ERROR)
                    .detail("credential_type", ExpertpassCredentialModel.TYPE)
                    .error(ExpertpassEvents.INELIGIBLE);
            context.challenge(context.form().createForm("ordre-expertpass-ineligible.ftl"));
            return;
        }
        // A reload while a posted key waits for its answer asks again, rather than leaving that phone waiting in vain.
        Optional<Enrolment> confirming = current(context, new ExpertpassStore(context.getSession()))
                .filter(ExpertpassEnrolAction::awaitingAnswer);
        if (confirming.isPresent()) {
            showConfirmation(context, confirming.get());
            return;
        }
        showQr(context, freshEnrolment(context));
    }

    private static boolean awaitingAnswer(Enrolment enrolment) {
        return enrolment.status() == ExpertpassStatus.CONFIRMING && !enrolment.expired(ExpertpassStore.now());
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        ExpertpassStore store = new ExpertpassStore(context.getSession());
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        Optional<Enrolment> enrolment = current(context, store);
        if (!ExpertpassEligibility.eligible(context.getSession(), context.getRealm(), context.getUser())
                || form.containsKey("cancel")) {
            // "Annuler" ends the QR too: whoever saw it can no longer enrol with it; a key waiting for an answer is
            // refused.
            enrolment.filter(store::cancelEnrolment).ifPresent(e -> context.getEvent()
                    .clone()
                    .event(EventType.UPDATE_CREDENTIAL_ERROR)
                    .user(context.getUser())
                    .detail("credential_type", ExpertpassCredentialModel.TYPE)
                    .detail(ExpertpassEvents.DETAIL, "enrolment-cancelled")
                    .error(ExpertpassEvents.ENROLMENT_CANCELLED));
            enrolment.filter(store::takeConfirmation).ifPresent(e -> refuse(context, store, e));
            authSession.removeAuthNote(ExpertpassStore.NOTE_ENROLMENT);
            leave(context);
            return;
        }
        Optional<Enrolment> confirming = enrolment.filter(ExpertpassEnrolAction::awaitingAnswer);
        if (confirming.isPresent() && (form.containsKey("confirm") || form.containsKey("refuse"))) {
            answer(context, store, confirming.get(), form.containsKey("confirm"));
            return;
        }
        if (confirming.isPresent()) {
            // A phone posted its key (the page's script submits on the wake-up; "Continuer" without scripts).
            showConfirmation(context, confirming.get());
            return;
        }
        if (enrolment.isPresent() && enrolment.get().status() == ExpertpassStatus.DONE) {
            authSession.removeAuthNote(ExpertpassStore.NOTE_ENROLMENT);
            context.success();
            return;
        }
        // Only a pending QR is shown again: a cancelled one (device cap reached) gets a fresh QR, never a page that
        // would submit itself again at once.
        if (enrolment.isPresent()
                && enrolment.get().status() == ExpertpassStatus.PENDING
                && !enrolment.get().expired(ExpertpassStore.now())) {
            context.form().setInfo("ordreExpertpassEnrolWaiting");
            showQr(context, enrolment.get());
            return;
        }
        context.form().setError("ordreExpertpassEnrolExpired");
        showQr(context, freshEnrolment(context));
    }

    /**
     * The person's answer to "Activer « name » ?". Taken once: a double submit, or two tabs, cannot enrol the key twice.
     */
    private static void answer(
            RequiredActionContext context, ExpertpassStore store, Enrolment enrolment, boolean confirmed) {
        if (!store.takeConfirmation(enrolment)) {
            context.form().setError("ordreExpertpassEnrolExpired");
            showQr(context, freshEnrolment(context));
            return;
        }
        if (!confirmed) {
            refuse(context, store, enrolment);
            context.form().setError("ordreExpertpassEnrolRefused");
            showQr(context, freshEnrolment(context));
            return;
        }
        ExpertpassActivation.Outcome outcome = ExpertpassActivation.activate(
                context.getSession(),
                context.getRealm(),
                context.getUser(),
                store,
                enrolment,
                context.getEvent().clone());
        if (outcome == ExpertpassActivation.Outcome.ENROLLED) {
            context.getAuthenticationSession().removeAuthNote(ExpertpassStore.NOTE_ENROLMENT);
            context.success();
            return;
        }
        context.form()
                .setError(
                        outcome == ExpertpassActivation.Outcome.DEVICE_LIMIT
                                ? "ordreExpertpassEnrolDeviceLimit"
                                : "ordreExpertpassEnrolExpired");
        showQr(context, freshEnrolment(context));
    }

    /** Discards a posted key the person did not confirm (its answer taken): the phone is told it was refused. */
    private static void refuse(RequiredActionContext context, ExpertpassStore store, Enrolment enrolment) {
        store.update(enrolment.with(ExpertpassStatus.REFUSED));
        context.getEvent()
                .clone()
                .event(EventType.UPDATE_CREDENTIAL_ERROR)
                .user(context.getUser())
                .detail("credential_type", ExpertpassCredentialModel.TYPE)
                .detail("device_name", enrolment.deviceName())
                .detail(ExpertpassEvents.DETAIL, "enrolment-refused")
                .error(ExpertpassEvents.ENROLMENT_REFUSED);
    }

    /** "Activer « name » ?": the key a phone posted waits for this answer; the page has no script to run. */
    private static void showConfirmation(RequiredActionContext context, Enrolment enrolment) {
        context.challenge(context.form()
                .setAttribute(CONFIRM_ATTRIBUTE, enrolment.deviceName())
                .createForm("ordre-expertpass-enrol.ftl"));
    }

    private static void leave(RequiredActionContext context) {
        if (ExpertpassEnrolActionFactory.PROVIDER_ID.equals(
                context.getAuthenticationSession().getClientNote(Constants.KC_ACTION))) {
            context.cancel();
        } else {
            context.getUser().removeRequiredAction(ExpertpassEnrolActionFactory.PROVIDER_ID);
            context.success();
        }
    }

    /** The enrolment this page shows, if any. */
    private static Optional<Enrolment> current(RequiredActionContext context, ExpertpassStore store) {
        return Optional.ofNullable(context.getAuthenticationSession().getAuthNote(ExpertpassStore.NOTE_ENROLMENT))
                .flatMap(store::enrolment)
                .filter(e -> context.getUser().getId().equals(e.userId()));
    }

    /** A new enrolment QR; the one the page showed before, if still open, is cancelled: one live QR per page. */
    private static Enrolment freshEnrolment(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        ExpertpassStore store = new ExpertpassStore(context.getSession());
        current(context, store).ifPresent(store::cancelEnrolment);
        return store.createEnrolment(
                context.getRealm(), authSession, context.getUser().getId(), ENROLMENT_LIFESPAN_SECONDS);
    }

    private static void showQr(RequiredActionContext context, Enrolment enrolment) {
        String api = ExpertpassUrls.apiBase(context.getSession(), context.getRealm());
        long left = Math.max(1, enrolment.expiresAt() - ExpertpassStore.now());
        String link = api + "/enrolments/" + enrolment.id();
        context.challenge(context.form()
                .setAttribute(
                        ATTRIBUTE,
                        new ExpertpassLoginForm.ExpertpassPanel(
                                ExpertpassQr.dataUri(link), link, null, enrolment.watchToken(), api, left))
                .setAttribute(AppLinks.ATTRIBUTE, AppLinks.of(context.getSession(), context.getRealm()))
                .createForm("ordre-expertpass-enrol.ftl"));
    }

    @Override
    public void close() {}
}
