package org.sessionwatch.team;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sessionwatch.alerts.Alert;
import org.sessionwatch.alerts.AlertEngine;
import org.sessionwatch.history.SharedConnectionHistory;
import org.sessionwatch.netapi.OpenFilesResult;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.tracking.TrackerUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactions of one active collector term: for each group of answers, the servers' outcomes, the session rows
 * the tracker's events changed, the history rows and the alerts they fired, with one notice per server (and one for
 * the alerts), in one commit; at the end of a cycle, the removal of servers that left the configuration, the
 * heartbeat and the cycle's notice. Counts the time it spends on the database.
 */
final class CycleWriter {
    private static final Logger LOG = LoggerFactory.getLogger(CycleWriter.class);

    /** Writes the active collector's heartbeat row for a finished cycle, inside the open transaction. */
    @FunctionalInterface
    interface Heartbeat {
        void write(long cycle) throws SQLException;
    }

    private final SharedConnectionHistory history;
    private final LiveStateWrites live;
    private final AlertEngine alerts;
    private final TeamAlerts.Writes alertWrites;
    private final TeamOpenFiles.Writes files;
    private final String collector;
    private final Clock clock;
    private final Heartbeat heartbeat;
    private long databaseNanos;

    CycleWriter(SharedConnectionHistory history, LiveStateWrites live, AlertEngine alerts,
                TeamAlerts.Writes alertWrites, TeamOpenFiles.Writes files, String collector, Clock clock,
                Heartbeat heartbeat) {
        this.files = files;
        this.history = history;
        this.live = live;
        this.alerts = alerts;
        this.alertWrites = alertWrites;
        this.collector = collector;
        this.clock = clock;
        this.heartbeat = heartbeat;
    }

    /** Session rows written so far in this term. */
    long rowsWritten() {
        return live.rowsWritten();
    }

    /** Database time since the last call, in nanoseconds. */
    long takeDatabaseNanos() {
        long taken = databaseNanos;
        databaseNanos = 0;
        return taken;
    }

    /** The statements of one transaction, before its alerts and notices. */
    @FunctionalInterface
    private interface Statements {
        void write() throws SQLException;
    }

    /** Commits a group of answers of cycle {@code cycle} and what the tracker made of them. */
    void servers(TrackerUpdate update, long cycle, Instant polledAt, List<ServerPollResult> results)
            throws SQLException {
        commit(update, cycle, () -> {
            Map<String, Instant> answeredAt = new HashMap<>();
            for (ServerPollResult result : results) {
                live.server(cycle, polledAt, result, collector);
                answeredAt.put(result.server(), result.finishedAt());
            }
            live.sessions(update, answeredAt);
        }, at -> results.stream().map(r -> Notice.server(r.server(), cycle, at)).toList());
    }

    /**
     * Commits the end of a cycle: the open files listed during it, removed servers, the heartbeat, and the notice that
     * makes readers resync.
     */
    void cycleEnd(TrackerUpdate update, long cycle, PollCycle done, List<OpenFilesResult> listings)
            throws SQLException {
        commit(update, cycle, () -> {
            live.sessions(update, Map.of());
            long listedAt = clock.millis();
            for (OpenFilesResult listing : listings) {
                files.listed(listing, listedAt);
            }
            files.flush();
            List<String> polled = done.results().stream().map(ServerPollResult::server).toList();
            files.retain(polled);
            int removed = live.removeAllBut(polled);
            if (removed > 0) {
                LOG.info("{} server(s) left the configuration; their live state was removed", removed);
            }
            heartbeat.write(cycle);
        }, at -> List.of(Notice.cycleComplete(cycle, at)));
    }

    /**
     * One transaction: {@code statements}, the history rows of {@code update}, the alerts it fired and the notices
     * (the alerts' last), then the commit; everything batched is forgotten when it fails.
     */
    private void commit(TrackerUpdate update, long cycle, Statements statements,
                        java.util.function.LongFunction<List<Notice>> notices) throws SQLException {
        // The rules are evaluated before the clock starts: that is the tracker's work, not the database's.
        List<Alert> fired = alerts.evaluate(update);
        long started = System.nanoTime();
        try {
            statements.write();
            live.flush();
            history.add(update);
            long at = clock.millis();
            List<Notice> announced = new ArrayList<>(notices.apply(at));
            storeAlerts(fired, cycle, at, announced);
            live.announce(announced);
            history.commit();
        } catch (SQLException | RuntimeException e) {
            failed();
            throw e;
        } finally {
            databaseNanos += System.nanoTime() - started;
        }
    }

    private void storeAlerts(List<Alert> fired, long cycle, long at, List<Notice> notices) throws SQLException {
        if (!fired.isEmpty()) {
            alertWrites.add(fired, collector, cycle);
            alertWrites.flush();
            notices.add(Notice.alertsStored(cycle, at));
        }
    }

    private void failed() {
        live.clear();
        alertWrites.clear();
        files.clear();
        history.rollback();
    }

    Connection connection() {
        return live.connection();
    }
}
