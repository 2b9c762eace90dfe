package org.sessionwatch.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where the configuration file lives by the conventions of each OS:
 * <ul>
 *   <li>Windows: {@code %APPDATA%\SessionWatch\config.json} (roaming, so it follows the helpdesk agent)</li>
 *   <li>macOS: {@code ~/Library/Application Support/SessionWatch/config.json}</li>
 *   <li>Linux and other Unixes: {@code $XDG_CONFIG_HOME/sessionwatch/config.json}, {@code ~/.config/...} when the
 *       variable is unset, empty or relative (the XDG spec says to ignore relative values)</li>
 * </ul>
 * The OS name, environment and home directory are injected so every branch is testable on any machine.
 */
public final class ConfigPaths {
    public static final String FILE_NAME = "config.json";

    private final String osName;
    private final Function<String, String> environment;
    private final Path home;

    /**
     * @param osName      the {@code os.name} system property
     * @param environment looks up an environment variable, returning null when unset
     * @param home        the {@code user.home} directory
     */
    public ConfigPaths(String osName, Function<String, String> environment, Path home) {
        this.osName = Objects.requireNonNull(osName, "osName").toLowerCase(Locale.ROOT);
        this.environment = Objects.requireNonNull(environment, "environment");
        this.home = Objects.requireNonNull(home, "home");
    }

    /** The paths of the running JVM's OS and user. */
    public static ConfigPaths ofSystem() {
        return new ConfigPaths(System.getProperty("os.name", ""), System::getenv,
                Path.of(System.getProperty("user.home", ".")));
    }

    /** The directory that holds the configuration file. */
    public Path configDirectory() {
        if (osName.startsWith("windows")) {
            String appData = nonBlank(environment.apply("APPDATA"));
            // APPDATA is missing only in stripped-down service environments; fall back to its usual location.
            Path roaming = appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return roaming.resolve("SessionWatch");
        }
        if (osName.startsWith("mac") || osName.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("SessionWatch");
        }
        String xdg = nonBlank(environment.apply("XDG_CONFIG_HOME"));
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return base.resolve("sessionwatch");
    }

    /** The configuration file itself. */
    public Path configFile() {
        return configDirectory().resolve(FILE_NAME);
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
