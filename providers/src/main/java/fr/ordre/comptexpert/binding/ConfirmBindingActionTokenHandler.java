package fr.ordre.comptexpert.binding;

import fr.ordre.comptexpert.profile.OrdreAttributes;
import fr.ordre.comptexpert.tableau.RegisterEntry;
import fr.ordre.comptexpert.tableau.TableauRegister;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.authentication.actiontoken.AbstractActionTokenHandler;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The member clicked "confirmer" in the mail sent to their address on file: the account that asked for their
 * entry gets it, if the entry is still active and free. Whatever the outcome, a page of ours says it, and an
 * event records it. The link is spent on first use.
 */
public final class ConfirmBindingActionTokenHandler extends AbstractActionTokenHandler<ConfirmBindingActionToken> {

    private static final Logger LOG = Logger.getLogger(ConfirmBindingActionTokenHandler.class);
    /** Keycloak's own allowance when it spends action tokens. */
    private static final int CLOCK_SKEW_SECONDS = 5;

    public ConfirmBindingActionTokenHandler() {
        super(
                ConfirmBindingActionToken.TOKEN_TYPE,
                ConfirmBindingActionToken.class,
                "ordreBindingLinkInvalid",
                EventType.UPDATE_PROFILE,
                Errors.NOT_ALLOWED);
    }

    @Override
    public Response handleToken(
            ConfirmBindingActionToken token, ActionTokenContext<ConfirmBindingActionToken> context) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = context.getAuthenticationSession().getAuthenticatedUser();
        EventBuilder event = context.getEvent()
                .clone()
                .event(EventType.UPDATE_PROFILE)
                .user(user)
                .detail(Details.USERNAME, user.getUsername())
                .detail("ordre_numero", token.getNumero())
                .detail(TableauBinding.METHOD, TableauBinding.METHOD_EMAIL_CONFIRMATION);
        if (!session.revokedTokens()
                .put(token.serializeKey(), token.getExp() - Time.currentTime() + CLOCK_SKEW_SECONDS)) {
            event.detail(TableauBinding.DETAIL, "refused").error(Errors.EXPIRED_CODE);
            return page(context, "ordreBindingLinkUsed", false);
        }
        if (TableauBinding.confirmed(user)) {
            return page(context, "ordreBindingAlreadyConfirmed", true);
        }
        Optional<RegisterEntry> entry = session.getProvider(TableauRegister.class)
                .findByNumero(token.getNumero())
                .filter(RegisterEntry::isActive);
        boolean stillClaimed = token.getNumero().equals(user.getFirstAttribute(OrdreAttributes.TABLEAU_CLAIM));
        Optional<UserModel> holder = TableauBinding.holder(session, realm, token.getNumero(), Integer.MAX_VALUE);
        if (entry.isEmpty() || !stillClaimed || holder.isPresent()) {
            LOG.warnf(
                    "Tableau binding of %s to %s refused in realm %s: entry active %s, still claimed %s, held %s",
                    user.getUsername(),
                    token.getNumero(),
                    realm.getName(),
                    entry.isPresent(),
                    stillClaimed,
                    holder.isPresent());
            event.detail(TableauBinding.DETAIL, "refused").error(Errors.INVALID_REGISTRATION);
            return page(context, "ordreBindingUnavailable", false);
        }
        TableauBinding.confirm(user, entry.get());
        event.detail(TableauBinding.DETAIL, TableauBinding.CONFIRMED).success();
        return page(context, "ordreBindingConfirmed", true);
    }

    private static Response page(
            ActionTokenContext<ConfirmBindingActionToken> context, String message, boolean success) {
        LoginFormsProvider form = context.getSession()
                .getProvider(LoginFormsProvider.class)
                .setAuthenticationSession(context.getAuthenticationSession())
                .setAttribute("skipLink", true);
        if (success) {
            form.setSuccess(
                    message,
                    context.getAuthenticationSession().getAuthenticatedUser().getUsername());
        } else {
            form.setError(message);
        }
        return form.createInfoPage();
    }

    @Override
    public boolean canUseTokenRepeatedly(
            ConfirmBindingActionToken token, ActionTokenContext<ConfirmBindingActionToken> context) {
        // Spent in handleToken itself: there is no flow after this page to spend it.
        return true;
    }
}
