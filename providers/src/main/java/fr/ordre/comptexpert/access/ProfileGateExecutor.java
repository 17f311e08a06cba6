package fr.ordre.comptexpert.access;

import org.keycloak.OAuthErrorException;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.TokenRefreshResponseContext;
import org.keycloak.services.clientpolicy.context.TokenRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * The token endpoint's side of the gate: the code exchange (a way in that did not pass through our browser
 * flow, an identity provider without the post login flow, say) and every refresh, so that a profile change
 * or a striking-off takes effect at the next refresh. Answers the OAuth error {@code invalid_grant}
 * (RFC 6749 §5.2: the grant is no longer valid for this resource owner).
 */
final class ProfileGateExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    private final KeycloakSession session;

    ProfileGateExecutor(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getProviderId() {
        return ProfileGateExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        switch (context.getEvent()) {
            case TOKEN_REQUEST -> check(((TokenRequestContext) context).getClientSession(), EventType.CODE_TO_TOKEN, "code");
            case TOKEN_REFRESH_RESPONSE ->
                    check(((TokenRefreshResponseContext) context).getClientSession(), EventType.REFRESH_TOKEN, "refresh");
            default -> {
            }
        }
    }

    private void check(AuthenticatedClientSessionModel clientSession, EventType type, String way) throws ClientPolicyException {
        if (clientSession == null || clientSession.getUserSession() == null) {
            return;
        }
        UserSessionModel userSession = clientSession.getUserSession();
        UserModel user = userSession.getUser();
        ClientModel client = clientSession.getClient();
        RealmModel realm = clientSession.getRealm();
        if (user == null || client == null) {
            return;
        }
        AccessDecision decision = new ProfileAccessRule(session, realm).decide(client, user);
        if (decision.allowed()) {
            AccessRefusal.logGranted(realm, client, user, decision, way);
            return;
        }
        // The token endpoint records its own error event with the OAuth error; this one names the profile.
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(type).session(userSession);
        AccessRefusal.record(event, realm, client, user, decision, way);
        throw new ClientPolicyException(OAuthErrorException.INVALID_GRANT,
                decision.outcome() == AccessDecision.Outcome.NOT_ON_REGISTER
                        ? "Access refused: no active registration on the Tableau for this service (" + AccessRefusal.EVENT_ERROR + ")"
                        : "Access refused: the user's profile may not use this service (" + AccessRefusal.EVENT_ERROR + ")");
    }
}
