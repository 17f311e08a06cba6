package fr.ordre.comptexpert.password;

import jakarta.ws.rs.core.Response;
import org.keycloak.TokenVerifier.Predicate;
import org.keycloak.authentication.actiontoken.AbstractActionTokenHandler;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.TokenUtils;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.Constants;
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
        authSession.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        context.getEvent().detail("ordre_reason", token.getReason());
        String next = AuthenticationManager.nextRequiredAction(context.getSession(), authSession, context.getRequest(),
                context.getEvent());
        return AuthenticationManager.redirectToRequiredActions(context.getSession(), context.getRealm(), authSession,
                context.getUriInfo(), next);
    }

    /**
     * Opened in another browser than the one that asked for it: sign the person in to their account page
     * rather than showing Keycloak's "account updated" dead end.
     */
    @Override
    public AuthenticationSessionModel startFreshAuthenticationSession(SetPasswordActionToken token,
                                                                       ActionTokenContext<SetPasswordActionToken> context) {
        return context.createAuthenticationSessionForClient(Constants.ACCOUNT_CONSOLE_CLIENT_ID);
    }

    @Override
    public boolean canUseTokenRepeatedly(SetPasswordActionToken token, ActionTokenContext<SetPasswordActionToken> context) {
        return false;
    }
}
