package org.sessionwatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Name and version of the build, filtered from the pom into {@code version.properties}. */
public final class AppInfo {
    private static final Properties PROPERTIES = load();

    private AppInfo() {
    }

    public static String version() {
        return PROPERTIES.getProperty("version", "unknown");
    }

    public static String name() {
        return PROPERTIES.getProperty("name", "SessionWatch");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = AppInfo.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read version.properties from the jar", e);
        }
        return properties;
    }
}
