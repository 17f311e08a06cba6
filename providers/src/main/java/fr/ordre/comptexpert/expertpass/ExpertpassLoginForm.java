package fr.ordre.comptexpert.expertpass;

import fr.ordre.comptexpert.expertpass.ExpertpassEntry.Challenge;
import fr.ordre.comptexpert.expertpass.ExpertpassEntry.Denial;
import fr.ordre.comptexpert.expertpass.app.AppLinks;
import fr.ordre.comptexpert.expertpass.app.ExpertpassApp;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's username and password form, unchanged, with the "Se connecter avec Expertpass" panel beside it.
 * The panel's QR holds only a challenge id; the approval is read from the store when the page submits
 * ({@code ordreExpertpass=continue}, by script on wake-up or by the "Continuer" button), never taken from
 * the browser.
 */
final class ExpertpassLoginForm extends UsernamePasswordForm {

    static final String FORM_FIELD = "ordreExpertpass";
    /** The value of {@link #FORM_FIELD} that asks for the QR (the panel's button for browsers without scripts). */
    static final String SHOW = "show";

    static final String ATTRIBUTE = "ordreExpertpass";
    /** Set only when the panel is lazy: the key of the login page's cached slot (ordre-expertpass-panel.ftl). */
    static final String SLOT_ATTRIBUTE = "ordreExpertpassSlot";

    static final String AUTH_METHOD = "ordre-expertpass";

    private static final Logger LOG = Logger.getLogger(ExpertpassLoginForm.class);

    ExpertpassLoginForm(KeycloakSession session) {
        super(session);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        ExpertpassLoginConfig config = config(context);
        if (SHOW.equals(form.getFirst(FORM_FIELD)) && config.enabled()) {
            // The no-script button: the QR is made now, on request, and shown by the panel below.
            ExpertpassPanelStart.challenge(
                    context.getSession(), context.getRealm(), context.getAuthenticationSession(), config);
            context.challenge(challenge(context, new MultivaluedHashMap<>()));
            return;
        }
        if (form.containsKey(FORM_FIELD) && config.enabled()) {
            continueWithExpertpass(context);
            return;
        }
        super.action(context);
    }

