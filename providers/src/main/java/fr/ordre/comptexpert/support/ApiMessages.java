package fr.ordre.comptexpert.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.theme.Theme;

/**
 * The text for people of an API answer, in the request's language as Keycloak negotiates it (locale
 * cookie, else Accept-Language against the realm's locales, else the realm default), read from the login theme
 * with the realm's own overrides: the same messages, and the same MessageFormat escaping, as the pages.
 */
final class ApiMessages {

    /** Our English bundle, packaged with the providers: the text when the theme cannot be read. */
    static final String ENGLISH_BUNDLE = "/theme-resources/messages/messages_en.properties";

    private static final Logger LOG = Logger.getLogger(ApiMessages.class);

    /** A text and the language it is in (for Content-Language). */
    record Text(String text, Locale locale) {}

    private ApiMessages() {}

    static Text resolve(KeycloakSession session, String key, Object... params) {
        Locale locale = session.getContext().resolveLocale(null);
        try {
            Properties messages = session.theme()
                    .getTheme(Theme.Type.LOGIN)
                    .getEnhancedMessages(session.getContext().getRealm(), locale);
            String pattern = messages.getProperty(key);
            if (pattern != null) {
                return new Text(format(pattern, locale, params), locale);
            }
            LOG.warnf("No message %s in the login theme for %s", key, locale);
        } catch (IOException e) {
            // An error answer must not become a 500 because the theme is unreadable.
            LOG.warnf(e, "Login theme messages unreadable for %s", locale);
        }
        return english(key, params);
    }

    /** The pattern with its doubled apostrophes undone, as FreeMarker's msg() shows it; a broken override as is. */
    static String format(String pattern, Locale locale, Object... params) {
        try {
            return new MessageFormat(pattern, locale).format(params);
        } catch (IllegalArgumentException e) {
            return pattern;
        }
    }

    /** The packaged English text, or the key itself if even that is missing. */
    static Text english(String key, Object... params) {
        Properties english = new Properties();
        try (InputStream in = ApiMessages.class.getResourceAsStream(ENGLISH_BUNDLE)) {
            if (in != null) {
                english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            LOG.warnf(e, "Packaged English messages unreadable");
        }
        String pattern = english.getProperty(key);
        return new Text(pattern == null ? key : format(pattern, Locale.ENGLISH, params), Locale.ENGLISH);
    }
}
