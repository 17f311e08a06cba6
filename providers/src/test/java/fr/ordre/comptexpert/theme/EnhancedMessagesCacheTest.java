package fr.ordre.comptexpert.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;
import org.keycloak.models.ThemeManager;
import org.keycloak.theme.Theme;
import org.keycloak.theme.ThemeResourceDescriptor;
import org.keycloak.theme.ThemeResources;

class EnhancedMessagesCacheTest {

    /** A theme whose merge counts its calls and lets realm texts win, as Keycloak's does. */
    private static final class CountingTheme implements Theme {
        final AtomicInteger merges = new AtomicInteger();
        final AtomicInteger propertyReads = new AtomicInteger();
        final String name;

        CountingTheme(String name) {
            this.name = name;
        }

        @Override
        public Properties getEnhancedMessages(RealmModel realm, Locale locale) {
            merges.incrementAndGet();
            Properties merged = new Properties();
            merged.setProperty("doLogIn", locale.getLanguage().equals("fr") ? "Se connecter" : "Sign in");
            merged.putAll(realm.getRealmLocalizationTextsByLocale(locale.toLanguageTag()));
            return merged;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getParentName() {
            return null;
        }

        @Override
        public String getImportName() {
            return null;
        }

        @Override
        public Type getType() {
            return Type.LOGIN;
        }

        @Override
        public URL getTemplate(String name) {
            return null;
        }

        @Override
        public InputStream getResourceAsStream(String path) {
            return null;
        }

        @Override
        public Properties getMessages(Locale locale) {
            return new Properties();
        }

        @Override
        public Properties getMessages(String baseBundlename, Locale locale) {
            return new Properties();
        }

        @Override
        public Properties getProperties() {
            propertyReads.incrementAndGet();
            Properties properties = new Properties();
            properties.setProperty("styles", "css/login.css css/ordre.css");
            return properties;
        }
    }

    /** Realm "ordre", French by default, with the texts in {@code texts} (locale tag, then key and text). */
    private static RealmModel realm(Map<String, Map<String, String>> texts) {
        return (RealmModel) Proxy.newProxyInstance(
                RealmModel.class.getClassLoader(),
                new Class<?>[] {RealmModel.class},
                (self, method, args) -> switch (method.getName()) {
                    case "getId" -> "ordre";
                    case "isInternationalizationEnabled" -> true;
                    case "getDefaultLocale" -> "fr";
                    case "getRealmLocalizationTextsByLocale" -> texts.getOrDefault((String) args[0], Map.of());
                    default -> null;
                });
    }

    private final EnhancedMessagesCache cache = new EnhancedMessagesCache();
    private final ThemeResourcesCache resources = new ThemeResourcesCache();
    private final CountingTheme theme = new CountingTheme("ordre");
    private final Map<String, Map<String, String>> texts = new HashMap<>();
    private final RealmModel realm = realm(texts);

    @Test
    void aSecondPageInTheSameLanguageReusesTheMerge() throws Exception {
        Properties first = cache.get(theme, realm, Locale.FRENCH);
        Properties second = cache.get(theme, realm, Locale.FRENCH);
        assertSame(first, second);
        assertEquals(1, theme.merges.get());
        assertEquals("Se connecter", second.getProperty("doLogIn"));
    }

    @Test
    void eachLanguageHasItsOwnMerge() throws Exception {
        assertEquals("Se connecter", cache.get(theme, realm, Locale.FRENCH).getProperty("doLogIn"));
        assertEquals("Sign in", cache.get(theme, realm, Locale.ENGLISH).getProperty("doLogIn"));
        assertEquals(2, theme.merges.get());
    }

    @Test
    void aRealmTextAddedChangedOrRemovedShowsOnTheNextPage() throws Exception {
        cache.get(theme, realm, Locale.FRENCH);
        texts.put("fr", new HashMap<>(Map.of("doLogIn", "Entrer")));
        assertEquals("Entrer", cache.get(theme, realm, Locale.FRENCH).getProperty("doLogIn"));
        texts.get("fr").put("doLogIn", "Entrer dans Comptexpert");
        assertEquals(
                "Entrer dans Comptexpert",
                cache.get(theme, realm, Locale.FRENCH).getProperty("doLogIn"));
        texts.remove("fr");
        assertEquals("Se connecter", cache.get(theme, realm, Locale.FRENCH).getProperty("doLogIn"));
        assertEquals(3, theme.merges.get(), "the text first seen again is remembered");
    }

