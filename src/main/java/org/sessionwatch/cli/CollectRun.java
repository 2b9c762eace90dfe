package org.sessionwatch.cli;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.sessionwatch.polling.PollSource;
import org.sessionwatch.team.TeamAudit;
import org.sessionwatch.team.Collector;
import org.sessionwatch.team.TeamDatabase;

/**
 * {@code --collect --db URL}: the headless team collector, run until stopped (a service manager's SIGTERM, Ctrl+C).
 * It polls the servers of the run's settings through the CLI's poll source and stores them via {@link Collector}; its log
 * goes to stdout, one line per message, for journald or a Windows service wrapper.
 */
final class CollectRun {
    /** A collector without servers: it never falls back to the demo fleet, which only {@code --demo} asks for. */
    static final String NO_SERVERS = "--collect has no servers to poll: configure them (config.json) or name them"
            + " with --server; --demo collects the built-in demo fleet to try team mode out";

    private final CliContext context;
    private final AtomicBoolean stopRequested;

    CollectRun(CliContext context, AtomicBoolean stopRequested) {
        this.context = context;
        this.stopRequested = stopRequested;
    }

    /**
     * Log lines on stdout without a timestamp of their own (journald and service wrappers add one), with the level
     * first so both can filter on it. Must run before the first logger is created.
     */
    static void configureServiceLogging() {
        setIfUnset("org.slf4j.simpleLogger.logFile", "System.out");
        setIfUnset("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setIfUnset("org.slf4j.simpleLogger.levelInBrackets", "false");
        setIfUnset("org.slf4j.simpleLogger.showThreadName", "false");
        setIfUnset("org.slf4j.simpleLogger.showShortLogName", "true");
        setIfUnset("org.slf4j.simpleLogger.log.com.hierynomus", "warn");
        setIfUnset("org.slf4j.simpleLogger.log.org.flywaydb", "warn");
    }

    private static void setIfUnset(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    int run(PollSource source, RunSettings settings, CliOptions options) throws UsageException {
        String host = TeamAudit.workstation();
        String name = host + "/" + ProcessHandle.current().pid();
        Duration interval = settings.config().pollInterval();
        Collector[] self = new Collector[1];
        // --cycles N (tests, scripts): stop after N cycles as the active collector.
        Collector collector = new Collector(new TeamDatabase(options.database, context.environment()), source,
                new Collector.Settings(name, host, interval, settings.config().alerts(), settings.demoData()),
                context.clock(),
                duration -> context.sleeper().sleep(duration), () -> stopRequested.get()
                || options.cycles != null && self[0].cyclesCompleted() >= options.cycles);
        self[0] = collector;
        try {
            collector.run();
            return ExitCodes.OK;
        } catch (Collector.Unusable e) {
            context.err().println("sessionwatch: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
