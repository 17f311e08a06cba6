package fr.ordre.comptexpert.password;

import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.TokenVerifier.Predicate;
import org.keycloak.authentication.actiontoken.AbstractActionTokenHandler;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.TokenUtils;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.messages.Messages;
import org.keycloak.services.util.ResolveRelative;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Opens the "set your password" page ({@link SetPasswordAction}) for the link's user, marks the email verified
 * (the person just proved they read it), and signs them in once the password is set (in the browser that asked
 * for the link; in another one, see {@link #startFreshAuthenticationSession}). The token is consumed only then: a link
 * opened and abandoned still works until it expires.
 */
public final class SetPasswordActionTokenHandler extends AbstractActionTokenHandler<SetPasswordActionToken> {

    private static final Logger LOG = Logger.getLogger(SetPasswordActionTokenHandler.class);

    public SetPasswordActionTokenHandler() {
        super(
                SetPasswordActionToken.TOKEN_TYPE,
                SetPasswordActionToken.class,
                Messages.INVALID_CODE,
                EventType.UPDATE_CREDENTIAL,
                Errors.NOT_ALLOWED);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Predicate<? super SetPasswordActionToken>[] getVerifiers(
            ActionTokenContext<SetPasswordActionToken> context) {
        return TokenUtils.predicates(
                TokenUtils.checkThat(
                        t -> context.getAuthenticationSession()
                                .getAuthenticatedUser()
                                .isEnabled(),
                        Errors.USER_DISABLED,
                        Messages.ACCOUNT_DISABLED),
                verifyEmail(context));
    }

    @Override
    public Response handleToken(SetPasswordActionToken token, ActionTokenContext<SetPasswordActionToken> context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        UserModel user = authSession.getAuthenticatedUser();
        user.setEmailVerified(true);
        if (SetPasswordLink.REASON_RECOVERY.equals(token.getReason())) {
            // Whoever holds a live session of this account no longer should: end them before the new password.
            context.getSession()
                    .sessions()
                    .getUserSessionsStream(context.getRealm(), user)
                    .toList()
                    .forEach(s -> AuthenticationManager.backchannelLogout(context.getSession(), s, true));
        }
        authSession.setAuthNote(SetPasswordAction.NOTE_REASON, token.getReason());
        authSession.addRequiredAction(passwordAction(context.getRealm()));
        context.getEvent().detail("ordre_reason", token.getReason());
        String next = AuthenticationManager.nextRequiredAction(
                context.getSession(), authSession, context.getRequest(), context.getEvent());
        return AuthenticationManager.redirectToRequiredActions(
                context.getSession(), context.getRealm(), authSession, context.getUriInfo(), next);
    }

    /**
     * Our page when the realm has it; Keycloak skips a required action the realm does not know, which here
     * would sign the person in without a password, so an older realm import falls back to Keycloak's page.
     */
    private static String passwordAction(RealmModel realm) {
        RequiredActionProviderModel ours = realm.getRequiredActionProviderByAlias(SetPasswordActionFactory.PROVIDER_ID);
        if (ours != null && ours.isEnabled()) {
            return SetPasswordActionFactory.PROVIDER_ID;
        }
        LOG.warnf(
                "Realm %s has no enabled required action %s: set-password links open Keycloak's page",
                realm.getName(), SetPasswordActionFactory.PROVIDER_ID);
        return UserModel.RequiredAction.UPDATE_PASSWORD.name();
    }

    /**
     * Opened in another browser than the one that asked for it (the phone's mail app, say): nothing there to
     * go back to. Once the password is set, Keycloak ends the flow on its info page, which our theme words
     * "Votre mot de passe est créé" with a "Se connecter" button: to the service's home page when the client
     * has a valid one, else to the account console (which asks to sign in). No service is redirected to with
     * a code it did not ask for, and no session starts in a browser the person may not keep.
     */
    @Override
    public AuthenticationSessionModel startFreshAuthenticationSession(
            SetPasswordActionToken token, ActionTokenContext<SetPasswordActionToken> context) {
        AuthenticationSessionModel authSession = context.createAuthenticationSessionForClient(token.getIssuedFor());
        authSession.setAuthNote(AuthenticationManager.END_AFTER_REQUIRED_ACTIONS, "true");
        authSession.setAuthNote(AuthenticationManager.SET_REDIRECT_URI_AFTER_REQUIRED_ACTIONS, "true");
        authSession.setAuthNote(SetPasswordAction.NOTE_OTHER_BROWSER, "true");
        ClientModel client = authSession.getClient();
        String home =
                ResolveRelative.resolveRelativeUri(context.getSession(), client.getRootUrl(), client.getBaseUrl());
        String valid = home == null ? null : RedirectUtils.verifyRedirectUri(context.getSession(), home, client);
        if (valid != null) {
            authSession.setRedirectUri(valid);
            authSession.setClientNote(OIDCLoginProtocol.REDIRECT_URI_PARAM, valid);
        }
        return authSession;
    }

    @Override
    public boolean canUseTokenRepeatedly(
            SetPasswordActionToken token, ActionTokenContext<SetPasswordActionToken> context) {
        return false;
    }
}
