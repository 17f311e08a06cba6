package fr.ordre.comptexpert.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Everything a test talks to, started once per test run (not per class): Keycloak with our JARs and the
 * realm, GreenMail wired into the realm, the demo service, and the demo data. Tests declare
 * {@code @ExtendWith(TestEnvironment.class)} and take a {@code TestEnvironment} parameter.
 * Failing tests get the server log's tail printed.
 */
public final class TestEnvironment implements BeforeAllCallback, ParameterResolver, AfterTestExecutionCallback {

    /** The running pieces, shared by every test of the run. */
    public record Env(
            KeycloakServer keycloak, MailServer mail, AdminApi admin, DemoApp demoApp, HarnessSettings settings)
            implements AutoCloseable {

        public OidcClient demoClient() {
            return new OidcClient(keycloak.realmUrl(), DemoApp.CLIENT_ID);
        }

        @Override
        public void close() {
            demoApp.close();
            keycloak.close();
            mail.close();
        }
    }

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(TestEnvironment.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        env(context);
    }

    static Env env(ExtensionContext context) {
        // The root store closes the environment when the whole run ends.
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Env.class, k -> start(), Env.class);
    }

    /** Starts the pieces; the ITs share one run's, a benchmark's main (RecoveryTimingBenchmark) starts its own. */
    public static Env start() {
        HarnessSettings settings = HarnessSettings.fromSystemProperties();
        MailServer mail = new MailServer(FreePorts.next());
        KeycloakServer keycloak;
        if ("testcontainers".equals(settings.mode())) {
            keycloak = ContainerServer.start(settings, mail.port());
        } else {
            var launch = new DistributionServer.Launch(
                    FreePorts.next(), FreePorts.next(), true, smtpEnv("127.0.0.1", mail.port()), List.of());
            keycloak =
                    DistributionServer.start(settings, launch, settings.target().resolve("keycloak.log"), dot -> {});
        }
        System.out.printf(
                "Keycloak %s ready at %s in %.1f s (log: %s)%n",
                settings.keycloakVersion(), keycloak.baseUrl(), keycloak.startSeconds(), keycloak.logFile());
        AdminApi admin = new AdminApi(keycloak.baseUrl());
        importDemoData(admin, settings);
        DemoApp demoApp = new DemoApp(keycloak.realmUrl(), FreePorts.next());
        return new Env(keycloak, mail, admin, demoApp, settings);
    }

    /** The realm reads its SMTP settings from these variables (placeholders in ordre-realm.json). */
    public static Map<String, String> smtpEnv(String host, int port) {
        return Map.of("ORDRE_SMTP_HOST", host, "ORDRE_SMTP_PORT", Integer.toString(port));
    }

    public static void importDemoData(AdminApi admin, HarnessSettings settings) {
        try {
            admin.partialImport("ordre", Files.readString(settings.demoDataFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Env.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return env(context);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            Env env = env(context);
            System.err.println("---- last lines of " + env.keycloak().logFile() + " ----\n"
                    + LogTail.of(env.keycloak().logFile(), 80));
        }
    }
}
