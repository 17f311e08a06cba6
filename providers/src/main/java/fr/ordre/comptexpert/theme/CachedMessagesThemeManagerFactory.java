package fr.ordre.comptexpert.theme;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ThemeManager;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.theme.ThemeManagerFactory;

/**
 * Keycloak's theme manager, with the Ordre themes' merged messages kept between pages.
 *
 * <p>Every page Keycloak renders merges its theme's message bundles, from the page's locale down to English, with
 * the realm's localization texts: some 2,400 entries copied for a French page, about 4 % of a registration's server
 * samples per page in the profile of docs/benchmarks/registration-profile-c7f529c.txt. The result only changes with the theme, the locales and those
 * texts, so {@link EnhancedMessagesCache} keeps it. Only the themes named in {@code themes} (default {@code ordre})
 * are wrapped: Keycloak's own themes, and the stock realm the benchmarks compare with, render exactly as shipped.
 *
 * <p>Its {@link #order()} above zero makes it the server's theme manager without any option; Keycloak's own,
 * {@code default}, does the work behind it.
 */
public final class CachedMessagesThemeManagerFactory implements ThemeManagerFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "ordre-cached-messages";

    private static final String STOCK_PROVIDER_ID = "default";

    private final EnhancedMessagesCache cache = new EnhancedMessagesCache();

    private final ThemeResourcesCache resources = new ThemeResourcesCache();

    private Set<String> themes = Set.of("ordre");

    private KeycloakSessionFactory sessionFactory;

    @Override
    public ThemeManager create(KeycloakSession session) {
        return new CachedMessagesThemeManager(
                stock(session.getKeycloakSessionFactory()).create(session), themes, cache, resources);
    }

    @Override
    public void init(Config.Scope config) {
        String[] named = config.getArray("themes");
        if (named != null) {
            themes = Arrays.stream(named)
                    .map(String::trim)
                    .filter(name -> !name.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        this.sessionFactory = factory;
    }

    @Override
    public void clearCache() {
        cache.clear();
        resources.clear();
        if (sessionFactory != null) {
            stock(sessionFactory).clearCache();
        }
    }

    /** Keycloak's own theme manager factory, which loads and caches the themes. */
    private static ThemeManagerFactory stock(KeycloakSessionFactory factory) {
        return (ThemeManagerFactory) factory.getProviderFactory(ThemeManager.class, STOCK_PROVIDER_ID);
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    /** In the admin console's provider info: which themes are cached, and how many merged bundles this node holds. */
    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of(
                "themes",
                String.join(",", themes.stream().sorted().toList()),
                "entries",
                Integer.toString(cache.size()),
                "resources",
                Integer.toString(resources.size()));
    }

    @Override
    public void close() {
        cache.clear();
        resources.clear();
    }
}
