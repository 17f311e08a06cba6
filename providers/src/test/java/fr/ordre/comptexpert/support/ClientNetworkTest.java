package fr.ordre.comptexpert.support;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientNetworkTest {

    @Test
    void ipv4IsTheWholeAddressIpv6ItsSlash64() {
        assertEquals("203.0.113.7", ClientNetwork.of("203.0.113.7"));
        assertEquals("2001:db8:1:2::/64", ClientNetwork.of("2001:db8:1:2:a:b:c:d"));
        assertEquals(ClientNetwork.of("2001:db8:1:2::1"), ClientNetwork.of("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"),
                "any address of the /64 is the same network");
        assertEquals("2001:db8:1:2::/64", ClientNetwork.of("[2001:db8:1:2::5]"));
        assertEquals("2001:db8:1:2::/64", ClientNetwork.of("2001:db8:1:2::5%eth0"));
    }

    @Test
    void nothingReadableIsOneNetworkOfItsOwnAndNeverALookup() {
        assertEquals("unknown", ClientNetwork.of(null));
        assertEquals("unknown", ClientNetwork.of(" "));
        assertEquals("unknown", ClientNetwork.of("host.example:80"));
    }
}
