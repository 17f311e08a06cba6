package fr.ordre.comptexpert.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.ordre.comptexpert.theme.Themes.Type;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The theme declarations that would fail silently in Keycloak (a lost stylesheet, a wrong parent). */
class ThemePropertiesTest {

    @Test
    void loginAddsOneStylesheetAfterKeycloakV2s() throws Exception {
        Properties ours = own("ordre", Type.LOGIN);
        Properties parent = own("keycloak.v2", Type.LOGIN);
        assertEquals("keycloak.v2", ours.getProperty("parent"));
        assertEquals(
                parent.getProperty("styles") + " css/ordre.css",
                ours.getProperty("styles"),
                "keycloak.v2's styles changed: keep them all, then ours");
        assertEquals("fr,en", ours.getProperty("locales"));
        assertTrue(getClass().getClassLoader().getResource(Themes.ORDRE + "login/resources/css/ordre.css") != null);
    }

    @Test
    void emailExtendsBase() throws Exception {
        Properties ours = own("ordre", Type.EMAIL);
        assertEquals("base", ours.getProperty("parent"));
        assertEquals("fr,en", ours.getProperty("locales"));
    }

    @Test
    void themeIsDeclaredForLoginEmailAndAccount() throws Exception {
        // The keycloak-themes jar has its own META-INF/keycloak-themes.json: ours is the one in target/classes.
        URL ours = Collections.list(getClass().getClassLoader().getResources("META-INF/keycloak-themes.json")).stream()
                .filter(url -> "file".equals(url.getProtocol()))
                .findFirst()
                .orElseThrow();
        String json;
        try (InputStream in = ours.openStream()) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s", "");
        }
        assertTrue(json.contains("{\"name\":\"ordre\",\"types\":[\"login\",\"email\",\"account\"]}"), json);
    }

    @Test
    void accountThemeExtendsKeycloakV3WithOurMarkAndStylesheet() throws Exception {
        java.util.Properties account = new java.util.Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("theme/ordre/account/theme.properties")) {
            account.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        org.junit.jupiter.api.Assertions.assertEquals("keycloak.v3", account.getProperty("parent"));
        for (String resource : java.util.List.of(account.getProperty("logo"), "/" + account.getProperty("styles"))) {
            org.junit.jupiter.api.Assertions.assertNotNull(
                    getClass().getClassLoader().getResource("theme/ordre/account/resources" + resource), resource);
        }
    }

    private static Properties own(String theme, Type type) throws Exception {
        Properties p = new Properties();
        try (InputStream in = ThemePropertiesTest.class
                .getClassLoader()
                .getResourceAsStream("theme/" + theme + "/" + type.dir + "/theme.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
