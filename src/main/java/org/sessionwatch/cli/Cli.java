package org.sessionwatch.cli;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import picocli.CommandLine;

/**
 * The headless command line ({@code --once}, {@code --watch}, {@code --help}, {@code --version}): every command line
 * with an argument comes here, so an unknown option is a usage error, never a window that ignores it. Never touches
 * JavaFX, so it runs on servers and CI machines without a display.
 */
public final class Cli {
    private static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    private final CliContext context;
    private final AtomicBoolean stopRequested = new AtomicBoolean();

    /** A CLI on the given surroundings; its servers are polled through {@link CliContext#sources()}. */
    public Cli(CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** Runs the CLI in this process (System.out/err, the console) and returns the process exit code. */
    public static int run(String[] args) {
        // stderr is for errors in a script; the poller's INFO notes (e.g. a late answer dropped) are noise there.
        if (System.getProperty(LOG_LEVEL_PROPERTY) == null) {
            System.setProperty(LOG_LEVEL_PROPERTY, "warn");
        }
        Cli cli = new Cli(CliContext.system());
        CountDownLatch finished = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        // Ctrl+C: let --watch finish its current line and close its connections instead of dying mid-write.
        Thread hook = new Thread(() -> {
            cli.stop(main);
            try {
                finished.await(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sessionwatch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return cli.execute(args);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running and waits for the countDown above
            }
        }
    }

    /** Asks a running {@code --watch} to stop after the current cycle; {@code worker} is woken from its sleep. */
    void stop(Thread worker) {
        stopRequested.set(true);
        worker.interrupt();
    }

    /** Parses {@code args} and runs; usage errors print to stderr and return 2. */
    public int execute(String[] args) {
        for (String arg : args) {
            // Refused before parsing so that the value after it is never echoed in an "unknown option" message.
            if (arg.equals("--password") || arg.startsWith("--password=")) {
                context.err().println("sessionwatch: --password is not accepted: a password on the command line is"
                        + " visible to other users and kept in shell history. Set " + CliRun.PASSWORD_VARIABLE
                        + ", or run in a terminal and type it when asked.");
                return ExitCodes.USAGE;
            }
        }
        CliOptions options = new CliOptions();
        CommandLine command = new CommandLine(options);
        command.setOut(new PrintWriter(context.out(), true));
        command.setErr(new PrintWriter(context.err(), true));
        // "@file" arguments would be read as more options: surprising for a tool that takes server names.
        command.setExpandAtFiles(false);
        command.setParameterExceptionHandler((e, arguments) -> {
            context.err().println("sessionwatch: " + e.getMessage());
            // "Did you mean: --once?" for a misspelt option
            CommandLine.UnmatchedArgumentException.printSuggestions(e, new PrintWriter(context.err(), true));
            context.err().println("Try 'sessionwatch --help' for the options.");
            return ExitCodes.USAGE;
        });
        command.setExecutionStrategy(parsed -> {
            Integer helpExitCode = CommandLine.executeHelpRequest(parsed);
            if (helpExitCode != null) {
                return helpExitCode;
            }
            if (options.mode == null) {
                // The launcher opens the window only for an empty command line; options alone are a mistake.
                context.err().println("sessionwatch: " + String.join(" ", args) + ": missing --once or --watch"
                        + " (the window takes no options; start it without any).");
                context.err().println("Try 'sessionwatch --help' for the options.");
                return ExitCodes.USAGE;
            }
            return new CliRun(context, stopRequested).run(options);
        });
        command.setExecutionExceptionHandler((e, cmd, parsed) -> {
            context.err().println("sessionwatch: internal error: " + e);
            return ExitCodes.SOFTWARE;
        });
        return command.execute(args);
    }
}
