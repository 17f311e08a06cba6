package fr.ordre.comptexpert.support;

import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;

/** Work that must follow this request's writes: it runs once they are committed, and not at all on rollback. */
public final class AfterCommit {

    private AfterCommit() {}

    public static void run(KeycloakSession session, Runnable task) {
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                task.run();
            }

            @Override
            protected void rollbackImpl() {}
        });
    }
}
