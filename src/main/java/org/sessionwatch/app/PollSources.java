package org.sessionwatch.app;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.credentials.CredentialStore;
import org.sessionwatch.netapi.demo.DemoFleet;
import org.sessionwatch.netapi.srvsvc.SrvsvcFileServer;
import org.sessionwatch.netapi.windows.WindowsFileServer;
import org.sessionwatch.polling.BackendSelector;
import org.sessionwatch.polling.FileServerFactory;
import org.sessionwatch.polling.PollSource;
import org.sessionwatch.polling.Poller;
import org.sessionwatch.polling.PollerOptions;
import org.sessionwatch.polling.PollerRuntime;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.team.DatabaseUrl;
import org.sessionwatch.team.TeamDatabase;
import org.sessionwatch.team.TeamPollSource;

/**
 * The one place that turns a configuration into a {@link PollSource}, for the window and the CLI alike, and the
 * only code that names the concrete backends and the demo fleet:
 * <ul>
 *   <li>no servers configured: the demo fleet's servers;</li>
 *   <li>a server with the demo backend: answered by the demo fleet;</li>
 *   <li>every other server: netapi32 on Windows (with the signed-in user's token, or as the server's account) or
 *       srvsvc over SMB (with the server's account), either with the password the credential store holds for the
 *       account, as {@link BackendSelector} picks.</li>
 * </ul>
 * The window passes the OS credential store (or memory when there is none); the CLI an in-memory store holding only
 * the run's password, so a script never picks up a password someone saved in the window. One instance holds one
 * demo fleet, created when first needed, so the sessions stay consistent when the configuration changes.
 */
public final class PollSources {

    /** Creates the backends for servers that are not demo servers: the real ones, or fakes in tests. */
    @FunctionalInterface
    public interface RealBackends {
        /**
         * @param credentials where both backends read passwords: srvsvc on every (re)connect, netapi32 on every call
         * @param deadline    the per-server deadline, which also bounds connect and read timeouts
         */
        FileServerFactory create(CredentialStore credentials, Duration deadline);
    }

    private final CredentialStore credentials;
    private final RealBackends realBackends;
    private final Supplier<DemoFleet> newFleet;
    private final PollerRuntime runtime;
    private DemoFleet fleet;

    /**
     * @param credentials  passed to the real backends
     * @param realBackends creates the backends of the servers that are not demo servers
     * @param newFleet     creates the demo fleet, once, when first needed
     * @param runtime      the pollers' threads and clock
     */
    public PollSources(CredentialStore credentials, RealBackends realBackends, Supplier<DemoFleet> newFleet,
                       PollerRuntime runtime) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.realBackends = Objects.requireNonNull(realBackends, "realBackends");
        this.newFleet = Objects.requireNonNull(newFleet, "newFleet");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    /** The application's wiring: the real backends, the default demo fleet on {@code clock}, worker threads. */
    public static PollSources standard(CredentialStore credentials, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return new PollSources(credentials, PollSources::realBackends,
                () -> new DemoFleet(DemoFleet.DEFAULT_SEED, clock), PollerRuntime.system());
    }

    /**
     * netapi32 on Windows (as the signed-in user, or as a server's configured account with its stored password),
     * srvsvc over SMB everywhere; extend this when a backend is added.
     */
    public static FileServerFactory realBackends(CredentialStore credentials, Duration deadline) {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(deadline, "deadline");
        return new BackendSelector(server -> WindowsFileServer.forServer(server, credentials),
                SrvsvcFileServer.factory(credentials, deadline), BackendSelector.runningOnWindows());
    }

    /** The servers of the demo fleet, all with the demo backend, in display order. */
    public List<ServerConfig> demoServers() {
        return fleet().servers();
    }

    /** The configuration's servers polled as it says (deadline, hide options, pre-check). */
    public PollSource forConfig(AppConfig config) {
        return forConfig(config, PollerOptions.from(config));
    }

    /**
     * The configuration's enabled servers (the demo fleet when it has none at all), polled with {@code options}
     * (the CLI adds its level and filters). The source owns its poller and the servers' connections.
     */
    public PollSource forConfig(AppConfig config, PollerOptions options) {
        List<ServerConfig> servers = config.servers().isEmpty() ? demoServers() : config.enabledServers();
        return PollSource.of(new Poller(fileServers(config.serverDeadline()), options, runtime), servers);
    }

    /**
     * The window's source: in team mode ({@link AppConfig#teamMode()}) what the team collector stores, read from its
     * database, otherwise {@link #forConfig(AppConfig) the configuration's servers}. The collector and the CLI poll
     * with {@link #forConfig} whatever the file's source says.
     */
    public PollSource forWindow(AppConfig config) {
        return forWindow(config, System::getenv, ZoneId.systemDefault());
    }

    /**
     * As {@link #forWindow(AppConfig)}. The database password comes from {@value DatabaseUrl#PASSWORD_VARIABLE} in
     * {@code environment}, else from the credential store (saved in the settings dialog), else from the driver's
     * {@code ~/.pgpass}, as for the collector. Actions (close a file, end a session) still go straight to the
     * configured servers with this console's own rights, through a poller that never polls sessions.
     */
    public PollSource forWindow(AppConfig config, Function<String, String> environment, ZoneId zone) {
        if (!config.teamMode()) {
            return forConfig(config);
        }
        DatabaseUrl url;
        try {
            url = DatabaseUrl.parse(config.teamSource());
        } catch (IllegalArgumentException e) {
            return unusable("The team database in the configuration cannot be used: " + e.getMessage()
                    + " Correct it in Settings, Polling, Source.");
        }
        Function<String, String> withStore = name -> {
            String value = environment.apply(name);
            if (!DatabaseUrl.PASSWORD_VARIABLE.equals(name) || (value != null && !value.isEmpty())) {
                return value;
            }
            return credentials.password(url.credentialKey()).map(String::new).orElse(null);
        };
        PollSource direct = PollSource.of(new Poller(fileServers(config.serverDeadline()), PollerOptions.from(config),
                runtime), config.enabledServers());
        return new TeamPollSource(new TeamDatabase(url, withStore), direct.actions(), direct, runtime.clock(), zone,
                config.pollInterval());
    }

    /** A source whose every poll fails with {@code message} (shown in the window's status bar). */
    private static PollSource unusable(String message) {
        return new PollSource() {
            @Override
            public PollCycle poll(Consumer<ServerPollResult> onResult) {
                throw new IllegalStateException(message);
            }

            @Override
            public void close() {
                // nothing was opened
            }
        };
    }

    /** Demo servers to the demo fleet, the others to the real backends. */
    FileServerFactory fileServers(Duration deadline) {
        FileServerFactory real = realBackends.create(credentials, deadline);
        return server -> server.backend() == Backend.DEMO ? fleet().server(server.name()) : real.create(server);
    }

    private synchronized DemoFleet fleet() {
        if (fleet == null) {
            fleet = Objects.requireNonNull(newFleet.get(), "the demo fleet supplier returned null");
        }
        return fleet;
    }
}
