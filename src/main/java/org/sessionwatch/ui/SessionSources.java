package org.sessionwatch.ui;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import org.sessionwatch.app.Backends;
import org.sessionwatch.credentials.CredentialStore;
import org.sessionwatch.netapi.demo.DemoFleet;
import org.sessionwatch.polling.BackendSelector;
import org.sessionwatch.polling.EnumeratorFactory;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.polling.Poller;
import org.sessionwatch.polling.PollerOptions;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.ui.main.SessionSource;

/**
 * Turns a configuration into the window's {@link SessionSource}: the demo fleet when no server is configured, the
 * real backends ({@link Backends}) otherwise. The one GUI class that knows the demo fleet.
 */
public final class SessionSources {
    private final Clock clock;
    private final CredentialStore credentials;
    private DemoFleet demoFleet;

    /** @param credentials where the srvsvc backend finds the passwords saved in the settings dialog */
    public SessionSources(Clock clock, CredentialStore credentials) {
        this.clock = clock;
        this.credentials = credentials;
    }

    public SessionSource forConfig(AppConfig config) {
        PollerOptions options = PollerOptions.from(config);
        if (config.servers().isEmpty()) {
            DemoFleet fleet = demoFleet();
            return poll(new Poller(new BackendSelector(null, null, fleet, BackendSelector.runningOnWindows()), options),
                    fleet.servers());
        }
        return poll(new Poller(backends(config), options), config.enabledServers());
    }

    /**
     * netapi32 on Windows (with the user's logon), srvsvc over SMB everywhere (with the account and stored password
     * of each server); a server set to the demo backend still gets the demo fleet.
     */
    EnumeratorFactory backends(AppConfig config) {
        return Backends.create(credentials, config.serverDeadline(), demoFleet());
    }

    private synchronized DemoFleet demoFleet() {
        if (demoFleet == null) {
            demoFleet = new DemoFleet(DemoFleet.DEFAULT_SEED, clock);
        }
        return demoFleet;
    }

    private static SessionSource poll(Poller poller, List<ServerConfig> servers) {
        return new SessionSource() {
            @Override
            public PollCycle poll() {
                return poller.poll(servers);
            }

            @Override
            public PollCycle poll(Consumer<ServerPollResult> answered) {
                return poller.poll(servers, answered);
            }

            @Override
            public void retryRefusedNow() {
                poller.retryRefusedNow();
            }

            @Override
            public void close() {
                poller.close();
            }
        };
    }
}
