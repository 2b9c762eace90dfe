package org.sessionwatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.sessionwatch.app.PollSources;
import org.sessionwatch.credentials.InMemoryCredentialStore;
import org.sessionwatch.export.Csv;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.PollSource;
import org.sessionwatch.polling.PollerOptions;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ConfigLoad;
import org.sessionwatch.config.ConfigStore;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.config.ServerListImport;
import org.sessionwatch.alerts.Alert;
import org.sessionwatch.alerts.AlertEngine;
import org.sessionwatch.netapi.Capability;
import org.sessionwatch.polling.ServerActions;
import org.sessionwatch.tracking.OpenFilesTracker;
import org.sessionwatch.tracking.OpenFilesWatch;
import org.sessionwatch.tracking.SessionEvent;
import org.sessionwatch.tracking.SessionTracker;

/** One execution of {@code --once} or {@code --watch}, after picocli has accepted the command line. */
final class CliRun {
    static final String PASSWORD_VARIABLE = "SESSIONWATCH_PASSWORD";

    private final CliContext context;
    private final AtomicBoolean stopRequested;

    CliRun(CliContext context, AtomicBoolean stopRequested) {
        this.context = context;
        this.stopRequested = stopRequested;
    }

    int run(CliOptions options) {
        Optional<char[]> password = Optional.empty();
        // The run's one password, in memory for this run only: the CLI never reads the OS credential store, so a
        // script cannot pick up a password someone saved in the window.
        InMemoryCredentialStore runPasswords = new InMemoryCredentialStore();
        try {
            if (options.history()) {
                return new HistoryQuery(context).run(options);
            }
            HistoryRecording.refuseQueryOptions(options);
            FilesRun.check(options);
            ActionRun.check(options);
            TeamRuns.check(options);
            if (options.intervalSeconds != null && !options.watch() && !options.collect()) {
                throw new UsageException("--interval is the time between the polls of --watch or --collect; --once"
                        + " polls once");
            }
            if (options.source != null) {
                // Reads what a collector stored: no servers, no server passwords, no poller.
                return new SourceRun(context, stopRequested).run(options);
            }
            PollSources sources = context.sources().apply(runPasswords);
            RunSettings settings = settle(options, sources);
            password = password(settings);
            password.ifPresent(secret -> settings.servers().forEach(server ->
                    server.credentialKey().ifPresent(key -> runPasswords.store(key, secret))));
            PollerOptions pollerOptions = PollerOptions.from(settings.config())
                    .withRequestedLevel(settings.level())
                    .withFilters(settings.clientFilter(), settings.userFilter());
            try (PollSource source = sources.forConfig(settings.config(), pollerOptions);
                 HistoryRecording history = HistoryRecording.start(context, options, settings.config(),
                         settings.demoData())) {
                if (options.collect()) {
                    return new CollectRun(context, stopRequested).run(source, settings, options);
                }
                if (options.files) {
                    return new FilesRun(context).run(source, options);
                }
                if (options.action()) {
                    return new ActionRun(context).run(source, settings, options);
                }
                return options.watch() ? watch(source, settings, options, history) : once(source, options.format);
            }
        } catch (UsageException e) {
            context.err().println("sessionwatch: " + e.getMessage());
            return ExitCodes.USAGE;
        } finally {
            password.ifPresent(p -> Arrays.fill(p, '\0'));
            runPasswords.clear();
        }
    }

