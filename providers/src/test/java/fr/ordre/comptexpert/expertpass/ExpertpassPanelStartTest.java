package fr.ordre.comptexpert.expertpass;

import static fr.ordre.comptexpert.expertpass.ExpertpassStoreTest.proxy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeyManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/** The start token's signature: the thread keeps its HMAC, but only while the realm's key stays the same. */
class ExpertpassPanelStartTest {

    private final AtomicReference<SecretKey> activeKey = new AtomicReference<>(newKey());
    private final KeycloakSession session = proxy(KeycloakSession.class, Map.of("keys", keys()));
    private final RealmModel ordre = proxy(RealmModel.class, Map.of("getId", "realm-ordre"));
    private final RealmModel other = proxy(RealmModel.class, Map.of("getId", "realm-other"));
    private final AuthenticationSessionModel attempt = proxy(
            AuthenticationSessionModel.class,
            Map.of(
                    "getParentSession",
                    proxy(RootAuthenticationSessionModel.class, Map.of("getId", "root-1")),
                    "getTabId",
                    "tab-1"));

    @Test
    void aTokenNamesItsAttemptAndItsStepSettings() {
        String token = ExpertpassPanelStart.token(session, ordre, attempt, ExpertpassLoginConfig.DEFAULTS);
        ExpertpassPanelStart.Attempt parsed =
                ExpertpassPanelStart.parse(session, ordre, token).orElseThrow();
        assertEquals(new ExpertpassPanelStart.Attempt("root-1", "tab-1", 60, 2), parsed);
        // Signed again on the same thread with the kept HMAC: the same token, so the Mac was left clean.
        assertEquals(token, ExpertpassPanelStart.token(session, ordre, attempt, ExpertpassLoginConfig.DEFAULTS));
    }

    @Test
    void aRotatedKeyRefusesTheTokensOfTheOldOneAndSignsWithTheNewOne() {
        String before = ExpertpassPanelStart.token(session, ordre, attempt, ExpertpassLoginConfig.DEFAULTS);
        activeKey.set(newKey());
        assertTrue(ExpertpassPanelStart.parse(session, ordre, before).isEmpty(), "the old key's token");
        String after = ExpertpassPanelStart.token(session, ordre, attempt, ExpertpassLoginConfig.DEFAULTS);
        assertTrue(ExpertpassPanelStart.parse(session, ordre, after).isPresent(), "the new key's token");
    }

    @Test
    void anotherRealmOrAnAlteredPayloadIsRefused() {
        String token = ExpertpassPanelStart.token(session, ordre, attempt, ExpertpassLoginConfig.DEFAULTS);
        assertTrue(ExpertpassPanelStart.parse(session, other, token).isEmpty(), "same key, other realm");
        String payload = token.substring(0, token.indexOf('.'));
        String altered = (payload.charAt(0) == 'c' ? 'd' : 'c') + token.substring(1);
        assertTrue(ExpertpassPanelStart.parse(session, ordre, altered).isEmpty(), "altered payload");
        assertTrue(ExpertpassPanelStart.parse(session, ordre, payload).isEmpty(), "no signature");
    }

    private KeyManager keys() {
        return (KeyManager) Proxy.newProxyInstance(
                KeyManager.class.getClassLoader(), new Class<?>[] {KeyManager.class}, (self, method, args) -> {
                    if (!method.getName().equals("getActiveKey")) {
                        throw new UnsupportedOperationException("KeyManager." + method.getName());
                    }
                    KeyWrapper key = new KeyWrapper();
                    key.setSecretKey(activeKey.get());
                    return key;
                });
    }

    private static SecretKey newKey() {
        byte[] bytes = new byte[64];
        new SecureRandom().nextBytes(bytes);
        return new SecretKeySpec(bytes, "HmacSHA512");
    }
}
