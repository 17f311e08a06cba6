package fr.ordre.comptexpert.tableau.file;

import fr.ordre.comptexpert.tableau.TableauRegister;
import fr.ordre.comptexpert.tableau.TableauRegisterFactory;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * The Tableau register read from a CSV file (see docs/register.md). The index lives here, in one
 * volatile field, and is swapped whole when the file changes. The file is re-checked lazily on
 * lookup, at most every reload-interval seconds: no background thread to manage, and a failed
 * reload keeps serving the previous index.
 */
public final class FileTableauRegisterFactory implements TableauRegisterFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "file";

    private static final Logger LOG = Logger.getLogger(FileTableauRegisterFactory.class);

    /** Where the file stood when last looked at; a missing file is (-1, -1). */
    private record FileStamp(long lastModifiedMillis, long size) {
        static final FileStamp MISSING = new FileStamp(-1, -1);
    }

    private record Loaded(RegisterIndex index, FileStamp stamp, Instant loadedAt, int skippedLines, int invalidEmails) {
        static final Loaded NOTHING = new Loaded(RegisterIndex.EMPTY, null, null, 0, 0);
    }

    private final ReentrantLock reloadLock = new ReentrantLock();
    private volatile Loaded loaded = Loaded.NOTHING;
    private volatile long nextCheckNanos;
    // Guarded by reloadLock: the stamp that last failed, so a broken file is reported once, not on every check.
    private FileStamp failedStamp;
    private volatile String lastError;

    private FileRegisterConfig config;
    private Path path;
    private long reloadIntervalNanos;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    /** Above 0 so that "file" stays the default when a deployment adds its own source without choosing one. */
    @Override
    public int order() {
        return 1;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(FileRegisterConfig.PATH)
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Path of the Tableau register CSV file (UTF-8, ';' separated). Unset: an empty register.")
                .add()
                .property()
                .name(FileRegisterConfig.RELOAD_INTERVAL)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("How often at most, in seconds, the file is checked for changes, on lookup.")
                .defaultValue(FileRegisterConfig.DEFAULT_RELOAD_INTERVAL_SECONDS)
                .add()
                .build();
    }

    @Override
    public void init(Config.Scope scope) {
        config = FileRegisterConfig.from(scope);
        path = config.path().orElse(null);
        reloadIntervalNanos = config.reloadInterval().toNanos();
        if (path == null) {
            LOG.warnf(
                    "No Tableau register file configured (--spi-ordre-tableau-register--file--%s): the register is empty",
                    FileRegisterConfig.PATH);
            return;
        }
        reloadLock.lock();
        try {
            reloadIfChanged(path);
            nextCheckNanos = System.nanoTime() + reloadIntervalNanos;
        } finally {
            reloadLock.unlock();
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public TableauRegister create(KeycloakSession session) {
        return new FileTableauRegister(this);
    }

    @Override
    public void close() {}

    /** The index to answer from, after re-checking the file if the interval has passed. */
    RegisterIndex currentIndex() {
        if (path != null && System.nanoTime() - nextCheckNanos >= 0) {
            // One thread checks; the others answer from the index they have rather than wait.
            if (reloadLock.tryLock()) {
                try {
                    if (System.nanoTime() - nextCheckNanos >= 0) {
                        reloadIfChanged(path);
                        nextCheckNanos = System.nanoTime() + reloadIntervalNanos;
                    }
                } finally {
                    reloadLock.unlock();
                }
            }
        }
        return loaded.index();
    }

    private void reloadIfChanged(Path path) {
        FileStamp stamp = stamp(path);
        Loaded current = loaded;
        if (stamp.equals(current.stamp())) {
            if (failedStamp != null) {
                // The broken copy was replaced by the version in use: nothing is wrong any more.
                failedStamp = null;
                lastError = null;
            }
            return;
        }
        if (stamp.equals(failedStamp)) {
            return;
        }
        if (stamp == FileStamp.MISSING) {
            fail(stamp, "file missing or unreadable", path, current);
            return;
        }
        long start = System.nanoTime();
        try {
            // Stamp taken before reading: a write during the read shows up as a change on the next check.
            RegisterCsvReader.Result result = RegisterCsvReader.read(path);
            loaded = new Loaded(result.index(), stamp, Instant.now(), result.skippedLines(), result.invalidEmails());
            failedStamp = null;
            lastError = null;
            LOG.infof(
                    "Tableau register %s loaded: %d entries (%d with an email on file), %d lines skipped, %d invalid emails, in %d ms",
                    path,
                    result.index().size(),
                    result.index().withEmail(),
                    result.skippedLines(),
                    result.invalidEmails(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (RegisterCsvReader.FormatException e) {
            fail(stamp, e.getMessage(), path, current);
        } catch (CharacterCodingException e) {
            fail(stamp, "not valid UTF-8 (" + e + ")", path, current);
        } catch (IOException | RuntimeException e) {
            fail(stamp, e.toString(), path, current);
        }
    }

    private void fail(FileStamp stamp, String reason, Path path, Loaded current) {
        failedStamp = stamp;
        lastError = reason;
        LOG.warnf(
                "Tableau register %s not (re)loaded: %s; keeping the %d entries loaded at %s",
                path, reason, current.index().size(), current.loadedAt() == null ? "(never)" : current.loadedAt());
    }

    private static FileStamp stamp(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return new FileStamp(attributes.lastModifiedTime().toMillis(), attributes.size());
        } catch (IOException e) {
            return FileStamp.MISSING;
        }
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Loaded current = loaded;
        Map<String, String> info = new LinkedHashMap<>();
        info.put("path", path == null ? "(not set)" : path.toString());
        info.put("entries", String.valueOf(current.index().size()));
        info.put(
                "lastLoad",
                current.loadedAt() == null ? "never" : current.loadedAt().toString());
        info.put("entriesWithEmail", String.valueOf(current.index().withEmail()));
        info.put("skippedLines", String.valueOf(current.skippedLines()));
        info.put("invalidEmails", String.valueOf(current.invalidEmails()));
        info.put(
                "reloadIntervalSeconds",
                config == null ? "" : String.valueOf(config.reloadInterval().toSeconds()));
        if (lastError != null) {
            info.put("lastError", lastError);
        }
        return info;
    }
}
