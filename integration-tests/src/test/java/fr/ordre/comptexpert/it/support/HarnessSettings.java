package fr.ordre.comptexpert.it.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where things are, as Maven tells the test JVM (system properties set in integration-tests/pom.xml, and in load-benchmarks/pom.xml for the benchmarks). */
public record HarnessSettings(Path repo, Path target, Path keycloakHome, String keycloakVersion, String mode) {

    public static HarnessSettings fromSystemProperties() {
        Path repo = Path.of(required("comptexpert.repo")).toAbsolutePath().normalize();
        return new HarnessSettings(
                repo,
                Path.of(required("comptexpert.target")).toAbsolutePath(),
                Path.of(required("comptexpert.keycloak.home")).toAbsolutePath(),
                System.getProperty("comptexpert.keycloak.version", "26.7.3"),
                System.getProperty("comptexpert.it.mode", "distribution"));
    }

    /**
     * The distribution as Maven unpacked it ({@code comptexpert.keycloak.dist}), which {@link KeycloakInstall} copies
     * for a server that needs an install of its own; the ITs' own server runs in it ({@link #keycloakHome}).
     */
    public Path distribution() {
        String dist = System.getProperty("comptexpert.keycloak.dist");
        return dist == null || dist.isBlank() ? keycloakHome : Path.of(dist).toAbsolutePath();
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "System property " + name + " is not set: run through Maven (./mvnw verify)");
        }
        return value;
    }

    public Path providersJar() {
        return existing(repo.resolve("providers/target/comptexpert-providers.jar"));
    }

    public Path themesJar() {
        return existing(repo.resolve("themes/target/comptexpert-themes.jar"));
    }

    public Path realmFile() {
        return existing(repo.resolve("realm-config/realm/ordre-realm.json"));
    }

    public Path demoDataFile() {
        return existing(repo.resolve("realm-config/demo/ordre-demo.json"));
    }

    /** The image's raw Quarkus settings (docker/quarkus.properties), installed by every production-mode server. */
    public Path quarkusProperties() {
        return existing(repo.resolve("docker/quarkus.properties"));
    }

    public Path registerFile() {
        return existing(repo.resolve("realm-config/register/tableau-demo.csv"));
    }

    private static Path existing(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " is missing: build the project first (./mvnw package)");
        }
        return path;
    }
}
