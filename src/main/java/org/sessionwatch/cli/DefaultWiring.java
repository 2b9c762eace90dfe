package org.sessionwatch.cli;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import org.sessionwatch.app.Backends;
import org.sessionwatch.credentials.InMemoryCredentialStore;
import org.sessionwatch.netapi.demo.DemoFleet;
import org.sessionwatch.polling.BackendSelector;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.Poller;
import org.sessionwatch.polling.PollerOptions;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.config.ServerConfig;

/**
 * The only place the CLI names concrete classes: the real poller, the demo fleet and (through {@link Backends}) the
 * backends.
 */
final class DefaultWiring {
    private DefaultWiring() {
    }

    /** A {@link Poller} with the run's deadline, level, filters, hide options and reachability check. */
    static CyclePoller.Factory pollers() {
        return (enumerators, settings) -> {
            PollerOptions options = PollerOptions.from(settings.config())
                    .withRequestedLevel(settings.level())
                    .withFilters(settings.clientFilter(), settings.userFilter());
            Poller poller = new Poller(enumerators, options);
            return new CyclePoller() {
                @Override
                public PollCycle poll(List<ServerConfig> servers) {
                    return poller.poll(servers);
                }

                @Override
                public PollCycle poll(List<ServerConfig> servers, Consumer<ServerPollResult> onResult) {
                    return poller.poll(servers, onResult);
                }

                @Override
                public void close() {
                    poller.close();
                }
            };
        };
    }

    static CliRun.Demo demo(Clock clock) {
        DemoFleet fleet = new DemoFleet(DemoFleet.DEFAULT_SEED, clock);
        return new CliRun.Demo(fleet.servers(), fleet);
    }

    /**
     * The real backends ({@link Backends}: netapi32 on Windows, srvsvc everywhere). The run's one password (environment
     * or prompt) is held in memory only, under the key of every server with an explicit user name; the CLI never reads
     * the OS credential store, so a script cannot pick up a password someone saved in the GUI. Demo servers never get
     * here: {@link CliRun} answers them from its own fleet.
     */
    static BackendFactory backends() {
        return (password, deadline) -> {
            InMemoryCredentialStore runPasswords = new InMemoryCredentialStore();
            BackendSelector real = Backends.create(runPasswords, deadline, null);
            return server -> {
                password.ifPresent(secret -> server.credentialKey().ifPresent(key -> runPasswords.store(key, secret)));
                return real.create(server);
            };
        };
    }
}
