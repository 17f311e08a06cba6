package fr.ordre.comptexpert.theme;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Properties;
import org.keycloak.forms.login.freemarker.FreeMarkerLoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.theme.Theme;
import org.keycloak.theme.beans.AdvancedMessageFormatterMethod;
import org.keycloak.theme.beans.MessageFormatterMethod;

/**
 * Keycloak's login pages, with what a page of a cached theme needs from its theme taken as is instead of rebuilt.
 *
 * <p>For every page, Keycloak's {@code handleThemeResources} re-parses {@code theme.properties} and copies the ~2,400
 * merged messages twice (into a map with the page's attributes, then into the {@code msg} method's own
 * {@code Properties}): 1,182 of the login page's 3,073 samples in docs/benchmarks/panel-profile-d041a45.txt. For a {@link CachedMessagesTheme}, this override puts the same
 * attributes from the caches: the parsed resources, and a {@code msg} that looks the messages up, then the page's
 * attributes, as Keycloak's copy would; and {@code ordreCachedMarkup}, which writes a block such as the Expertpass panel
 * from its first rendering ({@link CachedMarkupDirective}). Any other theme (Keycloak's own, or any theme while caching is off) goes
 * through Keycloak's code unchanged.
 */
final class CachedThemeLoginFormsProvider extends FreeMarkerLoginFormsProvider {

    /** The page attribute of {@link CachedMarkupDirective}. */
    static final String CACHED_MARKUP = "ordreCachedMarkup";

    private final CachedMarkupDirective.Cache markup;

    CachedThemeLoginFormsProvider(KeycloakSession session, CachedMarkupDirective.Cache markup) {
        super(session);
        this.markup = markup;
    }

    @Override
    protected Properties handleThemeResources(Theme theme, Locale locale) {
        if (!(theme instanceof CachedMessagesTheme cached)) {
            attributes.put(CACHED_MARKUP, CachedMarkupDirective.UNCACHED);
            return super.handleThemeResources(theme, locale);
        }
        try {
            Properties messages = cached.getEnhancedMessages(realm, locale);
            Properties properties = cached.getProperties();
            attributes.put(
                    "msg", new MessageFormatterMethod(locale, new PageMessages(messages, new HashMap<>(attributes))));
            attributes.put("advancedMsg", new AdvancedMessageFormatterMethod(locale, messages));
            attributes.put("properties", properties);
            attributes.put("themeResources", cached.themeResources());
            attributes.put(CACHED_MARKUP, new CachedMarkupDirective(markup, messages, properties));
            attributes.put(
                    "darkMode",
                    "true".equals(properties.getProperty("darkMode")) && realm.getAttribute("darkMode", true));
            return messages;
        } catch (IOException e) {
            // Keycloak's own path logs the unreadable file and renders with what it has.
            attributes.put(CACHED_MARKUP, CachedMarkupDirective.UNCACHED);
            return super.handleThemeResources(theme, locale);
        }
    }
}
