package fr.ordre.comptexpert.theme;

import java.util.Collection;
import java.util.Enumeration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What Keycloak's {@code msg} method looks keys up in, without the copy: a page's messages, then its attributes, as
 * Keycloak's {@code new HashMap<>(attributes)} followed by {@code putAll(messages)} would answer (messages win).
 *
 * <p>{@code MessageFormatterMethod} only looks up ({@code getOrDefault}, {@code getProperty}), so this view answers
 * lookups and nothing else: listing or writing fails loudly rather than seeing an empty table.
 */
final class PageMessages extends Properties {

    private static final long serialVersionUID = 1L;

    private final transient Properties messages;
    private final transient Map<String, Object> attributes;

    PageMessages(Properties messages, Map<String, Object> attributes) {
        this.messages = messages;
        this.attributes = attributes;
    }

    @Override
    public Object get(Object key) {
        Object value = messages.get(key);
        return value != null ? value : attributes.get(key);
    }

    @Override
    public Object getOrDefault(Object key, Object defaultValue) {
        Object value = get(key);
        return value != null ? value : defaultValue;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    /** Like {@link Properties#getProperty}: only a string value counts. */
    @Override
    public String getProperty(String key) {
        return get(key) instanceof String value ? value : null;
    }

    @Override
    public String getProperty(String key, String defaultValue) {
        String value = getProperty(key);
        return value != null ? value : defaultValue;
    }

    private static UnsupportedOperationException lookupOnly() {
        return new UnsupportedOperationException("A page's messages answer lookups only");
    }

    @Override
    public synchronized boolean contains(Object value) {
        throw lookupOnly();
    }

    @Override
    public boolean containsValue(Object value) {
        throw lookupOnly();
    }

    @Override
    public synchronized int size() {
        throw lookupOnly();
    }

    @Override
    public synchronized boolean isEmpty() {
        throw lookupOnly();
    }

    @Override
    public Set<Object> keySet() {
        throw lookupOnly();
    }

    @Override
    public Set<Map.Entry<Object, Object>> entrySet() {
        throw lookupOnly();
    }

    @Override
    public Collection<Object> values() {
        throw lookupOnly();
    }

    @Override
    public Enumeration<Object> keys() {
        throw lookupOnly();
    }

    @Override
    public Enumeration<Object> elements() {
        throw lookupOnly();
    }

    @Override
    public Enumeration<?> propertyNames() {
        throw lookupOnly();
    }

    @Override
    public Set<String> stringPropertyNames() {
        throw lookupOnly();
    }

    @Override
    public synchronized void forEach(BiConsumer<? super Object, ? super Object> action) {
        throw lookupOnly();
    }

    @Override
    public synchronized Object put(Object key, Object value) {
        throw lookupOnly();
    }

    @Override
    public synchronized void putAll(Map<?, ?> t) {
        throw lookupOnly();
    }
}
