package org.sessionwatch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import picocli.CommandLine;

/**
 * The headless command line ({@code --once}, {@code --watch}, {@code --help}, {@code --version}): every command line
 * with an argument comes here, so an unknown option is a usage error, never a window that ignores it. Never touches
 * JavaFX, so it runs on servers and CI machines without a display.
 */
public final class Cli {
    private static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    /** The options the window takes; any other argument makes the command line the CLI's. */
    private static final Set<String> WINDOW_OPTIONS = Set.of("--history-db", "--no-history");

    private final CliContext context;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    /** Set for --watch and --collect, which stop cleanly on Ctrl+C or SIGTERM and end with their own exit code. */
    private volatile boolean stopsCleanly;

    /**
     * What the window takes from its command line.
     *
     * @param historyDb the history file to record into instead of the OS's data folder ({@code --history-db FILE})
     * @param noHistory record nothing in this run ({@code --no-history})
     */
    public record WindowOptions(Optional<Path> historyDb, boolean noHistory) {
        public static final WindowOptions NONE = new WindowOptions(Optional.empty(), false);

        public WindowOptions {
            Objects.requireNonNull(historyDb, "historyDb");
        }
    }

    /**
     * The window's options when {@code args} opens the window: no argument, or only {@code --history-db FILE} or
     * {@code --no-history}, read by the same parser as every other command line. Empty when the arguments are the
     * CLI's (including every mistake, which {@link #run} then explains).
     */
    public static Optional<WindowOptions> windowOptions(List<String> args) {
        if (args.isEmpty()) {
            return Optional.of(WindowOptions.NONE);
        }
        CliOptions options = new CliOptions();
        CommandLine command = new CommandLine(options);
        command.setExpandAtFiles(false);
        try {
            CommandLine.ParseResult parsed = command.parseArgs(args.toArray(String[]::new));
            boolean onlyWindowOptions = parsed.matchedOptions().stream()
                    .allMatch(option -> WINDOW_OPTIONS.contains(option.longestName()));
            if (!onlyWindowOptions || !parsed.unmatched().isEmpty() || options.mode != null
                    || (options.noHistory && options.historyDb != null)) {
                return Optional.empty();
            }
        } catch (CommandLine.ParameterException e) {
            return Optional.empty();
        }
        return Optional.of(new WindowOptions(Optional.ofNullable(options.historyDb), options.noHistory));
    }

    /** A CLI on the given surroundings; its servers are polled through {@link CliContext#sources()}. */
    public Cli(CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** Runs the CLI in this process (System.out/err, the console) and returns the process exit code. */
    public static int run(String[] args) {
        // stderr is for errors in a script; the poller's INFO notes (e.g. a late answer dropped) are noise there.
        if (Arrays.asList(args).contains("--collect")) {
            CollectRun.configureServiceLogging();
        } else if (System.getProperty(LOG_LEVEL_PROPERTY) == null) {
            System.setProperty(LOG_LEVEL_PROPERTY, "warn");
        }
        StandardOutput stdout = StandardOutput.install();
        Cli cli = new Cli(CliContext.system());
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger(ExitCodes.SOFTWARE);
        Thread main = Thread.currentThread();
        // Ctrl+C or SIGTERM: let --watch finish its current line and close its connections instead of dying
        // mid-write. The JVM would then end with 130 or 143 whatever happened; --watch and --collect end with the
        // code of their run instead (the last complete poll's, 0 for a collector that stopped), as documented.
        Thread hook = new Thread(() -> {
            cli.stop(main);
            try {
                if (finished.await(3, TimeUnit.SECONDS) && cli.stopsCleanly) {
                    System.out.flush();
                    System.err.flush();
                    Runtime.getRuntime().halt(exitCode.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sessionwatch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            int code = cli.execute(args);
            System.out.flush();
            Optional<String> lost = stdout.failure();
            if (lost.isPresent()) {
                // e.g. "> sessions.csv" on a full disk: the file is incomplete, which a script must not take for 0
                System.err.println("sessionwatch: the output could not be written (" + lost.get() + "); what was"
                        + " printed is incomplete.");
                code = ExitCodes.SOFTWARE;
            }
            exitCode.set(code);
            return code;
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
            // picocli starts some of its messages with "Error: ", which after our own prefix says it twice
            String message = String.valueOf(e.getMessage());
            context.err().println("sessionwatch: " + (message.startsWith("Error: ") ? message.substring(7) : message));
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
                context.err().println("sessionwatch: " + String.join(" ", args) + ": missing a mode: --once, --watch,"
                        + " --collect, --history, --close-file or --end-session (the window takes no options but"
                        + " --history-db FILE or --no-history).");
                context.err().println("Try 'sessionwatch --help' for the options.");
                return ExitCodes.USAGE;
            }
            stopsCleanly = options.watch() || options.collect();
            return new CliRun(context, stopRequested).run(options);
        });
        command.setExecutionExceptionHandler((e, cmd, parsed) -> {
            context.err().println("sessionwatch: internal error: " + e);
            return ExitCodes.SOFTWARE;
        });
        return command.execute(args);
    }
}
