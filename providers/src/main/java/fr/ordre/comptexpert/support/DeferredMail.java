package fr.ordre.comptexpert.support;

import java.util.function.BiConsumer;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Sends a mail rendered in the request once the request's writes are committed, on Keycloak's executor and
 * off the request's thread: the response neither waits for the SMTP server nor takes longer when there is a
 * mail to send, so its timing tells nothing about who receives what.
 */
public final class DeferredMail {

    private static final Logger LOG = Logger.getLogger(DeferredMail.class);
    private static final String EXECUTOR = "ordre-email";

    private DeferredMail() {}

    /** @param onFailure runs in a transaction of its own if the SMTP server refuses the mail (may be null) */
    public static void send(
            KeycloakSession session,
            RealmModel realm,
            RenderedEmail email,
            BiConsumer<KeycloakSession, RealmModel> onFailure) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        String realmId = realm.getId();
        AfterCommit.run(session, () -> session.getProvider(ExecutorsProvider.class)
                .getExecutor(EXECUTOR)
                .execute(() -> KeycloakModelUtils.runJobInTransaction(factory, s -> {
                    RealmModel r = s.realms().getRealm(realmId);
                    s.getContext().setRealm(r);
                    try {
                        email.send(s, r);
                    } catch (EmailException e) {
                        LOG.warnf("Could not send a deferred email in realm %s: %s", r.getName(), e.getMessage());
                        if (onFailure != null) {
                            onFailure.accept(s, r);
                        }
                    }
                })));
    }
}
