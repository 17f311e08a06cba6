package fr.ordre.comptexpert.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A realm's name as a path segment of the addresses our pages carry ({@code /realms/{name}/…}). */
public final class RealmPath {

    private RealmPath() {}

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
