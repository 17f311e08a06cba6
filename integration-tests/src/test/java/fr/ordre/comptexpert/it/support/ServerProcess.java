package fr.ordre.comptexpert.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What every Keycloak we launch from the zip shares: our JARs and realm installed, waiting until it answers, and
 * stopping kc.sh's whole process tree.
 */
final class ServerProcess {

    private ServerProcess() {}

    /**
     * Our JARs, replacing any older copy (the server loads whatever sits in providers/), and the realm file for
     * {@code --import-realm}.
     */
    static void install(HarnessSettings settings, Path home) throws IOException {
        Path providers = Files.createDirectories(home.resolve("providers"));
        try (Stream<Path> old = Files.list(providers)) {
            for (Path jar : old.filter(p -> p.getFileName().toString().startsWith("comptexpert-"))
                    .toList()) {
                Files.delete(jar);
            }
        }
        Files.copy(settings.providersJar(), providers.resolve("comptexpert-providers.jar"));
        Files.copy(settings.themesJar(), providers.resolve("comptexpert-themes.jar"));
        Path importDir = Files.createDirectories(home.resolve("data/import"));
        Files.copy(settings.realmFile(), importDir.resolve("ordre-realm.json"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Polls the URL until it answers 200; fails with the log's tail if the process dies or the time runs out.
     *
     * @param progress told of each wait, for a person watching a terminal
     */
    static void awaitReady(Process process, String url, Duration timeout, Path logFile, Consumer<String> progress) {
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                            + " before it was ready. Last lines of " + logFile + ":\n" + LogTail.of(logFile, 60));
                }
                try {
                    if (Http.CLIENT
                                    .send(probe, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                progress.accept(".");
                process.waitFor(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        }
        stop(process, Duration.ofSeconds(20));
        throw new IllegalStateException("Keycloak was not ready after " + timeout + ". Last lines of " + logFile + ":\n"
                + LogTail.of(logFile, 60));
    }

    /** kc.sh runs java as a child: stop the whole tree, gently first. */
    static void stop(Process process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(grace.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }
}
