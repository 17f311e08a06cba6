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

    /**
     * A client of one's own, for a load thread or an app: its own keep-alive connections, HTTP/1.1 (no h2c upgrade
     * on plain http, as browsers do), no redirects followed.
     */
    public static HttpClient newClient() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    private Http() {}
}