    @Test
    void anEnglishTextIsPartOfTheFrenchKeyBecauseFrenchFallsBackToIt() throws Exception {
        cache.get(theme, realm, Locale.FRENCH);
        texts.put("en", Map.of("doLogIn", "Enter"));
        cache.get(theme, realm, Locale.FRENCH);
        assertEquals(2, theme.merges.get());
    }

    @Test
    void aReloadedThemeIsANewKey() throws Exception {
        Properties before = cache.get(theme, realm, Locale.FRENCH);
        assertNotSame(before, cache.get(new CountingTheme("ordre"), realm, Locale.FRENCH));
    }

    @Test
    void theSharedMessagesCannotBeWritten() throws Exception {
        Properties messages = cache.get(theme, realm, Locale.FRENCH);
        assertThrows(UnsupportedOperationException.class, () -> messages.setProperty("doLogIn", "x"));
        assertThrows(UnsupportedOperationException.class, () -> messages.put("doLogIn", "x"));
        assertThrows(UnsupportedOperationException.class, () -> messages.remove("doLogIn"));
        assertThrows(UnsupportedOperationException.class, () -> messages.putAll(Map.of("doLogIn", "x")));
        assertThrows(UnsupportedOperationException.class, messages::clear);
        assertEquals("Se connecter", messages.getProperty("doLogIn"));
    }

    @Test
    void itStaysBounded() throws Exception {
        for (int i = 0; i <= EnhancedMessagesCache.MAX_ENTRIES; i++) {
            texts.put("fr", Map.of("n", Integer.toString(i)));
            cache.get(theme, realm, Locale.FRENCH);
        }
        assertEquals(1, cache.size(), "full, it started again");
    }

    /** A theme manager whose themes are the ones given, with theme caching on or off. */
    private static ThemeManager stock(boolean cacheEnabled, Theme... themes) {
        return (ThemeManager) Proxy.newProxyInstance(
                ThemeManager.class.getClassLoader(),
                new Class<?>[] {ThemeManager.class},
                (self, method, args) -> switch (method.getName()) {
                    case "getTheme" -> {
                        String name = args.length == 2 ? (String) args[0] : "ordre";
                        for (Theme t : themes) {
                            if (t.getName().equals(name)) {
                                yield t;
                            }
                        }
                        yield null;
                    }
                    case "isCacheEnabled" -> cacheEnabled;
                    default -> null;
                });
    }

    @Test
    void onlyTheNamedThemesAreWrappedAndOnlyWhileThemesAreCached() throws Exception {
        CountingTheme keycloak = new CountingTheme("keycloak.v2");
        ThemeManager cached =
                new CachedMessagesThemeManager(stock(true, theme, keycloak), Set.of("ordre"), cache, resources);
        assertSame(keycloak, cached.getTheme("keycloak.v2", Theme.Type.LOGIN), "Keycloak's theme as shipped");
        Theme ordre = cached.getTheme(Theme.Type.LOGIN);
        ordre.getEnhancedMessages(realm, Locale.FRENCH);
        cached.getTheme("ordre", Theme.Type.LOGIN).getEnhancedMessages(realm, Locale.FRENCH);
        assertEquals(1, theme.merges.get(), "two pages, one merge");
        assertSame(
                ((CachedMessagesTheme) ordre).themeResources(),
                ((CachedMessagesTheme) cached.getTheme(Theme.Type.LOGIN)).themeResources(),
                "two pages, one parse of theme.properties");
        assertEquals(1, theme.propertyReads.get());

        ThemeManager devMode = new CachedMessagesThemeManager(stock(false, theme), Set.of("ordre"), cache, resources);
        assertSame(theme, devMode.getTheme(Theme.Type.LOGIN), "start-dev reads theme files on every page");
        assertEquals(null, cached.getTheme("missing", Theme.Type.LOGIN));
    }

    @Test
    void themePropertiesAreParsedOncePerThemeObject() throws Exception {
        ThemeResources first = resources.get(theme);
        assertSame(first, resources.get(theme));
        assertEquals(1, theme.propertyReads.get());
        assertEquals(
                List.of("css/login.css", "css/ordre.css"),
                first.getStyles().stream().map(ThemeResourceDescriptor::getPath).toList());
        assertNotSame(first, resources.get(new CountingTheme("ordre")), "a reloaded theme is parsed again");
    }

    @Test
    void theResourcesCacheStaysBounded() throws Exception {
        for (int i = 0; i <= ThemeResourcesCache.MAX_ENTRIES; i++) {
            resources.get(new CountingTheme("ordre"));
        }
        assertEquals(1, resources.size(), "full, it started again");
    }
}
