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
    private final String collector;
    private final Clock clock;
    private final Heartbeat heartbeat;
    private long databaseNanos;

    CycleWriter(SharedConnectionHistory history, LiveStateWrites live, AlertEngine alerts,
                TeamAlerts.Writes alertWrites, String collector, Clock clock, Heartbeat heartbeat) {
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

    /** Commits a group of answers of cycle {@code cycle} and what the tracker made of them. */
    void servers(TrackerUpdate update, long cycle, Instant polledAt, List<ServerPollResult> results)
            throws SQLException {
        // The rules are evaluated before the clock starts: that is the tracker's work, not the database's.
        List<Alert> fired = alerts.evaluate(update);
        long started = System.nanoTime();
        try {
            Map<String, Instant> answeredAt = new HashMap<>();
            for (ServerPollResult result : results) {
                live.server(cycle, polledAt, result, collector);
                answeredAt.put(result.server(), result.finishedAt());
            }
            live.sessions(update, answeredAt);
            live.flush();
            history.add(update);
            long at = clock.millis();
            List<Notice> notices = new ArrayList<>(results.stream()
                    .map(r -> Notice.server(r.server(), cycle, at)).toList());
            storeAlerts(fired, cycle, at, notices);
            live.announce(notices);
            history.commit();
        } catch (SQLException | RuntimeException e) {
            failed();
            throw e;
        } finally {
            databaseNanos += System.nanoTime() - started;
        }
    }

    /** Commits the end of a cycle: removed servers, the heartbeat, and the notice that makes readers resync. */
    void cycleEnd(TrackerUpdate update, long cycle, PollCycle done) throws SQLException {
        List<Alert> fired = alerts.evaluate(update);
        long started = System.nanoTime();
        try {
            live.sessions(update, Map.of());
            live.flush();
            history.add(update);
            int removed = live.removeAllBut(done.results().stream().map(ServerPollResult::server).toList());
            if (removed > 0) {
                LOG.info("{} server(s) left the configuration; their live state was removed", removed);
            }
            heartbeat.write(cycle);
            long at = clock.millis();
            List<Notice> notices = new ArrayList<>();
            storeAlerts(fired, cycle, at, notices);
            notices.add(Notice.cycleComplete(cycle, at));
            live.announce(notices);
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
        history.rollback();
    }

    Connection connection() {
        return live.connection();
    }
}
