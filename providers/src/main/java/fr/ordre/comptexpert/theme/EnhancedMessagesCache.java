package fr.ordre.comptexpert.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.keycloak.models.RealmModel;
import org.keycloak.services.util.LocaleUtil;
import org.keycloak.theme.Theme;

/**
 * A theme's merged messages ({@link Theme#getEnhancedMessages}), kept per node. The merge reads only the theme
 * (fixed while Keycloak caches themes), the chain of locales from the page's to English, and the realm's
 * localization texts for those locales; the key holds all three, so a text an admin changes is a new key on the
 * next page, on every node, with nothing to invalidate.
 */
final class EnhancedMessagesCache {

    /** Themes × types × locales × realms stays in the tens; past this, start again rather than grow. */
    static final int MAX_ENTRIES = 256;

    private final Map<Key, Properties> entries = new ConcurrentHashMap<>();

    /** The theme object is the one Keycloak caches, so a cleared theme cache makes new keys too. */
    private record Key(Theme theme, String realmId, List<Locale> locales, List<Map<String, String>> realmTexts) {

        Key frozen() {
            return new Key(
                    theme,
                    realmId,
                    locales,
                    realmTexts.stream().map(Map::copyOf).toList());
        }
    }

    Properties get(Theme theme, RealmModel realm, Locale locale) throws IOException {
        Key key = keyOf(theme, realm, locale);
        Properties messages = entries.get(key);
        if (messages != null) {
            return messages;
        }
        messages = new ReadOnlyProperties(theme.getEnhancedMessages(realm, locale));
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        Properties raced = entries.putIfAbsent(key.frozen(), messages);
        return raced != null ? raced : messages;
    }

    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    /** The locales and realm texts Keycloak's merge reads (LocaleUtil.enhancePropertiesWithRealmLocalizationTexts). */
    private static Key keyOf(Theme theme, RealmModel realm, Locale locale) {
        List<Locale> locales = new ArrayList<>(3);
        List<Map<String, String>> texts = new ArrayList<>(3);
        for (Locale current = locale; current != null; current = LocaleUtil.getParentLocale(current, realm)) {
            locales.add(current);
            texts.add(realm.getRealmLocalizationTextsByLocale(current.toLanguageTag()));
        }
        return new Key(theme, realm.getId(), locales, texts);
    }

    /**
     * Shared by every page that renders with it: a caller that tried to write to it would change other users' pages,
     * so it fails at once instead. (No Keycloak caller writes to the messages; the key and entry views are not
     * guarded.)
     */
    static final class ReadOnlyProperties extends Properties {

        private static final long serialVersionUID = 1L;

        private final boolean sealed;

        ReadOnlyProperties(Properties source) {
            super(source.size());
            super.putAll(source);
            sealed = true;
        }

        private UnsupportedOperationException readOnly() {
            return new UnsupportedOperationException("Cached theme messages are read-only");
        }

        @Override
        public synchronized Object put(Object key, Object value) {
            if (sealed) {
                throw readOnly();
            }
            return super.put(key, value);
        }

        @Override
        public synchronized void putAll(Map<?, ?> t) {
            if (sealed) {
                throw readOnly();
            }
            super.putAll(t);
        }

        @Override
        public synchronized Object remove(Object key) {
            throw readOnly();
        }

        @Override
        public synchronized boolean remove(Object key, Object value) {
            throw readOnly();
        }

        @Override
        public synchronized void clear() {
            throw readOnly();
        }

        @Override
        public synchronized Object putIfAbsent(Object key, Object value) {
            throw readOnly();
        }

        @Override
        public synchronized Object replace(Object key, Object value) {
            throw readOnly();
        }

        @Override
        public synchronized boolean replace(Object key, Object oldValue, Object newValue) {
            throw readOnly();
        }

        @Override
        public synchronized void replaceAll(BiFunction<? super Object, ? super Object, ?> function) {
            throw readOnly();
        }

        @Override
        public synchronized Object compute(Object key, BiFunction<? super Object, ? super Object, ?> function) {
            throw readOnly();
        }

        @Override
        public synchronized Object computeIfAbsent(Object key, Function<? super Object, ?> function) {
            throw readOnly();
        }

        @Override
        public synchronized Object computeIfPresent(
                Object key, BiFunction<? super Object, ? super Object, ?> function) {
            throw readOnly();
        }

        @Override
        public synchronized Object merge(
                Object key, Object value, BiFunction<? super Object, ? super Object, ?> function) {
            throw readOnly();
        }

        @Override
        public synchronized void load(Reader reader) {
            throw readOnly();
        }

        @Override
        public synchronized void load(InputStream in) {
            throw readOnly();
        }

        @Override
        public synchronized void loadFromXML(InputStream in) {
            throw readOnly();
        }
    }
}
