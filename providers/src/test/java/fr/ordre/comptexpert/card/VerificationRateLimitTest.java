package fr.ordre.comptexpert.card;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VerificationRateLimitTest {

    @Test
    void ipv6CountsPerSlash64AndIpv4PerAddress() {
        String one = VerificationRateLimit.client("2001:db8:1:2::1");
        assertEquals("2001:db8:1:2::/64", one);
        assertEquals(one, VerificationRateLimit.client("2001:0db8:0001:0002:ffff:ffff:ffff:fffe"), "same /64, another host");
        assertEquals("2001:db8:1:3::/64", VerificationRateLimit.client("2001:db8:1:3::1"), "the next /64 is another client");
        assertEquals("192.0.2.7", VerificationRateLimit.client("192.0.2.7"));
        assertEquals("192.0.2.7", VerificationRateLimit.client("::ffff:192.0.2.7"), "an IPv4-mapped address is IPv4");
        assertEquals("0:0:0:0::/64", VerificationRateLimit.client("::1"));
    }

    @Test
    void anythingButALiteralIsOneUnknownClient() {
        assertEquals("unknown", VerificationRateLimit.client(null));
        assertEquals("unknown", VerificationRateLimit.client(""));
        assertEquals("unknown", VerificationRateLimit.client("example.org"));
        assertEquals("unknown", VerificationRateLimit.client("dead.beef"), "hex letters and dots: a name, not looked up");
        assertEquals("unknown", VerificationRateLimit.client("1.2.3.4, 5.6.7.8"));
    }
}
