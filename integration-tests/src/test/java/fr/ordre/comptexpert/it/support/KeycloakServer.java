package fr.ordre.comptexpert.it.support;

import java.nio.file.Path;

/** A running Keycloak with our JARs and the realm "ordre" imported, however it was started. */
public interface KeycloakServer extends AutoCloseable {

    /** Base URL as the browser and the tests reach it, e.g. http://localhost:41234 (no trailing slash). */
    String baseUrl();

    /** The server's log file; its tail is printed when a test fails. */
    Path logFile();

    /** Seconds the server took from launch to serving the realm. */
    double startSeconds();

    @Override
    void close();

    default String realmUrl() {
        return baseUrl() + "/realms/ordre";
    }
}
