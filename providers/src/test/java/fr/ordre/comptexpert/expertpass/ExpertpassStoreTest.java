package fr.ordre.comptexpert.expertpass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.ordre.comptexpert.expertpass.ExpertpassEntry.Challenge;
import fr.ordre.comptexpert.expertpass.ExpertpassEntry.Enrolment;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransaction;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/**
 * The store's contract with Keycloak's SingleUseObject store, over an in-memory fake of it: every write carries a
 * lifespan (Infinispan's replace would make the entry immortal), one entry per login page, and a watch token that
 * finds its entry only with the entry's own secret. The real store is exercised by the ITs.
 */
class ExpertpassStoreTest {

    private static final String CHALLENGE = ExpertpassEntry.Kind.CHALLENGE.prefix;
    private static final String ENROLMENT = ExpertpassEntry.Kind.ENROLMENT.prefix;

    /** The SingleUseObject store, recording each write's lifespan; replace fails the test. */
    static final class FakeStore implements SingleUseObjectProvider {
        final Map<String, Map<String, String>> entries = new HashMap<>();
        final Map<String, Long> lifespans = new HashMap<>();

        @Override
        public void put(String key, long lifespanSeconds, Map<String, String> notes) {
            assertTrue(lifespanSeconds > 0, "a lifespan for " + key);
            entries.put(key, Map.copyOf(notes));
            lifespans.put(key, lifespanSeconds);
        }

        @Override
        public Map<String, String> get(String key) {
            return entries.get(key);
        }

        @Override
        public Map<String, String> remove(String key) {
            return entries.remove(key);
        }

        @Override
        public boolean replace(String key, Map<String, String> notes) {
            throw new AssertionError("replace() drops the entry's lifespan: " + key);
        }

        @Override
        public boolean putIfAbsent(String key, long lifespanInSeconds) {
            return entries.putIfAbsent(key, Map.of()) == null;
        }

        @Override
        public boolean contains(String key) {
            return entries.containsKey(key);
        }

        @Override
        public void close() {}
    }

    private final FakeStore fake = new FakeStore();
    private final List<KeycloakTransaction> afterCompletion = new ArrayList<>();
    private final Map<String, String> authNotes = new HashMap<>();
    private final ExpertpassStore store = new ExpertpassStore(proxy(
            KeycloakSession.class,
            Map.of(
                    "singleUseObjects",
                    fake,
                    "getTransactionManager",
                    proxy(KeycloakTransactionManager.class, Map.of("enlistAfterCompletion", afterCompletion)))));
    private final RealmModel realm = proxy(RealmModel.class, Map.of("getId", "realm-1"));
    private final AuthenticationSessionModel attempt = proxy(
            AuthenticationSessionModel.class,
            Map.of(
                    "getParentSession",
                    proxy(RootAuthenticationSessionModel.class, Map.of("getId", "root-1")),
                    "getTabId",
                    "tab-1",
                    "getClient",
                    proxy(ClientModel.class, Map.of("getId", "client-1")),
                    "setAuthNote",
                    authNotes));

    @Test
    void aLoginPageWritesOneSmallEntryWithABoundedLifespan() {
        Challenge challenge = newChallenge();

        assertEquals(Map.of(CHALLENGE + challenge.id(), 60L + ExpertpassEntry.PENDING_GRACE_SECONDS), fake.lifespans);
        assertEquals(13, fake.get(CHALLENGE + challenge.id()).size());
        assertEquals(ExpertpassStatus.PENDING, challenge.status());
        assertEquals(challenge, store.challenge(challenge.id()).orElseThrow(), "read back as written");
        assertEquals(60, challenge.lifespanSeconds());
        assertEquals(2, challenge.codeDigits());
        assertEquals(challenge.id(), authNotes.get(ExpertpassStore.NOTE_CHALLENGE));
        assertEquals(1, authNotes.size());
    }

    @Test
    void theWatchTokenFindsItsEntryOnlyWithTheEntrysSecret() {
        Challenge challenge = newChallenge();
        String token = challenge.watchToken();

        assertEquals(
                Optional.of(challenge.id()),
                ExpertpassStore.Watch.parse(token).flatMap(store::watched).map(ExpertpassEntry::id));

        String otherSecret = "ch." + challenge.id() + "." + ExpertpassCrypto.randomToken();
        assertEquals(Optional.empty(), ExpertpassStore.Watch.parse(otherSecret).flatMap(store::watched));
        // The QR's challenge id alone, or as an enrolment, finds nothing.
        assertEquals(Optional.empty(), ExpertpassStore.Watch.parse(challenge.id()));
        String asEnrolment = "en." + challenge.id() + "." + challenge.watch();
        assertEquals(Optional.empty(), ExpertpassStore.Watch.parse(asEnrolment).flatMap(store::watched));
    }

