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
 */
public record CliContext(PrintStream out, PrintStream err, Function<String, String> environment,
                         PasswordPrompt passwordPrompt, Clock clock, Sleeper sleeper,
                         Supplier<Path> defaultConfigFile, Function<CredentialStore, PollSources> sources) {

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
        Objects.requireNonNull(sources, "sources");
    }

    /**
     * The real process: System.out/err, the environment, the console, the system clock, the real backends and demo
     * fleet.
     */
    public static CliContext system() {
        Clock clock = Clock.systemUTC();
        return new CliContext(System.out, System.err, System::getenv, CliContext::readFromConsole,
                clock, duration -> Thread.sleep(duration.toMillis()),
                () -> ConfigPaths.ofSystem().configFile(), credentials -> PollSources.standard(credentials, clock));
    }

    private static Optional<char[]> readFromConsole(String prompt) {
        Console console = System.console();
        // Console.readPassword turns echo off; without a console there is no safe way to ask.
        return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", prompt));
    }
}
