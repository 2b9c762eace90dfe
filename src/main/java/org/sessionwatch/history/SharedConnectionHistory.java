package org.sessionwatch.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.sessionwatch.tracking.TrackerUpdate;

/**
 * History written on a connection its caller owns, for the team collector: the rows of each update join the caller's
 * transaction (with the live state of the same server), so a reader never sees one without the other. The same
 * schema, statements and interval rules as {@link HistoryRecorder}; only the connection and the commit are not ours.
 *
 * <p>Opened when a collector becomes the active one: intervals the previous collector left open are closed at their
 * last sighting, and sessions still there continue them, so history shows exactly the gap of the handover.
 */
public final class SharedConnectionHistory implements AutoCloseable {
    private final HistoryWrites writes;
    private final HistoryIngest ingest;

    private SharedConnectionHistory(HistoryWrites writes, HistoryIngest ingest) {
        this.writes = writes;
        this.ingest = ingest;
    }

    /** Takes over the history on {@code connection} (switched to manual commit). */
    public static SharedConnectionHistory open(Connection connection, Duration maxGap) throws SQLException {
        HistoryWrites writes = new HistoryWrites(connection);
        try {
            writes.closeUnobserved();
            return new SharedConnectionHistory(writes, new HistoryIngest(writes.maxIds(), maxGap));
        } catch (SQLException | RuntimeException e) {
            writes.close();
            throw e;
        }
    }

    /** Adds the rows of one tracker update to the open transaction (sent at {@link #commit()}). */
    public void add(TrackerUpdate update) throws SQLException {
        ingest.apply(update, writes);
    }

    /** Sends the rows and commits the connection's transaction, including the caller's own statements. */
    public void commit() throws SQLException {
        writes.commit();
    }

    /** Undoes the open transaction and forgets what this history remembered of it. */
    public void rollback() {
        writes.rollback();
        ingest.forget();
    }

    @Override
    public void close() {
        writes.close();
    }
}
