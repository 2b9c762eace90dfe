package org.sessionwatch.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

import org.sessionwatch.files.AtomicFiles;

/**
 * Reads and writes the configuration file ({@link ConfigJson} format) at one path.
 *
 * <p>Reading never writes: a file that cannot be used is reported as {@link ConfigLoad.Invalid} and left exactly as
 * it is. Saving over such a file first keeps a copy of it next to it ({@code config.json.corrupt-<UTC timestamp>}),
 * so the hand-edited settings the user may want back are never destroyed by the defaults the app fell back to.
 * Writes are atomic ({@link AtomicFiles}).
 */
public final class ConfigStore {
    /** Larger than any real configuration; protects against pointing {@code --config} at a huge file. */
    static final long MAX_FILE_BYTES = 1 << 20;

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path file;
    private final Clock clock;

    public ConfigStore(Path file) {
        this(file, Clock.systemUTC());
    }

    /** @param clock names the copy of a corrupt file */
    public ConfigStore(Path file, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The store at the OS-conventional place ({@link ConfigPaths}). */
    public static ConfigStore atDefaultLocation() {
        return new ConfigStore(ConfigPaths.ofSystem().configFile());
    }

    public Path file() {
        return file;
    }

    /** Reads the file; never throws for a missing, unreadable or invalid file, and never modifies it. */
    public ConfigLoad load() {
        byte[] content;
        try {
            if (Files.isDirectory(file)) {
                return new ConfigLoad.Invalid(file, "it is a directory, not a file");
            }
            if (Files.exists(file) && Files.size(file) > MAX_FILE_BYTES) {
                return new ConfigLoad.Invalid(file, "it is larger than " + MAX_FILE_BYTES + " bytes");
            }
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new ConfigLoad.Missing(file);
        } catch (AccessDeniedException e) {
            return new ConfigLoad.Invalid(file, "permission denied reading it");
        } catch (IOException e) {
            return new ConfigLoad.Invalid(file, "it cannot be read (" + e.getMessage() + ")");
        }
        try {
            return new ConfigLoad.Loaded(file, ConfigJson.parse(content));
        } catch (ConfigJson.ConfigFormatException e) {
            return new ConfigLoad.Invalid(file, e.getMessage());
        }
    }

    /**
     * Writes {@code config} atomically. If the file on disk is one that {@link #load()} would reject, it is first
     * copied aside so that saving never destroys it.
     *
     * @return where the previous, unusable file was kept, if there was one
     * @throws IOException              when the file cannot be written; the previous file is then unchanged
     * @throws IllegalArgumentException when {@code config} is one {@link #load()} would reject, naming the field
     */
    public Optional<Path> save(AppConfig config) throws IOException {
        Objects.requireNonNull(config, "config");
        byte[] content = validated(config);
        Optional<Path> kept = Optional.empty();
        if (load() instanceof ConfigLoad.Invalid && Files.isRegularFile(file)) {
            kept = Optional.of(keepCorruptCopy());
        }
        AtomicFiles.write(file, out -> out.write(content));
        return kept;
    }

    /** The file content for {@code config}; never one the next start would reject (e.g. two servers named alike). */
    private static byte[] validated(AppConfig config) {
        byte[] content = ConfigJson.write(config);
        try {
            ConfigJson.parse(content);
        } catch (ConfigJson.ConfigFormatException e) {
            throw new IllegalArgumentException("The configuration cannot be saved: " + e.getMessage(), e);
        }
        return content;
    }

    /** Saves through a custom writer; lets tests simulate a write that fails half-way. */
    void save(AtomicFiles.ContentWriter writer) throws IOException {
        AtomicFiles.write(file, writer);
    }

    private Path keepCorruptCopy() throws IOException {
        String base = file.getFileName() + ".corrupt-" + STAMP.format(clock.instant());
        Path copy = file.resolveSibling(base);
        for (int n = 1; Files.exists(copy); n++) {
            copy = file.resolveSibling(base + "-" + n);
        }
        // A copy, not a move: if the save below fails, the original is still where the user left it. Written 0600
        // like the file itself, since a rejected file may hold exactly the password it was rejected for.
        AtomicFiles.write(copy, out -> Files.copy(file, out));
        return copy;
    }
}
