package fr.ordre.comptexpert.it.support;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The HTTP client the tests share: it keeps no cookies (each session keeps its own {@link CookieJar}) and
 * follows no redirects (tests look at each one), so one client serves them all and reuses its connections.
 * Each request sets its own timeout.
 */
public final class Http {

    public static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Http() {}
}
