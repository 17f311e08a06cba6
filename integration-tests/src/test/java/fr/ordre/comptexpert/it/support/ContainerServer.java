package fr.ordre.comptexpert.it.support;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.testcontainers.Testcontainers;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.utility.MountableFile;

/**
 * Second mode, for machines with a Docker engine ({@code ./mvnw verify -Ptestcontainers}): the official
 * Keycloak image through Testcontainers Keycloak, with the same JARs, realm, register and SMTP wiring.
 */
final class ContainerServer implements KeycloakServer {

    private static final String REGISTER_IN_CONTAINER = "/opt/keycloak/data/register/tableau.csv";

    private final KeycloakContainer container;
    private final Path logFile;
    private final double startSeconds;

    private ContainerServer(KeycloakContainer container, Path logFile, double startSeconds) {
        this.container = container;
        this.logFile = logFile;
        this.startSeconds = startSeconds;
    }

    static ContainerServer start(HarnessSettings settings, int smtpPort) {
        // Lets the container reach GreenMail on the host as host.testcontainers.internal.
        Testcontainers.exposeHostPorts(smtpPort);
        Path logFile = settings.target().resolve("keycloak.log");
        KeycloakContainer container = new KeycloakContainer("quay.io/keycloak/keycloak:" + settings.keycloakVersion())
                .withProviderLibsFrom(List.of(
                        settings.providersJar().toFile(), settings.themesJar().toFile()))
                .withCopyFileToContainer(
                        MountableFile.forHostPath(settings.realmFile()), "/opt/keycloak/data/import/ordre-realm.json")
                .withCopyFileToContainer(MountableFile.forHostPath(settings.registerFile()), REGISTER_IN_CONTAINER)
                .withEnv("KC_SPI_ORDRE_TABLEAU_REGISTER__FILE__PATH", REGISTER_IN_CONTAINER)
                .withEnv("ORDRE_SMTP_HOST", "host.testcontainers.internal")
                .withEnv("ORDRE_SMTP_PORT", Integer.toString(smtpPort))
                .withAdminUsername(AdminApi.ADMIN_USER)
                .withAdminPassword(AdminApi.ADMIN_PASSWORD)
                .withStartupTimeout(Duration.ofMinutes(4));
        container.withCustomCommand("--import-realm");
        container.withLogConsumer((OutputFrame frame) -> append(logFile, frame.getUtf8String()));
        long started = System.nanoTime();
        container.start();
        return new ContainerServer(container, logFile, (System.nanoTime() - started) / 1e9);
    }

    private static void append(Path file, String line) {
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String baseUrl() {
        String url = container.getAuthServerUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public double startSeconds() {
        return startSeconds;
    }

    @Override
    public void close() {
        container.stop();
    }
}
