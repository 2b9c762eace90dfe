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

import org.sessionwatch.app.PollSources;
import org.sessionwatch.config.ConfigPaths;
import org.sessionwatch.credentials.CredentialStore;
import org.sessionwatch.history.HistoryPaths;

/**
 * Everything the CLI takes from its surroundings, so tests run it with captured output, a fixed clock, no real
 * sleeping and a fake terminal.
 *
 * @param out               where results go
 * @param err               where notices and errors go
 * @param environment       environment lookup (null when unset); {@code SESSIONWATCH_PASSWORD} is read from it
 * @param passwordPrompt    asks for a password without echo; empty when there is no terminal
 * @param clock             times the {@code --watch} interval
 * @param sleeper           waits between {@code --watch} cycles
 * @param defaultConfigFile the configuration file used without {@code --config}
 * @param sources           the poll sources of one run, given the run's credential store (it holds only the run's
 *                          password, in memory): {@link PollSources#standard} in the real process
 * @param defaultHistoryFile the history database used without {@code --history-db}
 * @param confirmation      asks a person to confirm a destructive action; empty when there is no terminal
 */
public record CliContext(PrintStream out, PrintStream err, Function<String, String> environment,
                         PasswordPrompt passwordPrompt, Clock clock, Sleeper sleeper,
                         Supplier<Path> defaultConfigFile, Function<CredentialStore, PollSources> sources,
                         Supplier<Path> defaultHistoryFile, Confirmation confirmation) {

    /** Surroundings without a terminal to confirm on: destructive actions need {@code --yes}. */
    public CliContext(PrintStream out, PrintStream err, Function<String, String> environment,
                      PasswordPrompt passwordPrompt, Clock clock, Sleeper sleeper, Supplier<Path> defaultConfigFile,
                      Function<CredentialStore, PollSources> sources, Supplier<Path> defaultHistoryFile) {
        this(out, err, environment, passwordPrompt, clock, sleeper, defaultConfigFile, sources, defaultHistoryFile,
                question -> Optional.empty());
    }

    /** Surroundings whose history database sits next to the configuration file (tests and scripts). */
    public CliContext(PrintStream out, PrintStream err, Function<String, String> environment,
                      PasswordPrompt passwordPrompt, Clock clock, Sleeper sleeper, Supplier<Path> defaultConfigFile,
                      Function<CredentialStore, PollSources> sources) {
        this(out, err, environment, passwordPrompt, clock, sleeper, defaultConfigFile, sources,
                () -> defaultConfigFile.get().resolveSibling(HistoryPaths.FILE_NAME));
    }

    /** Reads a password from the terminal; empty when there is no terminal to ask. */
    @FunctionalInterface
    public interface PasswordPrompt {
        Optional<char[]> read(String prompt);
    }

    /** Asks a yes/no question on the terminal; empty when there is no terminal to ask. */
    @FunctionalInterface
    public interface Confirmation {
        Optional<Boolean> ask(String question);
    }

    /** These surroundings, confirming with {@code confirmation}. */
    public CliContext withConfirmation(Confirmation confirmation) {
        return new CliContext(out, err, environment, passwordPrompt, clock, sleeper, defaultConfigFile, sources,
                defaultHistoryFile, confirmation);
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
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(defaultHistoryFile, "defaultHistoryFile");
        Objects.requireNonNull(confirmation, "confirmation");
    }

    /**
     * The real process: System.out/err, the environment, the console, the system clock, the real backends and demo
     * fleet.
     */
    public static CliContext system() {
        Clock clock = Clock.systemUTC();
        return new CliContext(System.out, System.err, System::getenv, CliContext::readFromConsole,
                clock, duration -> Thread.sleep(duration.toMillis()),
                () -> ConfigPaths.ofSystem().configFile(), credentials -> PollSources.standard(credentials, clock),
                () -> HistoryPaths.ofSystem().databaseFile(), CliContext::confirmOnConsole);
    }

    /** "yes" or "y" confirms, anything else declines; no terminal (stdin or stdout redirected) asks nothing. */
    private static Optional<Boolean> confirmOnConsole(String question) {
        Console console = System.console();
        if (console == null || !isTerminal(console)) {
            return Optional.empty();
        }
        String answer = console.readLine("%s", question);
        return Optional.of(answer != null && (answer.strip().equalsIgnoreCase("yes")
                || answer.strip().equalsIgnoreCase("y")));
    }

    /**
     * Since Java 22 a console may exist with redirected streams; {@code Console.isTerminal()} (22+) tells. Looked up
     * by name because the code is compiled for Java 21, where a console always means a terminal.
     */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    private static Optional<char[]> readFromConsole(String prompt) {
        Console console = System.console();
        // Console.readPassword turns echo off; without a console there is no safe way to ask.
        return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", prompt));
    }
}