    /** Lays the command line over the configuration file; the demo fleet's servers come from {@code sources}. */
    RunSettings settle(CliOptions o, PollSources sources) throws UsageException {
        if (o.demo && !o.servers.isEmpty() && !o.action()) {
            throw new UsageException("--demo polls the built-in demo fleet and cannot be combined with --server");
        }
        if (o.demo && o.backend != null && o.backend != Backend.DEMO) {
            throw new UsageException("--demo cannot be combined with --backend " + o.backend);
        }
        if (o.config != null && !Files.exists(o.config)) {
            throw new UsageException("--config: the file " + o.config + " does not exist");
        }
        Path configFile = o.config != null ? o.config : context.defaultConfigFile().get();
        ConfigLoad load = new ConfigStore(configFile).load();
        boolean serversGiven = o.demo || !o.servers.isEmpty() || o.backend == Backend.DEMO;
        if (load instanceof ConfigLoad.Invalid invalid) {
            if (!serversGiven) {
                throw new UsageException("cannot use the configuration file " + invalid.path() + ": "
                        + invalid.reason() + ". Fix the file (it was left unchanged), or name the servers with"
                        + " --server or --demo.");
            }
            context.err().println("sessionwatch: warning: " + load.problem().orElseThrow());
        }
        AppConfig base = load.config();

        List<ServerConfig> servers;
        boolean demoAnnounced = false; // the demo fleet's own notice was printed
        if (o.action()) {
            // The one server acted on: a configured one keeps its account, a demo one is labelled as such.
            servers = List.of(actionTarget(o, base, sources));
            demoAnnounced = servers.get(0).backend() == Backend.DEMO;
            if (demoAnnounced) {
                context.err().println("Demo data: acting on the built-in demo fleet; nothing real is touched.");
            }
        } else if (o.demo || (o.backend == Backend.DEMO && o.servers.isEmpty())) {
            servers = sources.demoServers();
            demoAnnounced = true;
            context.err().println("Demo data: polling the built-in demo fleet; its sessions are made up.");
        } else if (!o.servers.isEmpty()) {
            servers = commandLineServers(o);
        } else if (!base.servers().isEmpty() && base.enabledServers().isEmpty()) {
            throw new UsageException("every server in " + configFile + " is disabled (" + base.servers().size()
                    + "): enable one there or in the window's settings, or name servers with --server or --demo");
        } else if (base.enabledServers().isEmpty()) {
            if (o.collect()) {
                throw new UsageException(CollectRun.NO_SERVERS);
            }
            servers = sources.demoServers();
            demoAnnounced = true;
            context.err().println("Demo data: no servers are configured in " + configFile + " and none were given"
                    + " with --server, so the built-in demo fleet is shown; its sessions are made up.");
        } else {
            servers = base.enabledServers().stream().map(s -> override(s, o, true)).toList();
        }
        List<String> demoBackend = servers.stream().filter(s -> s.backend() == Backend.DEMO)
                .map(ServerConfig::name).toList();
        if (!demoAnnounced && !demoBackend.isEmpty()) {
            context.err().println("Demo data: " + String.join(", ", demoBackend) + (demoBackend.size() == 1
                    ? " uses" : " use") + " the demo backend, whose sessions are made up.");
        }
        Duration interval = o.intervalSeconds != null ? Duration.ofSeconds(o.intervalSeconds) : base.pollInterval();
        Duration deadline = o.deadlineSeconds != null ? Duration.ofSeconds(o.deadlineSeconds) : base.serverDeadline();
        AppConfig effective = base.toBuilder().servers(servers).pollInterval(interval).serverDeadline(deadline)
                .build();
        return new RunSettings(effective, o.level != null ? o.level : InfoLevel.LEVEL_502, o.client, o.user);
    }

    /**
     * The server of {@code --close-file}/{@code --end-session}: with {@code --demo} (or no server configured at all)
     * a server of the demo fleet; else the configured server of that name, keeping its account and backend; else
     * the server as the command line describes it, as {@code --once --server} would poll it.
     */
    private ServerConfig actionTarget(CliOptions o, AppConfig base, PollSources sources) throws UsageException {
        String name = ServerListImport.parseEntry(o.servers.get(0), Backend.AUTO).name();
        boolean demo = o.demo || o.backend == Backend.DEMO;
        if (demo || base.servers().isEmpty()) {
            List<ServerConfig> fleet = sources.demoServers();
            Optional<ServerConfig> match = fleet.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
            if (match.isPresent() || demo) {
                return match.orElseThrow(() -> new UsageException("--server " + name + " is not a server of the demo"
                        + " fleet (" + String.join(", ", fleet.stream().map(ServerConfig::name).toList()) + ")"));
            }
        }
        Optional<ServerConfig> configured = base.enabledServers().stream()
                .filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
        if (configured.isPresent()) {
            return override(configured.get(), o, !hasExplicitPort(o.servers.get(0)));
        }
        return commandLineServers(o).get(0);
    }