    @Test
    void malformedWatchTokensAreRefusedBeforeAnyRead() {
        String id = ExpertpassCrypto.randomToken();
        for (String bad : new String[] {
            null,
            "",
            "ch",
            "ch." + id,
            "xx." + id + "." + id,
            "ch." + id + "." + id + ".x",
            "ch." + id + ".short",
            "ch.." + id,
            "ch." + id + "." + id.replace('A', '/') + "/"
        }) {
            assertEquals(Optional.empty(), ExpertpassStore.Watch.parse(bad), String.valueOf(bad));
        }
        assertTrue(ExpertpassStore.Watch.parse("en." + id + "." + id).isPresent());
    }

    @Test
    void aDecisionKeepsALifespanAndIsPublishedOnlyAfterTheCommit() {
        Challenge challenge = newChallenge();
        fake.lifespans.clear();
        List<String> published = new ArrayList<>();

        store.update(challenge.approved("user-1", "credential-1", "same"));
        store.afterCommit(() -> published.add("approved"));

        long lifespan = fake.lifespans.get(CHALLENGE + challenge.id());
        assertTrue(
                lifespan > ExpertpassEntry.KEEP_SECONDS && lifespan <= 60 + ExpertpassEntry.KEEP_SECONDS,
                "lifespan " + lifespan);
        Challenge stored = store.challenge(challenge.id()).orElseThrow();
        assertEquals(ExpertpassStatus.APPROVED, stored.status());
        assertEquals("user-1", stored.userId());
        assertEquals("credential-1", stored.credentialId());
        assertEquals("same", stored.network());
        assertEquals(List.of(), published);
        assertEquals(1, afterCompletion.size());

        afterCompletion.get(0).begin();
        afterCompletion.get(0).commit();
        assertEquals(List.of("approved"), published);
    }

    @Test
    void anExpiredEntryIsStillKeptForLateReadersADecisionLonger() {
        Challenge expired = newChallenge().expiringAt(ExpertpassStore.now() - 30);

        store.update(expired.rotated());
        assertEquals((long) ExpertpassEntry.PENDING_GRACE_SECONDS, fake.lifespans.get(CHALLENGE + expired.id()));

        store.update(expired.denied(ExpertpassEntry.Denial.CODE));
        assertEquals((long) ExpertpassEntry.KEEP_SECONDS, fake.lifespans.get(CHALLENGE + expired.id()));
        assertEquals("code", fake.get(CHALLENGE + expired.id()).get("reason"), "the wire name of the denial");
        assertEquals(
                ExpertpassEntry.Denial.CODE,
                store.challenge(expired.id()).orElseThrow().denial());
    }

    @Test
    void aPostedKeyWaitsForOneAnswerFromTheBrowser() {
        Enrolment enrolment = store.createEnrolment(realm, attempt, "user-1", 240);
        assertFalse(store.takeConfirmation(enrolment), "nothing to answer before a phone posts its key");

        Enrolment confirming = store.awaitConfirmation(enrolment, "Pixel de Marie", "SPKI", 120);
        Enrolment stored = store.enrolment(enrolment.id()).orElseThrow();
        assertEquals(ExpertpassStatus.CONFIRMING, stored.status());
        assertEquals("confirming", fake.get(ENROLMENT + enrolment.id()).get("status"), "the wire name of the status");
        assertEquals("Pixel de Marie", stored.deviceName());
        assertEquals("SPKI", stored.publicKey());
        assertEquals(ExpertpassStore.now() + 120, stored.expiresAt(), "the wait for the answer, from the post");
        assertEquals(120L + ExpertpassEntry.KEEP_SECONDS, fake.lifespans.get(ENROLMENT + enrolment.id()));

        assertTrue(store.takeConfirmation(confirming));
        assertFalse(store.takeConfirmation(confirming), "a double submit or a second tab gets no second answer");
    }

    private Challenge newChallenge() {
        return store.createChallenge(
                realm, attempt, new ExpertpassStore.ChallengeOrigin("Service", "Firefox", "Linux", "127.0.0.1"), 60, 2);
    }

    /**
     * A proxy of a Keycloak interface answering the named methods: a value is returned as is, a map given for a
     * two-argument method records the call, a list given for a one-argument method collects the argument.
     */
    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            Object answer = answers.get(method.getName());
            if (answer instanceof Map<?, ?> map && args != null && args.length == 2) {
                ((Map<Object, Object>) map).put(args[0], args[1]);
                return null;
            }
            if (answer instanceof List<?> list && args != null && args.length == 1) {
                ((List<Object>) list).add(args[0]);
                return null;
            }
            if (answer == null && !answers.containsKey(method.getName())) {
                throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
            }
            return answer;
        });
    }
}
