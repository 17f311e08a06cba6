package fr.ordre.comptexpert.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared harness helpers, without a server: the ITs trust them. */
class HarnessHelpersTest {

    @Test
    void pkceChallengeIsTheUnpaddedBase64UrlOfTheVerifiersSha256() {
        // Computed apart: base64.urlsafe_b64encode(hashlib.sha256(v.encode()).digest()).rstrip(b'=')
        assertEquals(
                "D2AtrD_mYSLnV42oEnvFsY2jZqbXBU9bzIL0bOtIKgw",
                Pkce.challengeOf("Ordre-des-experts-comptables-2026-verifier-0123456789"));
        Pkce pkce = Pkce.s256();
        assertEquals(Pkce.challengeOf(pkce.verifier()), pkce.challenge());
        assertTrue(pkce.verifier().matches("[A-Za-z0-9_-]{43}"), "RFC 7636: 43 unreserved characters");
        assertNotEquals(pkce.verifier(), Pkce.s256().verifier());
    }

    @Test
    void formEncodingKeepsTheOrderAndEscapesEverythingReserved() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", "d'Almeida é");
        fields.put("password", "a&b=c+d");
        assertEquals("username=d%27Almeida+%C3%A9&password=a%26b%3Dc%2Bd", UrlForm.of(fields));
        assertEquals("http%3A%2F%2F127.0.0.1%3A49152%2Fcallback", UrlForm.encode("http://127.0.0.1:49152/callback"));
    }

    @Test
    void cookieJarSendsBackWhatWasSetAndForgetsWhatTheServerExpires() {
        CookieJar jar = new CookieJar();
        assertTrue(cookieHeader(jar).isEmpty(), "nothing to send yet");
        jar.keep(setCookies(
                "AUTH_SESSION_ID=abc.node1; Path=/realms/ordre/; HttpOnly",
                "KC_RESTART=eyJ; Version=1; Path=/realms/ordre/",
                "broken-without-equals"));
        assertEquals(List.of("AUTH_SESSION_ID=abc.node1; KC_RESTART=eyJ"), cookieHeader(jar));

        jar.keep(setCookies(
                "KC_RESTART=; Version=1; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:10 GMT; Path=/realms/ordre/",
                "AUTH_SESSION_ID=def.node2; Path=/realms/ordre/"));
        assertEquals(List.of("AUTH_SESSION_ID=def.node2"), cookieHeader(jar));

        jar.keep(setCookies("AUTH_SESSION_ID=gone; Max-Age=0; Path=/realms/ordre/"));
        assertTrue(cookieHeader(jar).isEmpty(), "Max-Age=0 expires it even with a value");
    }

    private static HttpHeaders setCookies(String... values) {
        return HttpHeaders.of(Map.of("Set-Cookie", List.of(values)), (name, value) -> true);
    }

    private static List<String> cookieHeader(CookieJar jar) {
        return jar.addTo(HttpRequest.newBuilder(URI.create("http://localhost/")))
                .build()
                .headers()
                .allValues("Cookie");
    }
}
