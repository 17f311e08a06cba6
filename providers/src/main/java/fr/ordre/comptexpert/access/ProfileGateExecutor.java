package fr.ordre.comptexpert.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.TokenExchangeContext;
import org.keycloak.protocol.oidc.grants.ciba.clientpolicy.context.BackchannelTokenResponseContext;
import org.keycloak.protocol.oidc.grants.device.clientpolicy.context.DeviceTokenResponseContext;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.JWTAuthorizationGrantContext;
import org.keycloak.services.clientpolicy.context.ResourceOwnerPasswordCredentialsResponseContext;
import org.keycloak.services.clientpolicy.context.TokenExchangeRequestContext;
import org.keycloak.services.clientpolicy.context.TokenRefreshResponseContext;
import org.keycloak.services.clientpolicy.context.TokenRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * The token endpoint's side of the gate: the code exchange (a way in that did not pass through our browser
 * flow, an identity provider without the post login flow, say), every refresh, so that a profile change
 * or a striking-off takes effect at the next refresh, and every other grant that issues a user's token: the
 * password, device and CIBA grants are checked like a code; token exchange and the JWT authorization grant,
 * which run before any user session, are refused when a gated client takes part. Answers the OAuth error {@code invalid_grant}
 * (RFC 6749 §5.2: the grant is no longer valid for this resource owner).
 */
final class ProfileGateExecutor
        implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    private static final Logger LOG = Logger.getLogger(ProfileGateExecutor.class);

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
            case TOKEN_REQUEST -> check(
                    ((TokenRequestContext) context).getClientSession(), EventType.CODE_TO_TOKEN, "code");
            case TOKEN_REFRESH_RESPONSE -> check(
                    ((TokenRefreshResponseContext) context).getClientSession(), EventType.REFRESH_TOKEN, "refresh");
                // Every other grant that issues a user's token: none is enabled on the Ordre's clients today, and an
                // admin who enables one must not open a way around the gate.
            case RESOURCE_OWNER_PASSWORD_CREDENTIALS_RESPONSE -> check(
                    ((ResourceOwnerPasswordCredentialsResponseContext) context)
                            .getClientSessionContext()
                            .getClientSession(),
                    EventType.LOGIN,
                    "password");
            case DEVICE_TOKEN_RESPONSE -> check(
                    ((DeviceTokenResponseContext) context).getClientSession(),
                    EventType.OAUTH2_DEVICE_CODE_TO_TOKEN,
                    "device");
            case BACKCHANNEL_TOKEN_RESPONSE -> check(
                    ((BackchannelTokenResponseContext) context)
                            .getClientSessionContext()
                            .getClientSession(),
                    EventType.AUTHREQID_TO_TOKEN,
                    "ciba");
                // These run before the user's session exists: refused outright when a gated client asks or is the
                // audience.
            case TOKEN_EXCHANGE_REQUEST -> {
                TokenExchangeContext exchange = ((TokenExchangeRequestContext) context).getTokenExchangeContext();
                List<ClientModel> involved = new ArrayList<>();
                involved.add(exchange.getClient());
                List<String> audience = exchange.getParams().getAudience();
                if (audience != null) {
                    audience.stream()
                            .map(a -> exchange.getRealm().getClientByClientId(a))
                            .filter(Objects::nonNull)
                            .forEach(involved::add);
                }
                refuseIfGated(involved, EventType.TOKEN_EXCHANGE_ERROR, "token-exchange");
            }
            case JWT_AUTHORIZATION_GRANT -> refuseIfGated(
                    List.of(((JWTAuthorizationGrantContext) context).getClient()),
                    EventType.JWT_AUTHORIZATION_GRANT_ERROR,
                    "jwt-authorization-grant");
            default -> {}
        }
    }

    private void refuseIfGated(List<ClientModel> clients, EventType type, String way) throws ClientPolicyException {
        for (ClientModel client : clients) {
            if (client != null && client.getRole(ProfileAccessRule.ACCESS_ROLE) != null) {
                RealmModel realm = client.getRealm();
                LOG.warnf(
                        "Access refused (%s): client %s is gated by profile, realm %s",
                        way, client.getClientId(), realm.getName());
                new EventBuilder(realm, session, session.getContext().getConnection())
                        .event(type)
                        .client(client)
                        .detail(AccessRefusal.DETAIL_REASON, "grant_not_allowed")
                        .detail("grant", way)
                        .error(AccessRefusal.EVENT_ERROR);
                throw new ClientPolicyException(
                        OAuthErrorException.UNAUTHORIZED_CLIENT,
                        "This grant cannot issue a token for a service gated by profile (" + AccessRefusal.EVENT_ERROR
                                + ")");
            }
        }
    }

    private void check(AuthenticatedClientSessionModel clientSession, EventType type, String way)
            throws ClientPolicyException {
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
        EventBuilder event = new EventBuilder(
                        realm, session, session.getContext().getConnection())
                .event(type)
                .session(userSession);
        AccessRefusal.record(event, realm, client, user, decision, way);
        throw new ClientPolicyException(
                OAuthErrorException.INVALID_GRANT,
                decision.outcome() == AccessDecision.Outcome.NOT_ON_REGISTER
                        ? "Access refused: no active registration on the Tableau for this service ("
                                + AccessRefusal.EVENT_ERROR + ")"
                        : "Access refused: the user's profile may not use this service (" + AccessRefusal.EVENT_ERROR
                                + ")");
    }
}
