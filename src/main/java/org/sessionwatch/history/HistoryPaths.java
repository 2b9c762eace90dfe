package org.sessionwatch.history;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where the history database lives by the conventions of each OS (data, not configuration: it is large, local to the
 * machine and may be deleted without losing a setting):
 * <ul>
 *   <li>Windows: {@code %LOCALAPPDATA%\SessionWatch\history.db} (local, never roaming: it can grow to gigabytes)</li>
 *   <li>macOS: {@code ~/Library/Application Support/SessionWatch/history.db}</li>
 *   <li>Linux and other Unixes: {@code $XDG_DATA_HOME/sessionwatch/history.db}, {@code ~/.local/share/...} when the
 *       variable is unset, empty or relative (the XDG spec says to ignore relative values)</li>
 * </ul>
 * The OS name, environment and home directory are injected so every branch is testable on any machine.
 */
public final class HistoryPaths {
    public static final String FILE_NAME = "history.db";

    private final String osName;
    private final Function<String, String> environment;
    private final Path home;

    public HistoryPaths(String osName, Function<String, String> environment, Path home) {
        this.osName = Objects.requireNonNull(osName, "osName").toLowerCase(Locale.ROOT);
        this.environment = Objects.requireNonNull(environment, "environment");
        this.home = Objects.requireNonNull(home, "home");
    }

    public static HistoryPaths ofSystem() {
        return new HistoryPaths(System.getProperty("os.name", ""), System::getenv,
                Path.of(System.getProperty("user.home", ".")));
    }

    /** The folder that holds the database (and the SQLite native library it unpacks). */
    public Path dataDirectory() {
        if (osName.startsWith("windows")) {
            String local = nonBlank(environment.apply("LOCALAPPDATA"));
            Path base = local != null ? Path.of(local) : home.resolve("AppData").resolve("Local");
            return base.resolve("SessionWatch");
        }
        if (osName.startsWith("mac") || osName.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("SessionWatch");
        }
        String xdg = nonBlank(environment.apply("XDG_DATA_HOME"));
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve("sessionwatch");
    }

    public Path databaseFile() {
        return dataDirectory().resolve(FILE_NAME);
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
