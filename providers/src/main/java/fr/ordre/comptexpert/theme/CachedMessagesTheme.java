package fr.ordre.comptexpert.theme;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Locale;
import java.util.Properties;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;
import org.keycloak.theme.ThemeResources;

/**
 * Keycloak's theme, with its merged messages and its parsed resources taken from the caches; everything else goes to
 * the theme as is.
 */
final class CachedMessagesTheme implements Theme {

    private final Theme theme;
    private final EnhancedMessagesCache cache;
    private final ThemeResourcesCache resources;

    CachedMessagesTheme(Theme theme, EnhancedMessagesCache cache, ThemeResourcesCache resources) {
        this.theme = theme;
        this.cache = cache;
        this.resources = resources;
    }

    /** The styles, scripts and favicons of {@code theme.properties}, parsed once for this theme. */
    ThemeResources themeResources() throws IOException {
        return resources.get(theme);
    }

    @Override
    public Properties getEnhancedMessages(RealmModel realm, Locale locale) throws IOException {
        return cache.get(theme, realm, locale);
    }

    @Override
    public String getName() {
        return theme.getName();
    }

    @Override
    public String getParentName() {
        return theme.getParentName();
    }

    @Override
    public String getImportName() {
        return theme.getImportName();
    }

    @Override
    public Type getType() {
        return theme.getType();
    }

    @Override
    public URL getTemplate(String name) throws IOException {
        return theme.getTemplate(name);
    }

    @Override
    public InputStream getResourceAsStream(String path) throws IOException {
        return theme.getResourceAsStream(path);
    }

    @Override
    public Properties getMessages(Locale locale) throws IOException {
        return theme.getMessages(locale);
    }

    @Override
    public Properties getMessages(String baseBundlename, Locale locale) throws IOException {
        return theme.getMessages(baseBundlename, locale);
    }

    @Override
    public Properties getProperties() throws IOException {
        return theme.getProperties();
    }

    @Override
    public boolean hasResource(String path) throws IOException {
        return theme.hasResource(path);
    }

    @Override
    public boolean hasContentHash(String path) throws IOException {
        return theme.hasContentHash(path);
    }

    @Override
    public boolean isAbstract() throws IOException {
        return theme.isAbstract();
    }
}
