package fr.ordre.comptexpert.it.sweep;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Malformed inputs, generated the same way on every run: the hand-picked classics (markup, injections,
 * control characters, odd Unicode, absurd lengths, broken dates and addresses) plus seeded random
 * mutations of well-formed values (a character dropped, doubled, replaced by a control or a symbol).
 */
final class MalformedCorpus {

    static final long SEED = 20_261_127L;

    private MalformedCorpus() {}

    /** Text for any form field or string: about 70 values. */
    static List<String> strings() {
        List<String> v = new ArrayList<>(List.of(
                "",
                " ",
                "\t",
                "\n",
                "\r\n",
                "\u0000",
                "abc\u0000def",
                "\u0007\u001b[31mred",
                "\u007f",
                "A".repeat(81),
                "A".repeat(300),
                "B".repeat(10_000),
                "é".repeat(3000),
                "<script>alert(1)</script>",
                "\"><img src=x onerror=alert(1)>",
                "<!--",
                "]]>",
                "&amp;&#0;&#x0;",
                "' OR '1'='1",
                "'; DROP TABLE user_entity; --",
                "\" OR \"\"=\"",
                "${jndi:ldap://127.0.0.1:1/a}",
                "${7*7}",
                "#{7*7}",
                "<#assign x=\"freemarker.template.utility.Execute\"?new()>${x(\"id\")}",
                "%s%s%s%n%n",
                "{{7*7}}",
                "../../../../etc/passwd",
                "..%2F..%2Fetc%2Fpasswd",
                "%00",
                "%C3%28",
                "%",
                "\u202Eevil\u202C",
                "\uFEFF",
                "\uD800",
                "\uDFFF\uD800",
                "😀😀😀",
                "a" + "\u0301".repeat(200),
                "\u200B\u200B",
                "ＡＢＣ",
                "Ⅻ",
                "ǅ",
                "ß".repeat(40),
                "İ",
                "\u0130\u0131",
                "-1",
                "0",
                "99999999999999999999999",
                "1e309",
                "NaN",
                "null",
                "undefined",
                "true",
                "[]",
                "{}",
                "x\r\nSet-Cookie: a=b",
                "a@b.c\r\nBcc: victim@example.org",
                "a@",
                "@b",
                "a@b@c",
                "a..b@c.d",
                "a@b",
                "x".repeat(250) + "@e.fr",
                "name@[127.0.0.1]",
                "31/02/2000",
                "00/00/0000",
                "32/13/2000",
                "1/1/1",
                "2000-02-30",
                "+99999-01-01",
                "01/01/-2000",
                "29/02/2001",
                "01-01-2000",
                "01/01/20000",
                "٠١/٠١/٢٠٠٠",
                "01/01/2000/01"));
        Random random = new Random(SEED);
        for (String base : List.of("Dupont", "12/03/1980", "jean.dupont@example.fr", "IDF-100001")) {
            for (int i = 0; i < 3; i++) {
                v.add(mutate(base, random));
            }
        }
        return dedupe(v);
    }