    private void continueWithExpertpass(AuthenticationFlowContext context) {
        ExpertpassStore store = new ExpertpassStore(context.getSession());
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String id = authSession.getAuthNote(ExpertpassStore.NOTE_CHALLENGE);
        Optional<Challenge> found = id == null ? Optional.empty() : store.challenge(id);
        if (found.isEmpty()
                || !authSession.getParentSession().getId().equals(found.get().rootSessionId())
                || !authSession.getTabId().equals(found.get().tabId())) {
            retry(context, "ordreExpertpassExpired", true);
            return;
        }
        Challenge challenge = found.get();
        switch (challenge.status()) {
            case APPROVED -> signIn(context, store, challenge);
            case DENIED -> retry(
                    context,
                    challenge.denial() == Denial.CODE
                            ? "ordreExpertpassCodeMismatch"
                            : challenge.denial() == Denial.NETWORK
                                    ? "ordreExpertpassOtherNetwork"
                                    : "ordreExpertpassDenied",
                    true);
            case PENDING -> {
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

    private void signIn(AuthenticationFlowContext context, ExpertpassStore store, Challenge challenge) {
        RealmModel realm = context.getRealm();
        UserModel user = context.getSession().users().getUserById(realm, challenge.userId());
        boolean deviceKept =
                user != null && user.credentialManager().getStoredCredentialById(challenge.credentialId()) != null;
        if (user == null
                || !user.isEnabled()
                || !deviceKept
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
        if (!store.consume(challenge)) {
            retry(context, "ordreExpertpassExpired", true);
            return;
        }
        context.getAuthenticationSession().removeAuthNote(ExpertpassStore.NOTE_CHALLENGE);
        context.setUser(user);
        context.getEvent()
                .user(user)
                .detail("auth_method", AUTH_METHOD)
                .detail("credential_type", ExpertpassCredentialModel.TYPE)
                .detail("credential_id", challenge.credentialId())
                .detail(ExpertpassProximity.DETAIL, challenge.network());
        LOG.debugf(
                "Expertpass sign-in of user %s in realm %s with device %s",
                user.getUsername(), realm.getName(), challenge.credentialId());
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

    /**
     * Sets the panel's attributes. The attempt's current challenge is shown if it can still be scanned (after the
     * no-script button, or "Continuer" while pending); otherwise the panel is lazy, the same cached slot on every page:
     * nothing is stored or drawn for a page whose QR nobody looks at ({@link ExpertpassPanelStart}).
     */
    private void offerExpertpass(AuthenticationFlowContext context) {
        ExpertpassLoginConfig config = config(context);
        if (!config.enabled()) {
            return;
        }
        KeycloakSession session = context.getSession();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String current = authSession.getAuthNote(ExpertpassStore.NOTE_CHALLENGE);
        long now = ExpertpassStore.now();
        // Most pages have no challenge yet: no store to open for them (a method reference would open it anyway).
        Optional<Map<String, Object>> shown = current == null
                ? Optional.empty()
                : new ExpertpassStore(session)
                        .challenge(current)
                        .filter(c -> ExpertpassPanelStart.scannable(c, now))
                        .map(c -> ExpertpassPanelStart.shown(session, context.getRealm(), c));
        // The session's forms provider, the one the form about to be shown uses: context.form() would also make a
        // second action code and action URL, for nothing.
        ExpertpassPanel panel =
                new ExpertpassPanel(ExpertpassUrls.apiBase(session, context.getRealm()), shown.orElse(Map.of()));
        AppLinks links = AppLinks.of(session, context.getRealm());
        LoginFormsProvider form = session.getProvider(LoginFormsProvider.class)
                .setAttribute(ATTRIBUTE, panel)
                .setAttribute(AppLinks.ATTRIBUTE, links);
        if (panel.isLazy()) {
            // The slot's cache key, one string made here: FreeMarker's reflective reads of bean properties, on every
            // login page, were most of the panel's cost (docs/benchmarks/panel-profile-d92714c.txt).
            form.setAttribute(SLOT_ATTRIBUTE, panel.getApi() + "\n" + links.getCacheKey());
        }
    }

    private static ExpertpassLoginConfig config(AuthenticationFlowContext context) {
        return ExpertpassLoginConfig.of(context.getAuthenticatorConfig());
    }

    /**
     * What the panel and enrolment templates read (a bean: FreeMarker sees record accessors as methods). A panel not
     * shown yet is lazy: no QR, code or watch token.
     */
    public static final class ExpertpassPanel {
        private final String api;
        private final Map<String, Object> shown;

        ExpertpassPanel(String api, Map<String, Object> shown) {
            this.api = api;
            this.shown = shown;
        }

        /** A panel shown at once (the enrolment page: the person asked for it); {@code code} may be null. */
        ExpertpassPanel(String qr, String link, String code, String watch, String api, long expiresIn) {
            this(api, shownNow(qr, link, code, watch, expiresIn));
        }

        private static Map<String, Object> shownNow(String qr, String link, String code, String watch, long expiresIn) {
            Map<String, Object> shown = new HashMap<>();
            shown.put("qr", qr);
            shown.put("link", link);
            shown.put("code", code);
            shown.put("watch", watch);
            shown.put("expiresIn", expiresIn);
            return shown;
        }

        public String getQr() {
            return (String) shown.get("qr");
        }

        /** What the QR holds: the page passes it to the app on the same phone (same-device sign-in, enrolment). */
        public String getLink() {
            return (String) shown.get("link");
        }

        /** The Expertpass web app on this server, which the same-device button opens. */
        public String getApp() {
            return ExpertpassApp.url(api);
        }

        public String getCode() {
            return (String) shown.get("code");
        }

        public String getWatch() {
            return (String) shown.get("watch");
        }

        public String getApi() {
            return api;
        }

        /**
         * The API's address from the site's root, as the login page's slot names the panel's script (shorter than
         * {@link #getApi()}, and every login page carries it). Read only when the slot is first written.
         */
        public String getPath() {
            return URI.create(api).getRawPath();
        }

        /** Whether the page's script asks for the QR when the panel comes into view (none made yet). */
        public boolean isLazy() {
            return shown.isEmpty();
        }

        public Long getExpiresIn() {
            return (Long) shown.get("expiresIn");
        }
    }
}
