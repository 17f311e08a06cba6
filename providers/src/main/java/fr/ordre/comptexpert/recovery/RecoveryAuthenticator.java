package fr.ordre.comptexpert.recovery;

import fr.ordre.comptexpert.password.SetPasswordLink;
import fr.ordre.comptexpert.support.DeferredMail;
import fr.ordre.comptexpert.support.RenderedEmail;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.light.LightweightUserAdapter;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Asks for the email used at registration (or the identifiant) and answers everyone with the same page.
 * When an account matches, its holder gets their identifiant and a single-use set-password link; an
 * account that never got a password gets a "create your password" link instead. The mail is rendered in
 * the request and sent after it, off its thread, so the response takes the same time either way. One mail
 * per account per window: repeats send nothing and look the same.
 */
final class RecoveryAuthenticator implements Authenticator {

    static final String TEMPLATE = "ordre-forgot.ftl";
    static final String FIELD = "username";
    private static final String WINDOW_KEY = "ordre-recovery:";
    private static final int INPUT_MAX = 254;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Logger LOG = Logger.getLogger(RecoveryAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(context.form()
                .setAttribute("ordreForgot", Map.of("sent", false, "value", ""))
                .createForm(TEMPLATE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        long started = System.nanoTime();
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String input = form.getFirst(FIELD) == null ? "" : form.getFirst(FIELD).strip();
        if (input.isEmpty()
                || input.length() > INPUT_MAX
                || CONTROL.matcher(input).find()) {
            context.challenge(context.form()
                    .setAttribute(
                            "ordreForgot", Map.of("sent", false, "value", input.length() > INPUT_MAX ? "" : input))
                    .addError(new FormMessage(FIELD, input.isEmpty() ? "ordreForgotRequired" : "ordreForgotInvalid"))
                    .createForm(TEMPLATE));
            return;
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = find(session, realm, input.toLowerCase(Locale.ROOT));
        RecoveryConfig config = RecoveryConfig.of(context.getAuthenticatorConfig());
        int window = config.requestWindowSeconds();
        EventBuilder event = context.getEvent().clone().detail(Details.USERNAME, input);
        boolean known = user != null && user.isEnabled() && user.getEmail() != null;
        // The window key is taken for unknown inputs too: the same store work on every path.
        boolean fresh =
                session.singleUseObjects().putIfAbsent(WINDOW_KEY + (known ? user.getId() : "?" + input), window);
        // Render a mail on every path, for a decoy when nobody is to receive it: the same work, the same time.
        UserModel recipient = known && fresh ? user : decoy(session, realm, input);
        Optional<RenderedEmail> email = prepare(context, recipient);
        if (!known) {
            event.event(EventType.RESET_PASSWORD_ERROR)
                    .error(user == null ? Errors.USER_NOT_FOUND : Errors.USER_DISABLED);
        } else if (!fresh) {
            event.event(EventType.RESET_PASSWORD_ERROR)
                    .user(user)
                    .detail(Details.REASON, "ordre_recovery_window")
                    .error(Errors.SLOW_DOWN);
        } else if (email.isEmpty()) {
            session.singleUseObjects().remove(WINDOW_KEY + user.getId());
            event.event(EventType.SEND_RESET_PASSWORD_ERROR).user(user).error(Errors.EMAIL_SEND_FAILED);
        } else {
            boolean pending = isPending(user);
            sendAfterResponse(session, realm, user.getId(), email.get());
            event.event(EventType.SEND_RESET_PASSWORD)
                    .user(user)
                    .detail(Details.EMAIL, user.getEmail())
                    .detail("ordre_pending", Boolean.toString(pending))
                    .success();
        }
        Response answer = context.form()
                .setAttribute("ordreForgot", Map.of("sent", true, "value", input))
                .createForm(TEMPLATE);
        waitUntil(started + config.answerFloorMillis() * 1_000_000L);
        context.challenge(answer);
    }

    /**
     * The known path reads more (the account's attributes and credentials, uncached for a first request) than the
     * unknown one: a few milliseconds that a rank test over a few hundred requests still told apart
     * (docs/performance.md, <i>Recovery</i>). Answering at a fixed time after the request, above the slowest path,
     * leaves only what follows it (the commit, the answer's writing), which still differs a little. The wait holds a worker thread, as a password
     * sign-in's hashing holds one longer, and the form is rate limited per account.
     */
    private static void waitUntil(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Email first (the common case), then identifiant; email-like identifiants are not allowed. */
    private static UserModel find(KeycloakSession session, RealmModel realm, String input) {
        UserModel user = session.users().getUserByEmail(realm, input);
        return user != null ? user : session.users().getUserByUsername(realm, input);
    }

    private static boolean isPending(UserModel user) {
        return !user.credentialManager().isConfiguredFor(PasswordCredentialModel.TYPE);
    }

    private static UserModel decoy(KeycloakSession session, RealmModel realm, String input) {
        LightweightUserAdapter decoy = new LightweightUserAdapter(session, realm, KeycloakModelUtils.generateId());
        decoy.setUsername("decoy");
        decoy.setEmail("decoy@invalid.invalid");
        decoy.setFirstName(input);
        return decoy;
    }

    private static Optional<RenderedEmail> prepare(AuthenticationFlowContext context, UserModel user) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        int lifespan = RecoveryConfig.of(context.getAuthenticatorConfig()).linkLifespanSeconds();
        try {
            String link = SetPasswordLink.build(
                    session,
                    realm,
                    user,
                    context.getAuthenticationSession(),
                    SetPasswordLink.REASON_RECOVERY,
                    lifespan);
            Map<String, Object> attributes = new HashMap<>(SetPasswordLink.attributes(realm, user, link, lifespan));
            attributes.put("pending", isPending(user));
            return Optional.of(
                    RenderedEmail.render(session, realm, user, "ordreResetSubject", "ordre-reset.ftl", attributes));
        } catch (EmailException | RuntimeException e) {
            LOG.errorf(e, "Could not render the recovery email in realm %s", realm.getName());
            return Optional.empty();
        }
    }

    /** After the response; a mail the SMTP server refuses consumes nothing: the window is lifted at once. */
    private static void sendAfterResponse(
            KeycloakSession session, RealmModel realm, String userId, RenderedEmail email) {
        DeferredMail.send(session, realm, email, (s, r) -> {
            s.singleUseObjects().remove(WINDOW_KEY + userId);
            new EventBuilder(r, s)
                    .event(EventType.SEND_RESET_PASSWORD_ERROR)
                    .user(userId)
                    .detail(Details.REASON, "smtp")
                    .error(Errors.EMAIL_SEND_FAILED);
        });
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

    @Override
    public void close() {}
}
