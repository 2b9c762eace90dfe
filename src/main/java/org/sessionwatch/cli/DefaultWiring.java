package org.sessionwatch.cli;

import java.time.Clock;
import java.util.List;

import org.sessionwatch.netapi.demo.DemoFleet;
import org.sessionwatch.netapi.windows.WindowsSessionEnumerator;
import org.sessionwatch.polling.BackendSelector;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.Poller;
import org.sessionwatch.polling.PollerOptions;
import org.sessionwatch.servers.ServerConfig;

/** The only place the CLI names concrete classes: the real poller, demo fleet and backends. */
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
     * The real backends: netapi32 on Windows; srvsvc is not wired into this build yet, so a server that needs it
     * reports "The srvsvc backend is not available in this build" as its (per-server) error.
     */
    static BackendFactory backends() {
        return password -> new BackendSelector(server -> new WindowsSessionEnumerator(), null, null,
                BackendSelector.runningOnWindows());
    }
}
