package fr.ordre.comptexpert.expertpass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;

class ExpertpassProximityTest {

    private static RealmModel realmWith(String proximity) {
        return (RealmModel) Proxy.newProxyInstance(
                RealmModel.class.getClassLoader(),
                new Class<?>[] {RealmModel.class},
                (self, method, args) ->
                        "getAttribute".equals(method.getName()) && ExpertpassProximity.REALM_ATTRIBUTE.equals(args[0])
                                ? proximity
                                : null);
    }

    @Test
    void warnUnlessTheRealmSaysRefuse() {
        assertEquals(ExpertpassProximity.WARN, ExpertpassProximity.of(realmWith(null)));
        assertEquals(ExpertpassProximity.WARN, ExpertpassProximity.of(realmWith("")));
        assertEquals(ExpertpassProximity.WARN, ExpertpassProximity.of(realmWith("block")), "an unknown value warns");
        assertEquals(ExpertpassProximity.REFUSE, ExpertpassProximity.of(realmWith(" Refuse ")));
    }

    @Test
    void sameIpv4AddressOrSameIpv6Slash64() {
        String browser = ExpertpassProximity.network("203.0.113.7");
        assertTrue(ExpertpassProximity.sameNetwork(browser, "203.0.113.7"));
        assertFalse(ExpertpassProximity.sameNetwork(browser, "203.0.113.8"), "IPv4: the whole address");
        String v6 = ExpertpassProximity.network("2001:db8:1:2::10");
        assertTrue(ExpertpassProximity.sameNetwork(v6, "2001:db8:1:2:a:b:c:d"), "another host of the same /64");
        assertFalse(ExpertpassProximity.sameNetwork(v6, "2001:db8:1:3::10"));
    }

    @Test
    void anUnreadableAddressIsNeverTheSameNetwork() {
        String unknown = ExpertpassProximity.network("not an address");
        assertFalse(ExpertpassProximity.sameNetwork(unknown, "still not one"));
        assertFalse(ExpertpassProximity.sameNetwork(null, "203.0.113.7"), "a challenge without a recorded network");
    }
}
