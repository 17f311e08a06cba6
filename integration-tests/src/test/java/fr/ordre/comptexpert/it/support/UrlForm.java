package fr.ordre.comptexpert.it.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** application/x-www-form-urlencoded, for query parameters and form bodies. */
public final class UrlForm {

    private UrlForm() {}

    /** One name or value, UTF-8, spaces as "+". */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** "a=1&b=2", in the map's order. */
    public static String of(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }
}
