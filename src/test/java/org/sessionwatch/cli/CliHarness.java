package org.sessionwatch.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.sessionwatch.app.PollSources;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.credentials.CredentialStore;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;
import org.sessionwatch.netapi.ScriptedServer;
import org.sessionwatch.netapi.demo.DemoFleet;
import org.sessionwatch.polling.CurrentThreadRuntime;

/**
 * Runs {@link Cli} with captured output, a fixed clock, a recording sleeper, scripted servers and the real poller on
 * the calling thread ({@link CurrentThreadRuntime}), so option handling and exit codes can be checked exactly.
 */
final class CliHarness {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Map<String, String> environment = new HashMap<>();
    final List<String> prompts = new ArrayList<>();
    final List<Duration> sleeps = new ArrayList<>();
    final List<ServerConfig> createdFor = new ArrayList<>();
    final List<EnumerationRequest> requests = new ArrayList<>();
    Optional<char[]> typedPassword = Optional.empty();
    /** The answer to a confirmation question; empty: there is no terminal. */
    Optional<Boolean> confirmation = Optional.empty();
    final List<String> questions = new ArrayList<>();
    Optional<String> passwordGivenToBackends;
    Duration deadlineGivenToBackends;
    Path configFile;
    Cli cli;
    Clock clock = Clock.fixed(Instant.parse("2026-11-24T16:20:00Z"), ZoneOffset.UTC);
    /** What the fake real backends answer, by server name. */
    Function<EnumerationRequest, EnumerationResult> backend =
            request -> new EnumerationResult.Success(request.server(), request.level(), List.of());
    /** What the fake real backends list as open files; null: they cannot list open files (sessions only). */
    Function<OpenFilesRequest, OpenFilesResult> files;
    /** The demo fleet (without its slow server's latency); tests that expect none of it replace it. */
    Supplier<DemoFleet> demo = () -> DemoFleet.withoutLatency(DemoFleet.DEFAULT_SEED, clock);
    boolean demoCreated;

    CliHarness(Path configFile) {
        this.configFile = configFile;
    }

    int run(String... args) {
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment::get,
                prompt -> {
                    prompts.add(prompt);
                    return typedPassword;
                },
                clock, sleeps::add, () -> configFile, this::sources).withConfirmation(question -> {
                    questions.add(question);
                    return confirmation;
                });
        cli = new Cli(context);
        return cli.execute(args);
    }

    private PollSources sources(CredentialStore runPasswords) {
        return new PollSources(runPasswords, (credentials, deadline) -> {
            deadlineGivenToBackends = deadline;
            return server -> {
                createdFor.add(server);
                if (passwordGivenToBackends == null || passwordGivenToBackends.isEmpty()) {
                    passwordGivenToBackends = server.credentialKey().flatMap(credentials::password).map(String::new);
                }
                Function<EnumerationRequest, EnumerationResult> sessions = request -> {
                    requests.add(request);
                    return backend.apply(request);
                };
                return files == null ? ScriptedServer.of(server.name(), sessions)
                        : ScriptedServer.withFiles(server.name(), sessions, files);
            };
        }, () -> {
            demoCreated = true;
            return demo.get();
        }, new CurrentThreadRuntime(clock));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
