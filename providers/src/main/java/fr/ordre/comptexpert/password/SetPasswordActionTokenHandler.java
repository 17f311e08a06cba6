package fr.ordre.comptexpert.password;

import jakarta.ws.rs.core.Response;
import org.keycloak.TokenVerifier.Predicate;
import org.keycloak.authentication.actiontoken.AbstractActionTokenHandler;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.TokenUtils;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.services.util.ResolveRelative;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.messages.Messages;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Opens the "set your password" page for the link's user, marks the email verified (the person just proved
 * they read it), and signs them in once the password is set. The token is consumed only then: a link
 * opened and abandoned still works until it expires.
 */
public final class SetPasswordActionTokenHandler extends AbstractActionTokenHandler<SetPasswordActionToken> {

    public SetPasswordActionTokenHandler() {
        super(SetPasswordActionToken.TOKEN_TYPE, SetPasswordActionToken.class, Messages.INVALID_CODE,
                EventType.UPDATE_CREDENTIAL, Errors.NOT_ALLOWED);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Predicate<? super SetPasswordActionToken>[] getVerifiers(ActionTokenContext<SetPasswordActionToken> context) {
        return TokenUtils.predicates(
                TokenUtils.checkThat(t -> context.getAuthenticationSession().getAuthenticatedUser().isEnabled(),
                        Errors.USER_DISABLED, Messages.ACCOUNT_DISABLED),
                verifyEmail(context));
    }

    @Override
    public Response handleToken(SetPasswordActionToken token, ActionTokenContext<SetPasswordActionToken> context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        UserModel user = authSession.getAuthenticatedUser();
        user.setEmailVerified(true);
        if (SetPasswordLink.REASON_RECOVERY.equals(token.getReason())) {
            // Whoever holds a live session of this account no longer should: end them before the new password.
            context.getSession().sessions().getUserSessionsStream(context.getRealm(), user).toList()
                    .forEach(s -> AuthenticationManager.backchannelLogout(context.getSession(), s, true));
        }
        authSession.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        context.getEvent().detail("ordre_reason", token.getReason());
        String next = AuthenticationManager.nextRequiredAction(context.getSession(), authSession, context.getRequest(),
                context.getEvent());
        return AuthenticationManager.redirectToRequiredActions(context.getSession(), context.getRealm(), authSession,
                context.getUriInfo(), next);
    }

    /**
     * Opened in another browser than the one that asked for it (the phone's mail app, say): a new login for
     * the same service, without Keycloak's "end after required actions" so that the person is signed in once
     * the password is set. They land on the service's home page if it has a valid one, else their account page.
     */
    @Override
    public AuthenticationSessionModel startFreshAuthenticationSession(SetPasswordActionToken token,
                                                                       ActionTokenContext<SetPasswordActionToken> context) {
        AuthenticationSessionModel authSession = context.createAuthenticationSessionForClient(token.getIssuedFor());
        ClientModel client = authSession.getClient();
        String home = ResolveRelative.resolveRelativeUri(context.getSession(), client.getRootUrl(), client.getBaseUrl());
        String valid = home == null ? null : RedirectUtils.verifyRedirectUri(context.getSession(), home, client);
        if (valid != null) {
            authSession.setRedirectUri(valid);
            authSession.setClientNote(OIDCLoginProtocol.REDIRECT_URI_PARAM, valid);
        }
        return authSession;
    }

    @Override
    public boolean canUseTokenRepeatedly(SetPasswordActionToken token, ActionTokenContext<SetPasswordActionToken> context) {
        return false;
    }
}