    /** Malformed JSON bodies for the Expertpass API. */
    static List<String> jsonBodies() {
        List<String> v = new ArrayList<>(List.of(
                "",
                " ",
                "null",
                "true",
                "1",
                "\"x\"",
                "[]",
                "[{}]",
                "{",
                "}",
                "{\"a\":",
                "{'single':'quotes'}",
                "{\"watch\":null}",
                "{\"watch\":1}",
                "{\"watch\":[]}",
                "{\"watch\":{}}",
                "{\"watch\":\"" + "w".repeat(9000) + "\"}",
                "{\"code\":\"123\",\"deviceId\":\"a.b\",\"decision\":\"approve\",\"time\":\"now\",\"signature\":\"x\"}",
                "{\"code\":123,\"deviceId\":\"a.b\",\"decision\":\"approve\",\"time\":1,\"signature\":\"x\"}",
                "{\"code\":\"12a\",\"deviceId\":\"a.b\",\"decision\":\"approve\",\"time\":1,\"signature\":\"x\"}",
                "{\"code\":\"123\",\"deviceId\":\"a.b\",\"decision\":\"maybe\",\"time\":1,\"signature\":\"x\"}",
                "{\"code\":\"123\",\"deviceId\":\"a.b\",\"decision\":\"approve\",\"time\":1e400,\"signature\":\"x\"}",
                "{\"code\":\"123\",\"deviceId\":\"a.b\",\"decision\":\"approve\",\"time\":-9223372036854775809,\"signature\":\"x\"}",
                "{\"deviceName\":\"\",\"publicKey\":\"\",\"signature\":\"\"}",
                "{\"deviceName\":\"\\u0000\",\"publicKey\":\"AAAA\",\"signature\":\"AAAA\"}",
                "{\"deviceName\":\"" + "n".repeat(65) + "\",\"publicKey\":\"AAAA\",\"signature\":\"AAAA\"}",
                "{\"deviceName\":\"ok\",\"publicKey\":\"" + "A".repeat(500) + "\",\"signature\":\"AAAA\"}",
                "{\"deviceName\":\"ok\",\"publicKey\":\"not base64 !!\",\"signature\":\"AAAA\"}",
                "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                "{\"a\":1,\"a\":2}",
                "\uFEFF{}",
                "{\"\\ud800\":1}",
                "<xml/>",
                "a=b&c=d",
                "{\"deviceId\":\"" + "x".repeat(101) + "\",\"time\":1,\"signature\":\"x\"}",
                "{\"deviceId\":\".\",\"time\":1,\"signature\":\"x\"}",
                "{\"deviceId\":\"a.\",\"time\":1,\"signature\":\"x\"}"));
        return dedupe(v);
    }

    /** Malformed ES256 signatures (base64url of 64 bytes expected). */
    static List<String> signatures(String genuine) {
        Random random = new Random(SEED + 1);
        List<String> v = new ArrayList<>(List.of(
                "",
                "x",
                "====",
                "!!!!",
                "A".repeat(201),
                "AAAA",
                Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]),
                Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[72]),
                Base64.getEncoder().encodeToString(new byte[64]),
                genuine.substring(1),
                genuine + "A",
                new StringBuilder(genuine).reverse().toString()));
        for (int i = 0; i < 8; i++) {
            char[] c = genuine.toCharArray();
            int at = random.nextInt(c.length);
            c[at] = c[at] == 'A' ? 'B' : 'A';
            v.add(new String(c));
        }
        return dedupe(v);
    }

    /** Malformed compact JWS, as an action-token link would carry one. */
    static List<String> jws() {
        String header = b64("{\"alg\":\"HS512\",\"typ\":\"JWT\"}");
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64("{\"typ\":\"ordre-set-password\",\"exp\":4102444800,\"sub\":\"x\"}");
        List<String> v = new ArrayList<>(List.of(
                "",
                "a",
                "a.b",
                "a.b.c",
                "..",
                "...",
                header + "." + payload + ".",
                none + "." + payload + ".",
                header + "." + payload + ".AAAA",
                header + ".%%%." + "AAAA",
                b64("not json") + "." + payload + ".AAAA",
                header + "." + b64("[]") + ".AAAA",
                header + "." + payload + "." + "A".repeat(5000),
                "eyJ" + "A".repeat(20000)));
        return dedupe(v);
    }

    static String b64(String s) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String mutate(String base, Random random) {
        StringBuilder s = new StringBuilder(base);
        int at = random.nextInt(s.length());
        switch (random.nextInt(4)) {
            case 0 -> s.setCharAt(at, (char) random.nextInt(32));
            case 1 -> s.insert(at, "<>\"'&;|`$".charAt(random.nextInt(9)));
            case 2 -> s.insert(at, s.toString().repeat(8));
            default -> s.setCharAt(at, (char) (0x2000 + random.nextInt(0x70)));
        }
        return s.toString();
    }

    private static List<String> dedupe(List<String> values) {
        Set<String> set = new LinkedHashSet<>(values);
        return new ArrayList<>(set);
    }
}
