package org.sessionwatch.team;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.sessionwatch.alerts.AlertEngine;
import org.sessionwatch.concurrent.NamedThreads;
import org.sessionwatch.config.AlertRule;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;
import org.sessionwatch.history.SharedConnectionHistory;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.PollSource;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.tracking.SessionTracker;
import org.sessionwatch.tracking.TrackerUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team collector: polls its servers once per cycle through the poller, runs the session tracker, and commits each
 * server's live state and history as soon as it answers (with those that answered meanwhile, in one transaction),
 * with a {@code NOTIFY} per server delivered at the commit, plus a heartbeat per cycle.
 *
 * <p>It polls through the same {@link PollSource} as the window and the CLI.
 *
 * <p>High availability: every collector holds one connection; the one that gets the session-level advisory lock
 * {@link #LOCK_KEY} polls, the others stand by and try again every half interval. When the active one dies its
 * connection drops, PostgreSQL releases the lock, and a standby takes over within about half an interval (well inside
 * the two intervals promised). Before each cycle the active one checks that its connection still holds the lock, so
 * two collectors never poll at the same time. A lost database connection (restart, network) sends a collector back to
 * connecting, with back-off; it competes for the lock again like a new one.
 */
public final class Collector {
    /** The advisory lock of the active collector; an arbitrary constant ("SWCOLLEC" in ASCII). */
    static final long LOCK_KEY = 0x5357_434F_4C4C_4543L;
    private static final Logger LOG = LoggerFactory.getLogger(Collector.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** The most server results committed in one transaction. */
    private static final int MAX_GROUP = 64;
    /**
     * How long the first answer of a group waits for others before the group is committed: it delays a commit by at
     * most this, and spares the database and every console a transaction and a read per server.
     */
    private static final Duration GATHER = Duration.ofMillis(100);

    /** Waits; replaced in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * @param name     this collector in the heartbeat table (unique per running collector)
     * @param host     the machine it runs on
     * @param interval   time between the starts of two cycles
     * @param alertRules the configuration's alert rules, evaluated on the collector's tracker; fired alerts are stored
     *                   for every console ({@link TeamAlerts})
     * @param demo       whether the servers are the demo fleet (alerts say so)
     */
    public record Settings(String name, String host, Duration interval, List<AlertRule> alertRules,
                           boolean demo) {
        public Settings {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(interval, "interval");
            alertRules = List.copyOf(alertRules);
        }

        /** Without alert rules. */
        public Settings(String name, String host, Duration interval) {
            this(name, host, interval, List.of(), false);
        }
    }

    /** The database did not accept this collector at all (bad login, no rights): retrying cannot help. */
    public static final class Unusable extends Exception {
        Unusable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final TeamDatabase database;
    private final PollSource source;
    private final Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final BooleanSupplier stopRequested;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile boolean active;
    private volatile long cyclesCompleted;
    private final java.util.concurrent.atomic.AtomicLong databaseNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong sessionRows = new java.util.concurrent.atomic.AtomicLong();

    /** @param stopRequested checked between steps: true ends {@link #run()} (as {@link #stop()} does) */
    public Collector(TeamDatabase database, PollSource source, Settings settings, Clock clock, Sleeper sleeper,
                     BooleanSupplier stopRequested) {
        this.stopRequested = Objects.requireNonNull(stopRequested, "stopRequested");
        this.database = Objects.requireNonNull(database, "database");
        this.source = Objects.requireNonNull(source, "source");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Asks {@link #run()} to return after the current step; the caller interrupts a sleeping run thread. */
    public void stop() {
        stopped.set(true);
    }

    private boolean stopping() {
        return stopped.get() || stopRequested.getAsBoolean();
    }

    /** Whether this collector holds the lock and polls. */
    public boolean isActive() {
        return active;
    }

    public long cyclesCompleted() {
        return cyclesCompleted;
    }

    /** Session rows of the live state inserted, updated or deleted so far (the benchmark's rows per cycle). */
    public long sessionRowsWritten() {
        return sessionRows.get();
    }

    /** Time spent writing and committing live state, history and notices so far (the benchmark's share of a cycle). */
    public Duration databaseTime() {
        return Duration.ofNanos(databaseNanos.get());
    }

    /**
     * Runs until {@link #stop()} or interruption: migrates the schema once, then stands by or polls, reconnecting
     * with back-off after a lost connection.
     *
     * @throws Unusable when the database refuses the login or the schema cannot be prepared on the first try
     */
    public void run() throws Unusable {
        boolean prepared = false;
        Duration backoff = Duration.ofSeconds(1);
        String lastProblem = null;
        while (!stopping() && !Thread.currentThread().isInterrupted()) {
            try (Connection connection = database.connect("collector " + settings.name())) {
                if (!prepared) {
                    database.migrate();
                    prepared = true;
                    LOG.info("Team database {} is ready; collector {} on {} polls every {} s when active",
                            database.url(), settings.name(), settings.host(), settings.interval().toSeconds());
                } else if (lastProblem != null) {
                    LOG.info("Team database {} is reachable again", database.url());
                }
                lastProblem = null;
                backoff = Duration.ofSeconds(1);
                standByOrPoll(connection);
                if (stopping()) {
                    signOff(connection);
                }
            } catch (SQLException e) {
                active = false;
                String problem = database.describe(e);
                if (!prepared && isLoginOrRights(e)) {
                    throw new Unusable(problem, e);
                }
                if (!problem.equals(lastProblem)) {
                    LOG.warn("{} Retrying every {} s at most.", problem, MAX_BACKOFF.toSeconds());
                    lastProblem = problem;
                }
                if (!pause(backoff)) {
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } catch (TeamException e) {
                throw new Unusable(e.getMessage(), e);
            }
        }
        active = false;
    }

    /** Leaves the heartbeat table saying this collector stopped on purpose (best effort: it is going away). */
    private void signOff(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            heartbeat(connection, "STOPPED", null);
            LOG.info("Collector {} stopped", settings.name());
        } catch (SQLException e) {
            LOG.debug("Could not record that collector {} stopped", settings.name(), e);
        }
    }

    private static boolean isLoginOrRights(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("28") || state.equals("42501") || state.equals("3D000");
    }

    /** On one connection: standby until the lock is ours, then poll until the connection or the lock is lost. */
    private void standByOrPoll(Connection connection) throws SQLException {
        Duration check = settings.interval().dividedBy(2);
        boolean announced = false;
        while (!stopping()) {
            if (tryLock(connection)) {
                LOG.info("Collector {} is now the active collector and polls", settings.name());
                active = true;
                try {
                    poll(connection);
                } finally {
                    active = false;
                }
                return;
            }
            heartbeat(connection, "STANDBY", null);
            if (!announced) {
                LOG.info("Another collector is active; {} stands by and checks every {} ms", settings.name(),
                        check.toMillis());
                announced = true;
            }
            if (!pause(check)) {
                return;
            }
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet rows = lock.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    /** Whether this connection still holds the lock (false after the server restarted under a pooled proxy). */
    private static boolean holdsLock(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory'"
                     + " AND pid = pg_backend_pid() AND granted)")) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    private void poll(Connection connection) throws SQLException {
        heartbeat(connection, "ACTIVE", null);
        long cycle = lastCycle(connection);
        SessionTracker tracker = new SessionTracker();
        AlertEngine alerts = new AlertEngine(settings.alertRules(), settings.demo());
        ExecutorService pollThread = NamedThreads.singleThread("sessionwatch-collector-poll");
        try (SharedConnectionHistory history = SharedConnectionHistory.open(connection, settings.interval()
                .multipliedBy(3));
             LiveStateWrites live = new LiveStateWrites(connection);
             TeamAlerts.Writes alertWrites = new TeamAlerts.Writes(connection);
             TeamOpenFiles.Writes files = new TeamOpenFiles.Writes(connection)) {
            CycleWriter writer = new CycleWriter(history, live, alerts, alertWrites, files, settings.name(), clock,
                    c -> heartbeatRow(connection, "ACTIVE", c));
            while (!stopping()) {
                if (!holdsLock(connection)) {
                    LOG.warn("Collector {} lost the active collector's lock; it stands by again", settings.name());
                    return;
                }
                cycle++;
                Instant started = clock.instant();
                long rowsBefore = writer.rowsWritten();
                boolean completed = pollOnce(pollThread, tracker, writer, cycle, started);
                long nanos = writer.takeDatabaseNanos();
                databaseNanos.addAndGet(nanos);
                sessionRows.addAndGet(writer.rowsWritten() - rowsBefore);
                LOG.debug("Cycle {}: {} session rows written, {} ms on the database", cycle,
                        writer.rowsWritten() - rowsBefore, nanos / 1_000_000);
                if (!completed) {
                    return;
                }
                cyclesCompleted++;
                if (stopping()) {
                    return;
                }
                Duration wait = settings.interval().minus(Duration.between(started, clock.instant()));
                if (!wait.isNegative() && !pause(wait)) {
                    return;
                }
            }
        } finally {
            pollThread.shutdownNow();
        }
    }

    /** One cycle: each result committed as it arrives, then the cycle's end. False when interrupted. */
    private boolean pollOnce(ExecutorService pollThread, SessionTracker tracker, CycleWriter writer, long cycle,
                             Instant polledAt) throws SQLException {
        BlockingQueue<ServerPollResult> arrived = new LinkedBlockingQueue<>();
        Future<PollCycle> polled = pollThread.submit(() -> source.poll(arrived::add));
        // Each answering server's open files, listed through the poll's connection right after its sessions.
        List<CompletableFuture<OpenFilesResult>> listings = new ArrayList<>();
        try {
            while (true) {
                ServerPollResult first = arrived.poll(50, TimeUnit.MILLISECONDS);
                if (first != null) {
                    // Results that arrive within a short window are committed together: one commit per group
                    // instead of one per server keeps the database time of a 500-server cycle small, every console
                    // reads a group with one query, and each server still gets its own notice at the commit.
                    List<ServerPollResult> group = CycleAnswers.gather(first, arrived, polled, MAX_GROUP, GATHER);
                    group.stream().filter(ServerPollResult.Ok.class::isInstance).forEach(ok -> listings.add(
                            source.actions().listOpenFiles(OpenFilesRequest.of(ok.server()))));
                    writer.servers(tracker.apply(polledAt, group), cycle, polledAt, group);
                } else if (polled.isDone() && arrived.isEmpty()) {
                    break;
                }
            }
            PollCycle done = polled.get();
            writer.cycleEnd(tracker.completeCycle(done), cycle, done, CycleAnswers.listed(listings,
                    settings.interval()));
            return true;
        } catch (InterruptedException e) {
            polled.cancel(true);
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("The poller failed", e.getCause());
        }
    }

    private static long lastCycle(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT COALESCE(MAX(cycle), 0) FROM team_server")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The heartbeat in its own (auto-commit) statement, for standbys and the start of an active term. */
    private void heartbeat(Connection connection, String role, Long cycle) throws SQLException {
        heartbeatRow(connection, role, cycle);
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private void heartbeatRow(Connection connection, String role, Long cycle) throws SQLException {
        try (PreparedStatement beat = connection.prepareStatement("INSERT INTO team_collector (name, host, role,"
                + " interval_s, heartbeat_ms, last_cycle, last_cycle_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET host = excluded.host, role = excluded.role,"
                + " interval_s = excluded.interval_s, heartbeat_ms = excluded.heartbeat_ms,"
                + " last_cycle = COALESCE(excluded.last_cycle, team_collector.last_cycle),"
                + " last_cycle_ms = COALESCE(excluded.last_cycle_ms, team_collector.last_cycle_ms)")) {
            long now = clock.millis();
            beat.setString(1, settings.name());
            beat.setString(2, settings.host());
            beat.setString(3, role);
            beat.setInt(4, (int) Math.max(1, settings.interval().toSeconds()));
            beat.setLong(5, now);
            if (cycle == null) {
                beat.setNull(6, java.sql.Types.BIGINT);
                beat.setNull(7, java.sql.Types.BIGINT);
            } else {
                beat.setLong(6, cycle);
                beat.setLong(7, now);
            }
            beat.executeUpdate();
        }
    }

    /** Sleeps; false when interrupted or stopped (the caller returns). */
    private boolean pause(Duration duration) {
        try {
            sleeper.sleep(duration);
            return !stopping();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
