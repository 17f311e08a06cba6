package fr.ordre.comptexpert.theme;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.keycloak.theme.Theme;
import org.keycloak.theme.ThemeResources;
import org.keycloak.theme.ThemeResourcesParser;

/**
 * The styles, scripts and favicons a theme's {@code theme.properties} declares, parsed once per theme object.
 * Keycloak re-parses them for every page it renders (about 300 kB of garbage a page in
 * docs/benchmarks/registration-profile-eaab656.txt); they only change with the theme files, and a cleared theme cache
 * gives new theme objects, so new keys.
 */
final class ThemeResourcesCache {

    /** One entry per cached theme object: a handful, unless themes are reloaded over and over. */
    static final int MAX_ENTRIES = 64;

    private final Map<Theme, ThemeResources> entries = new ConcurrentHashMap<>();

    ThemeResources get(Theme theme) throws IOException {
        ThemeResources resources = entries.get(theme);
        if (resources != null) {
            return resources;
        }
        resources = ThemeResourcesParser.parse(theme.getProperties());
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        ThemeResources raced = entries.putIfAbsent(theme, resources);
        return raced != null ? raced : resources;
    }

    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
