package fr.ordre.comptexpert.theme;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.forms.login.freemarker.FreeMarkerLoginFormsProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak's FreeMarker login pages, with the cached themes' resources and messages used as they are (see
 * {@link CachedThemeLoginFormsProvider}). Its {@link #order()} above zero makes it the server's login forms provider
 * without any option.
 */
public final class CachedThemeLoginFormsProviderFactory extends FreeMarkerLoginFormsProviderFactory {

    public static final String PROVIDER_ID = "ordre-cached-theme";

    @Override
    public LoginFormsProvider create(KeycloakSession session) {
        return new CachedThemeLoginFormsProvider(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public int order() {
        return 1;
    }
}
