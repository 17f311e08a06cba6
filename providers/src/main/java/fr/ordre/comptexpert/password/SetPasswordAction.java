package fr.ordre.comptexpert.password;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ModelException;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Our set-password page, in place of Keycloak's "Mise à jour du mot de passe": titled for what the link was
 * for (a first password, or a new one after "oublié"), the realm's rules listed before typing, each error
 * once and under its field, and no "sign out other devices" box (recovery already ended every session).
 * Opened in another browser than the one that asked for the link, it ends on a page saying the password is
 * set, with a button to sign in (see {@link SetPasswordActionTokenHandler#startFreshAuthenticationSession}).
 */
final class SetPasswordAction implements RequiredActionProvider {

    /** Auth notes the link's handler leaves for this page. */
    static final String NOTE_REASON = "ordre.setPassword.reason";

    static final String NOTE_OTHER_BROWSER = "ordre.setPassword.otherBrowser";

    static final String FIELD_NEW = "password-new";
    static final String FIELD_CONFIRM = "password-confirm";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.NOT_SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {}

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(form(context).createForm("ordre-password.ftl"));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        MultivaluedMap<String, String> formData = context.getHttpRequest().getDecodedFormParameters();
        String password = formData.getFirst(FIELD_NEW);
        String confirm = formData.getFirst(FIELD_CONFIRM);
        String reason = authSession.getAuthNote(NOTE_REASON);
        boolean replacing = replacing(context);

        EventBuilder event = context.getEvent()
                .event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, PasswordCredentialModel.PASSWORD)
                .detail("ordre_reason", reason);
        EventBuilder errorEvent = event.clone().event(EventType.UPDATE_CREDENTIAL_ERROR);

        if (password == null || password.isEmpty()) {
            refuse(context, errorEvent, Errors.PASSWORD_MISSING, new FormMessage(FIELD_NEW, "ordrePasswordMissing"));
            return;
        }
        if (!password.equals(confirm)) {
            refuse(
                    context,
                    errorEvent,
                    Errors.PASSWORD_CONFIRM_ERROR,
                    new FormMessage(FIELD_CONFIRM, "ordrePasswordMismatch"));
            return;
        }
        try {
            // The realm's policy decides; the page's script only helps (and may be off).
            context.getUser().credentialManager().updateCredential(UserCredentialModel.password(password, false));
        } catch (ModelException e) {
            errorEvent.detail(Details.REASON, e.getMessage());
            refuse(
                    context,
                    errorEvent,
                    Errors.PASSWORD_REJECTED,
                    new FormMessage(FIELD_NEW, e.getMessage(), e.getParameters()));
            return;
        }
        event.clone().event(EventType.UPDATE_PASSWORD).success();
        if (authSession.getAuthNote(NOTE_OTHER_BROWSER) != null) {
            // Keycloak renders its end page (info.ftl) with this session's LoginFormsProvider, the instance we
            // get here (providers are cached per session): the attribute tells our info.ftl what was done.
            context.getSession()
                    .getProvider(LoginFormsProvider.class)
                    .setAttribute("ordrePasswordSet", Map.of("replaced", replacing));
        }
        context.success();
    }

    private static void refuse(
            RequiredActionContext context, EventBuilder errorEvent, String error, FormMessage message) {
        errorEvent.error(error);
        context.challenge(form(context).addError(message).createForm("ordre-password.ftl"));
    }

    /** "Choisissez un nouveau mot de passe" after "oublié"; a pending account creates its first one. */
    private static boolean replacing(RequiredActionContext context) {
        return SetPasswordLink.REASON_RECOVERY.equals(
                        context.getAuthenticationSession().getAuthNote(NOTE_REASON))
                && context.getUser().credentialManager().isConfiguredFor(PasswordCredentialModel.TYPE);
    }

    private static LoginFormsProvider form(RequiredActionContext context) {
        List<PasswordRules.Rule> rules = PasswordRules.of(context.getRealm().getPasswordPolicy());
        return context.form()
                .setAttribute(
                        "ordrePassword",
                        Map.of(
                                "replacing", replacing(context),
                                "username", context.getUser().getUsername(),
                                "rules", rules));
    }

    @Override
    public void close() {}
}
