package fr.ordre.comptexpert.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * off the request's thread, a moment later: the response neither waits for the SMTP server nor shares the machine
 * with the conversation, so that a request with a mail to send takes no longer for it (docs/performance.md,
 * "Recovery").
 */
public final class DeferredMail {

    private static final Logger LOG = Logger.getLogger(DeferredMail.class);
    private static final String EXECUTOR = "ordre-email";

    /**
     * The SMTP conversation starts once the response has normally left. Started at the commit, it shared the machine
     * with the response still being written: the forgot form's answer for a known address was 5.6 ms slower (median)
     * than for an unknown one, and 2.2 ms with this delay (RecoveryTimingBenchmark, docs/benchmarks/recovery-timing-*).
     */
    static final long START_DELAY_MILLIS = 250;

    private DeferredMail() {}

    /** @param onFailure runs in a transaction of its own if the SMTP server refuses the mail (may be null) */
    public static void send(
            KeycloakSession session,
            RealmModel realm,
            RenderedEmail email,
            BiConsumer<KeycloakSession, RealmModel> onFailure) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        String realmId = realm.getId();
        AfterCommit.run(session, () -> CompletableFuture.delayedExecutor(
                        START_DELAY_MILLIS,
                        TimeUnit.MILLISECONDS,
                        session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR))
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
