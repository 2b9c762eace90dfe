package org.sessionwatch.cli;

import org.sessionwatch.AppInfo;

/** The headless command line (--once, --watch, --help, --version); never touches JavaFX. */
public final class Cli {
    private Cli() {
    }

    /** Runs the CLI and returns the process exit code. */
    public static int run(String[] args) {
        for (String arg : args) {
            if (arg.equals("--version") || arg.equals("-V")) {
                System.out.println(AppInfo.name() + " " + AppInfo.version());
                return 0;
            }
        }
        System.out.println("Usage: sessionwatch [--once | --watch] [--demo] [--server NAME]... [--format table|json|csv]");
        return 0;
    }
}
