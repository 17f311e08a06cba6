package fr.ordre.comptexpert.access;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Runs once the user is known, in the browser flow (after password, Expertpass, identity provider or the
 * SSO cookie: so also when a signed-in person moves to another service) and in the post broker login flow.
 * A refusal is a challenge, not a failure: it is not a wrong password, so it must not count towards
 * brute-force lockout, and no user session is created for a first sign-in.
 */
final class ProfileGateAuthenticator implements Authenticator {

    static final String WAY = "browser";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        RealmModel realm = context.getRealm();
        ClientModel client = context.getAuthenticationSession().getClient();
        UserModel user = context.getUser();
        ProfileAccessRule rule = new ProfileAccessRule(context.getSession(), realm);
        AccessDecision decision = rule.decide(client, user);
        if (decision.allowed()) {
            AccessRefusal.logGranted(realm, client, user, decision, WAY);
            context.success();
            return;
        }
        AccessRefusal.record(context.getEvent().clone(), realm, client, user, decision, WAY);
        KeycloakSession session = context.getSession();
        context.challenge(AccessDeniedPage.render(
                context.form(),
                rule,
                client,
                user,
                decision,
                session.getContext().resolveLocale(user)));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        // The refusal page has no form; a replayed POST is checked again.
        authenticate(context);
    }

    @Override
    public boolean requiresUser() {
        return true;
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
