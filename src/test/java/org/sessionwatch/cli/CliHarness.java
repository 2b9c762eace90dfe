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
import java.util.function.Supplier;

import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.SessionEnumerator;
import org.sessionwatch.polling.EnumeratorFactory;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.config.ServerConfig;

/**
 * Runs {@link Cli} with captured output, a fixed clock, a recording sleeper and a simple sequential stand-in for the
 * poller (the real one is tested on its own), so option handling and exit codes can be checked exactly.
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
    Optional<String> passwordGivenToBackends;
    RunSettings settings;
    Path configFile;
    Cli cli;
    Clock clock = Clock.fixed(Instant.parse("2026-11-24T16:20:00Z"), ZoneOffset.UTC);
    /** What the fake real backends answer, by server name. */
    SessionEnumerator backend = request -> new EnumerationResult.Success(request.server(), request.level(), List.of());
    Supplier<CliRun.Demo> demo = () -> {
        throw new AssertionError("the demo fleet was not expected here");
    };

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
                clock, sleeps::add, () -> configFile,
                (password, deadline) -> {
                    passwordGivenToBackends = password.map(String::new);
                    return server -> {
                        createdFor.add(server);
                        return backend;
                    };
                });
        cli = new Cli(context, this::poller, demo);
        return cli.execute(args);
    }

    private CyclePoller poller(EnumeratorFactory enumerators, RunSettings runSettings) {
        this.settings = runSettings;
        return new CyclePoller() {
            @Override
            public PollCycle poll(List<ServerConfig> servers) {
                Instant at = clock.instant();
                List<ServerPollResult> results = new ArrayList<>();
                for (ServerConfig server : servers) {
                    EnumerationRequest request = new EnumerationRequest(server.name(), runSettings.level(),
                            runSettings.clientFilter(), runSettings.userFilter(), -1);
                    requests.add(request);
                    EnumerationResult result = enumerators.create(server).enumerate(request);
                    results.add(switch (result) {
                        case EnumerationResult.Success s -> new ServerPollResult.Ok(server.name(), request.level(),
                                s.level(), s.sessions(), Duration.ofMillis(10), at);
                        case EnumerationResult.Failure f -> new ServerPollResult.Failed(server.name(), f.level(),
                                f.error(), Duration.ofMillis(10), at);
                    });
                }
                return new PollCycle(at, results);
            }

            @Override
            public void close() {
            }
        };
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
