package org.sessionwatch;

import java.util.Set;

/**
 * Entry point of the jar. Decides between the headless CLI and the GUI before any JavaFX class is touched, so
 * {@code --once} works on a machine without a display; it is also not a JavaFX {@code Application}, which lets the
 * shaded jar start with JavaFX on the class path.
 */
public final class Launcher {
    private static final Set<String> HEADLESS_FLAGS = Set.of("--once", "--watch", "--collect", "--help", "-h",
            "--version", "-V");

    private Launcher() {
    }

    public static void main(String[] args) {
        for (String arg : args) {
            if (HEADLESS_FLAGS.contains(arg)) {
                System.exit(org.sessionwatch.cli.Cli.run(args));
            }
        }
        org.sessionwatch.ui.SessionWatchApp.launchApp(args);
    }
}
