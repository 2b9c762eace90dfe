package org.sessionwatch;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.sessionwatch.cli.Cli;

/**
 * Entry point of the jar and of the installed program. With no argument (or only the window's history options,
 * {@code --history-db FILE} and {@code --no-history}) it opens the window; any other argument goes to the command
 * line's parser ({@link Cli}), which runs {@code --once}/{@code --watch}, prints help or version, or
 * refuses what it does not know (exit code 2) — an unknown or misspelt option never silently opens the window. The
 * choice is made before any JavaFX class is touched, so the CLI works on a machine without a display; the class is
 * also not a JavaFX {@code Application}, which lets the shaded jar start with JavaFX on the class path.
 */
public final class Launcher {
    /** Exit code of a window that could not start (missing desktop libraries, no display, no usable JavaFX). */
    static final int WINDOW_FAILED = 1;

    /** Starts the window and returns when it is closed; throws what JavaFX throws when it cannot start. */
    @FunctionalInterface
    interface Window {
        void start();
    }

    private Launcher() {
    }

    public static void main(String[] args) {
        // The window takes only its history options; everything else (and every mistake) is the CLI's.
        if (Cli.windowOptions(List.of(args)).isEmpty()) {
            System.exit(Cli.run(args));
        }
        int status = startWindow(() -> org.sessionwatch.ui.SessionWatchApp.launchApp(args), System.getenv(),
                System.getProperty("os.name", ""), System.getProperty("glass.platform"), System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Opens the window, or explains in one message why it cannot and returns {@link #WINDOW_FAILED}; 0 once the
     * window has been closed. {@code glassPlatform} is the {@code glass.platform} property: a platform other than the
     * desktop's own (the headless Monocle of the tests) needs no display.
     */
    static int startWindow(Window window, Map<String, String> environment, String osName, String glassPlatform,
            PrintStream err) {
        Objects.requireNonNull(window, "window");
        Optional<String> problem = WindowStartProblem.beforeStart(environment, osName, glassPlatform);
        if (problem.isEmpty()) {
            try {
                window.start();
                return 0;
            } catch (RuntimeException | LinkageError e) {
                problem = WindowStartProblem.explain(e, osName);
                if (problem.isEmpty()) {
                    throw e; // not a missing piece of the desktop: a defect, reported with its stack trace
                }
            }
        }
        err.println("sessionwatch: " + problem.get());
        err.println(WindowStartProblem.CLI_HINT);
        return WINDOW_FAILED;
    }
}
