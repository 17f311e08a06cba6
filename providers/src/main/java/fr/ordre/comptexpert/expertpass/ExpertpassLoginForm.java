package fr.ordre.comptexpert.expertpass;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import java.util.Optional;

/**
 * Keycloak's username and password form, unchanged, with the "Se connecter avec Expertpass" panel beside it.
 * The panel's QR holds only a challenge id; the approval is read from the store when the page submits
 * ({@code ordreExpertpass=continue}, by script on wake-up or by the "Continuer" button), never taken from
 * the browser.
 */
final class ExpertpassLoginForm extends UsernamePasswordForm {

    static final String FORM_FIELD = "ordreExpertpass";
    static final String ATTRIBUTE = "ordreExpertpass";
    static final String AUTH_METHOD = "ordre-expertpass";

    private static final Logger LOG = Logger.getLogger(ExpertpassLoginForm.class);

    ExpertpassLoginForm(KeycloakSession session) {
        super(session);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(FORM_FIELD) && config(context).enabled()) {
            continueWithExpertpass(context);
            return;
        }
        super.action(context);
    }

    private void continueWithExpertpass(AuthenticationFlowContext context) {
        ExpertpassStore store = new ExpertpassStore(context.getSession());
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String id = authSession.getAuthNote(ExpertpassStore.NOTE_CHALLENGE);
        Optional<ExpertpassStore.Entry> found = id == null ? Optional.empty() : store.challenge(id);
        if (found.isEmpty() || !authSession.getParentSession().getId().equals(found.get().get("root"))
                || !authSession.getTabId().equals(found.get().get("tab"))) {
            retry(context, "ordreExpertpassExpired", true);
            return;
        }
        ExpertpassStore.Entry challenge = found.get();
        switch (challenge.status()) {
            case ExpertpassStore.APPROVED -> signIn(context, store, challenge);
            case ExpertpassStore.DENIED -> retry(context, "code".equals(challenge.get("reason"))
                    ? "ordreExpertpassCodeMismatch" : "ordreExpertpassDenied", true);
            case ExpertpassStore.PENDING -> {
                if (challenge.expired(ExpertpassStore.now())) {
                    retry(context, "ordreExpertpassExpired", true);
                } else {
                    context.form().setInfo("ordreExpertpassWaiting");
                    context.challenge(challenge(context, new MultivaluedHashMap<>()));
                }
            }
            default -> retry(context, "ordreExpertpassExpired", true);
        }
    }

    private void signIn(AuthenticationFlowContext context, ExpertpassStore store, ExpertpassStore.Entry challenge) {
        RealmModel realm = context.getRealm();
        UserModel user = context.getSession().users().getUserById(realm, challenge.get("user"));
        boolean deviceKept = user != null && user.credentialManager().getStoredCredentialById(challenge.get("credential")) != null;
        if (user == null || !user.isEnabled() || !deviceKept
                || !ExpertpassEligibility.eligible(context.getSession(), realm, user)) {
            context.getEvent().detail("auth_method", AUTH_METHOD).error(ExpertpassEvents.DEVICE_REVOKED);
            retry(context, "ordreExpertpassDenied", true);
            return;
        }
        if (context.getUser() != null && !context.getUser().getId().equals(user.getId())) {
            // Re-authentication of a known user: a phone of somebody else cannot stand in.
            context.getEvent().user(user).detail("auth_method", AUTH_METHOD).error(Errors.DIFFERENT_USER_AUTHENTICATED);
            retry(context, "ordreExpertpassOtherUser", true);
            return;
        }
        if (!store.consume(challenge.id())) {
            retry(context, "ordreExpertpassExpired", true);
            return;
        }
        context.getAuthenticationSession().removeAuthNote(ExpertpassStore.NOTE_CHALLENGE);
        context.setUser(user);
        context.getEvent().user(user).detail("auth_method", AUTH_METHOD)
                .detail("credential_type", ExpertpassCredentialModel.TYPE)
                .detail("credential_id", challenge.get("credential"));
        LOG.debugf("Expertpass sign-in of user %s in realm %s with device %s", user.getUsername(), realm.getName(),
                challenge.get("credential"));
        context.success(ExpertpassCredentialModel.TYPE);
    }

    /** Shows the form again with a message and, when {@code fresh}, a new QR. */
    private void retry(AuthenticationFlowContext context, String message, boolean fresh) {
        if (fresh) {
            context.getAuthenticationSession().removeAuthNote(ExpertpassStore.NOTE_CHALLENGE);
        }
        context.form().setError(message);
        context.challenge(challenge(context, new MultivaluedHashMap<>()));
    }

    @Override
    protected Response challenge(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        offerExpertpass(context);
        return super.challenge(context, formData);
    }

    @Override
    protected Response challenge(AuthenticationFlowContext context, String error, String field) {
        offerExpertpass(context);
        return super.challenge(context, error, field);
    }

    /** Sets the panel's attributes: the current challenge if still fresh enough to scan, else a new one. */
    private void offerExpertpass(AuthenticationFlowContext context) {
        ExpertpassLoginConfig config = config(context);
        if (!config.enabled()) {
            return;
        }
        ExpertpassStore store = new ExpertpassStore(context.getSession());
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String current = authSession.getAuthNote(ExpertpassStore.NOTE_CHALLENGE);
        long now = ExpertpassStore.now();
        ExpertpassStore.Entry challenge = Optional.ofNullable(current).flatMap(store::challenge)
                .filter(c -> ExpertpassStore.PENDING.equals(c.status()) && c.expiresAt() - now >= 10)
                .orElseGet(() -> store.createChallenge(context.getRealm(), authSession,
                        ExpertpassStore.ChallengeOrigin.of(context.getSession(), authSession.getClient()),
                        config.challengeLifespanSeconds(), config.codeDigits()));
        String apiBase = ExpertpassResource.apiBase(context.getSession(), context.getRealm());
        // The session's forms provider, the one the form about to be shown uses: context.form() would also make a
        // second action code and action URL, for nothing.
        context.getSession().getProvider(LoginFormsProvider.class).setAttribute(ATTRIBUTE, new ExpertpassPanel(
                ExpertpassQr.dataUri(apiBase + "/challenges/" + challenge.id()), challenge.get("code"),
                challenge.watchToken(ExpertpassStore.KIND_CHALLENGE), apiBase, Math.max(1, challenge.expiresAt() - now)));
    }

    private static ExpertpassLoginConfig config(AuthenticationFlowContext context) {
        return ExpertpassLoginConfig.of(context.getAuthenticatorConfig());
    }

    /** What the panel and enrolment templates read (a bean: FreeMarker sees record accessors as methods). */
    public static final class ExpertpassPanel {
        private final String qr;
        private final String code;
        private final String watch;
        private final String api;
        private final long expiresIn;

        ExpertpassPanel(String qr, String code, String watch, String api, long expiresIn) {
            this.qr = qr;
            this.code = code;
            this.watch = watch;
            this.api = api;
            this.expiresIn = expiresIn;
        }

        public String getQr() {
            return qr;
        }

        public String getCode() {
            return code;
        }

        public String getWatch() {
            return watch;
        }

        public String getApi() {
            return api;
        }

        public long getExpiresIn() {
            return expiresIn;
        }
    }
}