    private List<ServerConfig> commandLineServers(CliOptions o) throws UsageException {
        List<ServerConfig> servers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String entry : o.servers) {
            ServerConfig server = ServerListImport.parseEntry(entry, o.backend != null ? o.backend : Backend.AUTO);
            if (!seen.add(server.name().toLowerCase(Locale.ROOT))) {
                throw new UsageException("--server " + entry + " is given twice");
            }
            servers.add(override(server, o, !hasExplicitPort(entry)));
        }
        return servers;
    }

    /** Applies --backend, --port and --username to one server. */
    private static ServerConfig override(ServerConfig s, CliOptions o, boolean portFromOption) {
        Backend backend = o.backend != null ? o.backend : s.backend();
        int port = portFromOption && o.port != null ? o.port : s.port();
        String user = o.account != null ? o.account.user() : s.username();
        String domain = o.account != null ? o.account.domain() : s.domain();
        return s.toBuilder().backend(backend).port(port).username(user).domain(domain).build();
    }

    private static boolean hasExplicitPort(String entry) {
        String e = entry.strip();
        return e.startsWith("[") ? e.contains("]:") : e.indexOf(':') >= 0 && e.indexOf(':') == e.lastIndexOf(':');
    }

    /** The password for servers with an explicit account: the environment, else the terminal, never argv. */
    private Optional<char[]> password(RunSettings settings) throws UsageException {
        Optional<ServerConfig> needing = settings.servers().stream()
                // both real backends log on with a configured account (netapi32 as runas /netonly does)
                .filter(s -> s.backend() != Backend.DEMO && s.hasExplicitCredentials())
                .findFirst();
        if (needing.isEmpty()) {
            return Optional.empty();
        }
        String fromEnvironment = context.environment().apply(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return Optional.of(fromEnvironment.toCharArray());
        }
        ServerConfig server = needing.get();
        String account = (server.domain() == null ? "" : server.domain() + "\\") + server.username();
        Optional<char[]> typed = context.passwordPrompt().read("Password for " + account + ": ");
        if (typed.isEmpty()) {
            throw new UsageException("a password is needed for " + account + ": set " + PASSWORD_VARIABLE
                    + " or run in a terminal to be asked for it");
        }
        return typed;
    }

    private int once(PollSource source, OutputFormat format) {
        return printCycle(context, source.poll(), format);
    }

    /** Prints one cycle in {@code format}, each failed server's error on stderr, and returns the exit code. */
    static int printCycle(CliContext context, PollCycle cycle, OutputFormat format) {
        context.out().print(switch (format) {
            case TABLE -> TableOutput.cycle(cycle);
            case JSON -> JsonOutput.cycle(cycle) + System.lineSeparator();
            case CSV -> CsvOutput.cycle(cycle);
        });
        context.out().flush();
        for (ServerPollResult result : cycle.results()) {
            if (result instanceof ServerPollResult.Failed failed) {
                context.err().println("sessionwatch: " + failed.server() + ": " + failed.error().describe());
            }
        }
        return ExitCodes.of(cycle);
    }

    private int watch(PollSource source, RunSettings settings, CliOptions options, HistoryRecording history) {
        Duration interval = settings.config().pollInterval();
        context.err().println("Watching " + settings.servers().size() + " server(s) every " + interval.toSeconds()
                + " s; press Ctrl+C to stop.");
        if (options.format == OutputFormat.CSV) {
            context.out().print(Csv.row(WatchOutput.CSV_HEADER));
        }
        SessionTracker tracker = new SessionTracker();
        history.subscribeTo(tracker);
        AlertEngine alerts = new AlertEngine(settings.config().alerts(), settings.demoData());
        List<Alert> fired = new ArrayList<>();
        alerts.subscribe(fired::addAll);
        history.keepAlertsOf(alerts);
        tracker.subscribe(alerts);
        OpenFilesWatch files = watchFiles(source, alerts);
        if (files == null) {
            for (var rule : alerts.inactiveRules()) {
                context.err().println("sessionwatch: alert rule '" + rule.name() + "' is not evaluated: "
                        + AlertEngine.inactiveReason() + ".");
            }
        }
        PollCycle last = null;
        for (int cycle = 1; !stopRequested.get(); cycle++) {
            Instant started = context.clock().instant();
            PollCycle polled = source.poll();
            if (stopRequested.get()) {
                // A cycle cut short by Ctrl+C says nothing about the servers: print no "failing" lines for it.
                break;
            }
            last = polled;
            for (SessionEvent event : tracker.completeCycle(last).events()) {
                if (!WatchOutput.printed(event)) {
                    continue;
                }
                context.out().print(WatchOutput.line(event, options.format));
            }
            if (files != null) {
                // Bounded by the servers' deadline; FILE_OPENED alerts join the cycle's other alerts.
                files.listAll().join();
            }
            for (Alert alert : fired) {
                context.out().print(WatchOutput.line(alert, options.format));
            }
            fired.clear();
            context.out().flush();
            if (context.out().checkError()) {
                // stdout is gone (e.g. "| head" has exited): nobody reads the events any more.
                break;
            }
            if (options.cycles != null && cycle >= options.cycles) {
                break;
            }
            Duration wait = interval.minus(Duration.between(started, context.clock().instant()));
            try {
                if (!wait.isNegative() && !stopRequested.get()) {
                    context.sleeper().sleep(wait);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return last == null ? ExitCodes.OK : ExitCodes.of(last);
    }

    /**
     * The open-files watch that {@code FILE_OPENED} rules need, or null when no rule needs one or no server of the
     * source can list open files. Its answers reach the alert engine one at a time (the engine is not thread-safe),
     * while the main thread waits for the round.
     */
    private OpenFilesWatch watchFiles(PollSource source, AlertEngine alerts) {
        ServerActions actions = source.actions();
        boolean anyCanList = actions.servers().stream()
                .anyMatch(server -> actions.capabilities(server).supports(Capability.LIST_OPEN_FILES));
        if (alerts.inactiveRules().isEmpty() || !anyCanList) {
            return null;
        }
        OpenFilesTracker fileTracker = new OpenFilesTracker();
        fileTracker.subscribe(alerts::evaluate);
        Object oneAtATime = new Object();
        return new OpenFilesWatch(() -> actions, fileTracker, task -> {
            synchronized (oneAtATime) {
                task.run();
            }
        }, context.clock());
    }
}
