package fr.ordre.comptexpert.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** A realm's name as a path segment of the addresses our pages carry ({@code /realms/{name}/…}). */
public final class RealmPath {

    private RealmPath() {}

    /** {@code <this request's base URL>/realms/<name>}: joined by hand, as a UriBuilder costs more on a login page. */
    public static String realmBase(KeycloakSession session, RealmModel realm) {
        String base = session.getContext().getUri().getBaseUri().toString();
        return base + (base.endsWith("/") ? "" : "/") + "realms/" + segment(realm.getName());
    }

    /** The name as it is when it needs no escaping (most names: every login page asks), else percent-encoded. */
    public static String segment(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean unreserved = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~';
            if (!unreserved) {
                return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
            }
        }
        return name;
    }
}
