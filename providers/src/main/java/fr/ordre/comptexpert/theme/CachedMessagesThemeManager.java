package fr.ordre.comptexpert.theme;

import java.io.IOException;
import java.util.Set;
import org.keycloak.models.ThemeManager;
import org.keycloak.theme.Theme;

/** Keycloak's theme manager; the themes it names come back with their merged messages cached. */
final class CachedMessagesThemeManager implements ThemeManager {

    private final ThemeManager stock;
    private final Set<String> cachedThemes;
    private final EnhancedMessagesCache cache;
    private final ThemeResourcesCache resources;

    CachedMessagesThemeManager(
            ThemeManager stock, Set<String> cachedThemes, EnhancedMessagesCache cache, ThemeResourcesCache resources) {
        this.stock = stock;
        this.cachedThemes = cachedThemes;
        this.cache = cache;
        this.resources = resources;
    }

    @Override
    public Theme getTheme(Theme.Type type) throws IOException {
        return cached(stock.getTheme(type));
    }

    @Override
    public Theme getTheme(String name, Theme.Type type) throws IOException {
        return cached(stock.getTheme(name, type));
    }

    /** With theme caching off (start-dev), every page reads the files again, so edits show; so do we. */
    private Theme cached(Theme theme) {
        return theme != null && stock.isCacheEnabled() && cachedThemes.contains(theme.getName())
                ? new CachedMessagesTheme(theme, cache, resources)
                : theme;
    }

    @Override
    public Set<String> nameSet(Theme.Type type) {
        return stock.nameSet(type);
    }

    @Override
    public boolean isCacheEnabled() {
        return stock.isCacheEnabled();
    }

    @Override
    public void clearCache() {
        stock.clearCache();
        cache.clear();
        resources.clear();
    }

    @Override
    public void close() {
        stock.close();
    }
}
