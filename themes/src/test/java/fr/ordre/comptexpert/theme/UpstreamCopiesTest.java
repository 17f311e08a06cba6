package fr.ordre.comptexpert.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Four login templates of ours are copies of Keycloak's (keycloak.v2 or base, 26.7.3) with a few lines changed,
 * each marked "ordre:". After a Keycloak upgrade, a line Keycloak added or changed there would be lost without a
 * word: this test reads the upstream files from the keycloak-themes jar on the test classpath and fails when one
 * of their lines is missing from our copy, except the lines our changes replace, listed here (the documented diff).
 */
class UpstreamCopiesTest {

    /** Our copy, its upstream, and the upstream lines (trimmed) our "ordre:" changes replace. */
    record Copy(String ours, String upstream, Set<String> replaced) {
        @Override
        public String toString() {
            return ours + " <- " + upstream;
        }
    }

    static Stream<Copy> copies() {
        return Stream.of(
                new Copy(
                        "theme/ordre/login/template.ftl",
                        "theme/keycloak.v2/login/template.ftl",
                        Set.of(
                                // the attempted username's label points at its read-only field (axe: label)
                                "<@field.group name=\"username\" label=label>",
                                // the header: the Comptexpert wordmark instead of the realm's display name
                                "<div id=\"kc-header-wrapper\"",
                                "class=\"pf-v5-c-brand\">${kcSanitize(msg(\"loginTitleHtml\",(realm.displayNameHtml!'')))?no_esc}</div>",
                                // the notice carries its kind (role, data-kind)
                                "<div class=\"${properties.kcAlertClass!} pf-m-${(message.type = 'error')?then('danger', message.type)}\">")),
                new Copy("theme/ordre/login/field.ftl", "theme/keycloak.v2/login/field.ftl", Set.of()),
                new Copy("theme/ordre/login/error.ftl", "theme/base/login/error.ftl", Set.of()),
                new Copy(
                        "theme/ordre/login/info.ftl",
                        "theme/base/login/info.ftl",
                        Set.of(
                                // the header also says "password set" after a link opened in another browser
                                "<#if messageHeader??>")));
    }

    @ParameterizedTest
    @MethodSource("copies")
    void everyUpstreamLineIsInOurCopyOrListedAsReplaced(Copy copy) throws IOException {
        Set<String> ours = Set.copyOf(lines(copy.ours()));
        List<String> missing = lines(copy.upstream()).stream()
                .filter(line -> !ours.contains(line) && !copy.replaced().contains(line))
                .toList();
        assertEquals(
                List.of(),
                missing,
                copy.upstream() + " has lines our " + copy.ours() + " lacks: after a Keycloak "
                        + "upgrade, copy the new file and re-apply the lines marked 'ordre:' (or list a line replaced on purpose)");
        List<String> upstream = lines(copy.upstream());
        List<String> stale = copy.replaced().stream()
                .filter(line -> !upstream.contains(line))
                .toList();
        assertEquals(List.of(), stale, "listed as replaced but no longer upstream: update the list");
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = UpstreamCopiesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " not on the test classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .collect(Collectors.toList());
        }
    }
}
