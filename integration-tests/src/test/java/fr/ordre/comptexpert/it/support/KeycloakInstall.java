package fr.ordre.comptexpert.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A Keycloak install of its own for a server that changes it ({@code kc.sh build} re-augments {@code lib/quarkus}; a
 * node, the production test, the benchmark and the run command each keep their own), copied from the one
 * distribution Maven unpacks ({@code comptexpert.keycloak.dist}). The copy leaves out {@code data/}: another
 * server's database and imports are not this one's.
 */
public final class KeycloakInstall {

    private KeycloakInstall() {}

    /** Copies the distribution to {@code home} unless an install is there already; returns {@code home}. */
    public static Path ensure(HarnessSettings settings, Path home) {
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Path distribution = settings.distribution();
        if (!Files.isExecutable(distribution.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + distribution + ": Maven unpacks it"
                    + " (./mvnw verify, or package with -Prun, -Pbench-harness or -Paccess-benchmark)");
        }
        try {
            Files.walkFileTree(distribution, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Path relative = distribution.relativize(dir);
                    if (relative.equals(Path.of("data"))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(home.resolve(relative.toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(
                            file,
                            home.resolve(distribution.relativize(file).toString()),
                            StandardCopyOption.COPY_ATTRIBUTES,
                            StandardCopyOption.REPLACE_EXISTING);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + distribution + " to " + home, e);
        }
        return home;
    }
}
