package fr.ordre.comptexpert.expertpass;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterEvent;
import org.keycloak.cluster.ClusterListener;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Wakes the browsers waiting on this node when a decision is taken on any node. The decision itself lives
 * in the SingleUseObject store; this only holds this node's open long-polls (futures), keyed by challenge
 * or enrolment reference, and forgets them when they end.
 * <p>
 * The signal travels through Keycloak's ClusterProvider. A ClusterEvent must be known to Keycloak's
 * ProtoStream schema to cross nodes, and extensions cannot add to it; so we send one of Keycloak's own,
 * AuthenticationSessionAuthNoteUpdateEvent (an id, a tab id and a string map: exactly our payload), on our
 * own task key so that only our listener sees it. That class is not in the SPI jars, hence reflection.
 */
final class ExpertpassWakeups implements ClusterListener {

    static final String TASK_KEY = "ordre-expertpass-wakeup";
    static final ExpertpassWakeups INSTANCE = new ExpertpassWakeups();

    private static final Logger LOG = Logger.getLogger(ExpertpassWakeups.class);
    private static final String EVENT_CLASS =
            "org.keycloak.models.cache.infinispan.events.AuthenticationSessionAuthNoteUpdateEvent";
    private static final String SENDER = "ordre-expertpass";

    private final Map<String, Set<CompletableFuture<ExpertpassStatus>>> waiters = new ConcurrentHashMap<>();
    private final AtomicBoolean registered = new AtomicBoolean();
    private volatile Method create;
    private volatile Method tabId;
    private volatile Method notes;

    private ExpertpassWakeups() {}

    /** Once per node, from a factory's postInit. */
    void register(KeycloakSession session) {
        if (registered.compareAndSet(false, true)) {
            session.getProvider(ClusterProvider.class).registerListener(TASK_KEY, this);
        }
    }

    CompletableFuture<ExpertpassStatus> await(String key) {
        CompletableFuture<ExpertpassStatus> future = new CompletableFuture<>();
        waiters.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(future);
        future.whenComplete((v, e) -> waiters.computeIfPresent(key, (k, set) -> {
            set.remove(future);
            return set.isEmpty() ? null : set;
        }));
        return future;
    }

    int waiting() {
        return waiters.values().stream().mapToInt(Set::size).sum();
    }

    /** Tells every node that {@code key} reached {@code status}. Local waiters are woken at once. */
    void publish(KeycloakSession session, String key, ExpertpassStatus status) {
        wake(key, status);
        try {
            ClusterEvent event =
                    (ClusterEvent) createMethod().invoke(null, SENDER, key, Map.of("status", status.wire()));
            session.getProvider(ClusterProvider.class).notify(TASK_KEY, event, true, ClusterProvider.DCNotify.ALL_DCS);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // The local waiters are woken already; remote ones fall back to their next re-check.
            LOG.warnf(e, "Expertpass: could not send the cluster wake-up for a decision (%s)", status);
        }
    }

    @Override
    public void eventReceived(ClusterEvent event) {
        if (event == null || !EVENT_CLASS.equals(event.getClass().getName())) {
            return;
        }
        try {
            String key = (String) tabIdMethod(event).invoke(event);
            @SuppressWarnings("unchecked")
            Map<String, String> fragment =
                    (Map<String, String>) notesMethod(event).invoke(event);
            if (key != null && fragment != null && fragment.get("status") != null) {
                wake(key, ExpertpassStatus.of(fragment.get("status")));
            }
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            LOG.warnf(e, "Expertpass: unreadable cluster wake-up");
        }
    }

    private void wake(String key, ExpertpassStatus status) {
        Set<CompletableFuture<ExpertpassStatus>> set = waiters.remove(key);
        if (set != null) {
            set.forEach(f -> f.complete(status));
        }
    }

    private Method createMethod() throws ReflectiveOperationException {
        if (create == null) {
            create = Class.forName(EVENT_CLASS, true, ClusterProvider.class.getClassLoader())
                    .getMethod("create", String.class, String.class, Map.class);
        }
        return create;
    }

    private Method tabIdMethod(ClusterEvent event) throws ReflectiveOperationException {
        if (tabId == null) {
            tabId = event.getClass().getMethod("getTabId");
        }
        return tabId;
    }

    private Method notesMethod(ClusterEvent event) throws ReflectiveOperationException {
        if (notes == null) {
            notes = event.getClass().getMethod("getAuthNotesFragment");
        }
        return notes;
    }
}
