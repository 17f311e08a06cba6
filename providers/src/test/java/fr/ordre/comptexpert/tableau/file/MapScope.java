package fr.ordre.comptexpert.tableau.file;

import java.util.Map;
import java.util.Set;
import org.keycloak.Config;

/** A Config.Scope over a map, as the server would build from --spi-ordre-tableau-register--file--* options. */
final class MapScope extends Config.AbstractScope {

    private final Map<String, String> values;

    MapScope(Map<String, String> values) {
        this.values = values;
    }

    @Override
    public String get(String key) {
        return values.get(key);
    }

    @Override
    public Config.Scope scope(String... scope) {
        return new MapScope(Map.of());
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Config.Scope root() {
        return this;
    }
}
