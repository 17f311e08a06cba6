package fr.ordre.comptexpert.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import freemarker.template.SimpleScalar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.keycloak.theme.beans.MessageFormatterMethod;

/** The {@code msg} of a cached page answers as Keycloak's, which copies the page's attributes and messages. */
class PageMessagesTest {

    private static final Locale FR = Locale.FRENCH;

    private final Properties messages = new Properties();
    private final Map<String, Object> attributes = new HashMap<>();

    PageMessagesTest() {
        messages.setProperty("doLogIn", "Se connecter");
        messages.setProperty("welcome", "Bonjour {0}, bienvenue sur {1}");
        messages.setProperty("nested", "Votre ${service} vous attend");
        messages.setProperty("service", "espace Comptexpert");
        messages.setProperty("pageId", "the message wins over the attribute");
        attributes.put("pageId", "login");
        attributes.put("realmName", "ordre");
        attributes.put("realm", new Object() {
            @Override
            public String toString() {
                return "a bean";
            }
        });
    }

    /** Keycloak's own: a new map of the attributes, the messages put over them, copied into the method. */
    private Object keycloak(Object... args) throws Exception {
        Map<Object, Object> merged = new HashMap<>(attributes);
        merged.putAll(messages);
        return new MessageFormatterMethod(FR, merged).exec(List.of(args));
    }

    private Object ours(Object... args) throws Exception {
        return new MessageFormatterMethod(FR, new PageMessages(messages, new HashMap<>(attributes)))
                .exec(List.of(args));
    }

    @Test
    void everyKindOfLookupAnswersAsKeycloaksCopyWould() throws Exception {
        List<Object[]> calls = List.of(
                new Object[] {new SimpleScalar("doLogIn")},
                new Object[] {new SimpleScalar("welcome"), new SimpleScalar("Marie"), new SimpleScalar("${service}")},
                new Object[] {new SimpleScalar("nested")},
                new Object[] {new SimpleScalar("pageId")},
                new Object[] {new SimpleScalar("realmName")},
                new Object[] {new SimpleScalar("realm")},
                new Object[] {new SimpleScalar("welcome"), new SimpleScalar("${realmName}"), "${realm}"},
                new Object[] {new SimpleScalar("absent-key")},
                new Object[] {new SimpleScalar("Texte libre {0}"), new SimpleScalar("${missing}")});
        for (Object[] call : calls) {
            assertEquals(keycloak(call), ours(call), () -> "msg(" + List.of(call) + ")");
        }
        assertEquals("Votre espace Comptexpert vous attend", ours(new SimpleScalar("nested")));
        assertEquals("the message wins over the attribute", ours(new SimpleScalar("pageId")));
    }

    @Test
    void itListsAndTakesNothingRatherThanSeemEmpty() {
        PageMessages view = new PageMessages(messages, attributes);
        assertThrows(UnsupportedOperationException.class, view::size);
        assertThrows(UnsupportedOperationException.class, view::keySet);
        assertThrows(UnsupportedOperationException.class, view::stringPropertyNames);
        assertThrows(UnsupportedOperationException.class, () -> view.setProperty("doLogIn", "x"));
        assertEquals("Se connecter", view.getProperty("doLogIn"));
        assertEquals("login", view.getProperty("absent", "login"));
    }
}
