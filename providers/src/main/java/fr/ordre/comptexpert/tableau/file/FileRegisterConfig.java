package fr.ordre.comptexpert.tableau.file;

import fr.ordre.comptexpert.support.ConfigValue;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.jboss.logging.Logger;
import org.keycloak.Config;

/**
 * Typed view of the file register's options, read once at startup:
 * {@code --spi-ordre-tableau-register--file--path} and {@code --spi-ordre-tableau-register--file--reload-interval}.
 * Bad values fall back to the defaults with a warning rather than failing the server start.
 */
final class FileRegisterConfig {

    static final String PATH = "path";
    static final String RELOAD_INTERVAL = "reload-interval";
    static final int DEFAULT_RELOAD_INTERVAL_SECONDS = 10;

    private static final Logger LOG = Logger.getLogger(FileRegisterConfig.class);

    private final Path path;
    private final Duration reloadInterval;

    private FileRegisterConfig(Path path, Duration reloadInterval) {
        this.path = path;
        this.reloadInterval = reloadInterval;
    }

    static FileRegisterConfig from(Config.Scope scope) {
        return new FileRegisterConfig(readPath(scope), Duration.ofSeconds(readReloadInterval(scope)));
    }

    /** The CSV file; empty when not configured (the register is then empty). */
    Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** How often at most the file's modification time and size are checked, lazily on lookup. */
    Duration reloadInterval() {
        return reloadInterval;
    }

    private static Path readPath(Config.Scope scope) {
        String value = scope == null ? null : scope.get(PATH);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Path.of(value.trim());
        } catch (InvalidPathException e) {
            LOG.warnf("Invalid %s '%s' for the Tableau register file: %s", PATH, value, e.getMessage());
            return null;
        }
    }

    private static long readReloadInterval(Config.Scope scope) {
        String value = scope == null ? null : scope.get(RELOAD_INTERVAL);
        if (value == null || value.isBlank()) {
            return DEFAULT_RELOAD_INTERVAL_SECONDS;
        }
        OptionalLong seconds = ConfigValue.parseLong(value);
        if (seconds.isPresent() && seconds.getAsLong() >= 0) {
            return seconds.getAsLong();
        }
        LOG.warnf(
                "Invalid %s '%s' (seconds, 0 or more) for the Tableau register file; using %d",
                RELOAD_INTERVAL, value, DEFAULT_RELOAD_INTERVAL_SECONDS);
        return DEFAULT_RELOAD_INTERVAL_SECONDS;
    }
}
