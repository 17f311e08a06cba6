package fr.ordre.comptexpert.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientNetworkTest {

    @Test
    void ipv6CountsPerSlash64AndIpv4PerAddress() {
        String one = ClientNetwork.of("2001:db8:1:2::1");
        assertEquals("2001:db8:1:2::/64", one);
        assertEquals(one, ClientNetwork.of("2001:0db8:0001:0002:ffff:ffff:ffff:fffe"), "same /64, another host");
        assertEquals("2001:db8:1:3::/64", ClientNetwork.of("2001:db8:1:3::1"), "the next /64 is another client");
        assertEquals("2001:db8:1:2::/64", ClientNetwork.of("[2001:db8:1:2::5]"));
        assertEquals("2001:db8:1:2::/64", ClientNetwork.of("2001:db8:1:2::5%eth0"));
        assertEquals("192.0.2.7", ClientNetwork.of("192.0.2.7"));
        assertEquals("192.0.2.7", ClientNetwork.of("::ffff:192.0.2.7"), "an IPv4-mapped address is IPv4");
        assertEquals("0:0:0:0::/64", ClientNetwork.of("::1"));
    }

    @Test
    void anythingButALiteralIsOneUnknownClientAndNeverALookup() {
        assertEquals("unknown", ClientNetwork.of(null));
        assertEquals("unknown", ClientNetwork.of(""));
        assertEquals("unknown", ClientNetwork.of("example.org"));
        assertEquals("unknown", ClientNetwork.of("dead.beef"), "hex letters and dots: a name, not looked up");
        assertEquals("unknown", ClientNetwork.of("1.2.3.4, 5.6.7.8"));
        assertEquals("unknown", ClientNetwork.of("host.example:80"));
    }
}
