package org.sessionwatch.cli;

import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.sessionwatch.config.ConfigPaths;
import org.sessionwatch.history.HistoryPaths;

/**
 * Everything the CLI takes from its surroundings, so tests run it with captured output, a fixed clock, no real
 * sleeping and a fake terminal.
 *
 * @param out               where results go
 * @param err               where notices and errors go
 * @param environment       environment lookup (null when unset); {@code SESSIONWATCH_PASSWORD} is read from it
 * @param passwordPrompt    asks for a password without echo; empty when there is no terminal
 * @param clock             the time the demo fleet runs on
 * @param sleeper           waits between {@code --watch} cycles
 * @param defaultConfigFile the configuration file used without {@code --config}
 * @param backends          the real backends for servers that are not demo servers
 * @param defaultHistoryFile the history database used without {@code --history-db}
 */
public record CliContext(PrintStream out, PrintStream err, Function<String, String> environment,
                         PasswordPrompt passwordPrompt, Clock clock, Sleeper sleeper,
                         Supplier<Path> defaultConfigFile, BackendFactory backends,
                         Supplier<Path> defaultHistoryFile) {

    /** Surroundings whose history database sits next to the configuration file (tests and scripts). */
    public CliContext(PrintStream out, PrintStream err, Function<String, String> environment,
                      PasswordPrompt passwordPrompt, Clock clock, Sleeper sleeper, Supplier<Path> defaultConfigFile,
                      BackendFactory backends) {
        this(out, err, environment, passwordPrompt, clock, sleeper, defaultConfigFile, backends,
                () -> defaultConfigFile.get().resolveSibling(HistoryPaths.FILE_NAME));
    }

    /** Reads a password from the terminal; empty when there is no terminal to ask. */
    @FunctionalInterface
    public interface PasswordPrompt {
        Optional<char[]> read(String prompt);
    }

    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(passwordPrompt, "passwordPrompt");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(defaultConfigFile, "defaultConfigFile");
        Objects.requireNonNull(backends, "backends");
        Objects.requireNonNull(defaultHistoryFile, "defaultHistoryFile");
    }

    /** The real process: System.out/err, the environment, the console, the system clock. */
    public static CliContext system(BackendFactory backends) {
        return new CliContext(System.out, System.err, System::getenv, CliContext::readFromConsole,
                Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()),
                () -> ConfigPaths.ofSystem().configFile(), backends, () -> HistoryPaths.ofSystem().databaseFile());
    }

    private static Optional<char[]> readFromConsole(String prompt) {
        Console console = System.console();
        // Console.readPassword turns echo off; without a console there is no safe way to ask.
        return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", prompt));
    }
}
