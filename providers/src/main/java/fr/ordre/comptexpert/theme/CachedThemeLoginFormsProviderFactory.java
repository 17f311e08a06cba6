package fr.ordre.comptexpert.theme;

import java.util.Map;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.forms.login.freemarker.FreeMarkerLoginFormsProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * Keycloak's FreeMarker login pages, with the cached themes' resources and messages used as they are (see
 * {@link CachedThemeLoginFormsProvider}). Its {@link #order()} above zero makes it the server's login forms provider
 * without any option.
 */
public final class CachedThemeLoginFormsProviderFactory extends FreeMarkerLoginFormsProviderFactory
        implements ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "ordre-cached-theme";

    private final CachedMarkupDirective.Cache markup = new CachedMarkupDirective.Cache();

    @Override
    public LoginFormsProvider create(KeycloakSession session) {
        return new CachedThemeLoginFormsProvider(session, markup);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public int order() {
        return 1;
    }

    /** The admin console's server info: how many blocks are written from their first rendering. */
    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("cachedMarkup", Integer.toString(markup.size()));
    }
}
