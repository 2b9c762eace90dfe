package org.sessionwatch.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the write-ahead log into the database file, called by the writer thread between its writes, on a connection
 * of its own (the writer's sits in its JDBC transaction).
 *
 * <p>Why here and not on a thread of its own: a checkpoint that ran beside the writer made the writer's commits wait
 * for it (measured: every write over 50 ms under retention committed while one ran, its commit alone taking 44–57 ms).
 * Between writes, a commit never meets a checkpoint, and the log is copied completely each time, so the next commit
 * starts it again from the beginning instead of growing it (beside a writer that never paused, it grew to 2 GB).
 * Done after every commit while the queue is empty, each checkpoint copies only the pages of the last write or
 * retention batch: a few milliseconds, as the database runs with {@code synchronous=OFF} ({@link HistoryDatabase}).
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);
    /** Commits after which a checkpoint runs even though writes are still queued, so the log stays bounded. */
    static final int MAX_COMMITS_BETWEEN = 32;

    private final Connection connection;
    private int commits;
    private long checkpoints;
    private long lastStarted;
    private long lastEnded;
    private int lastFrames;

    /** Turns automatic checkpoints off on {@code writer} (they would run inside its commits) and connects. */
    static WalCheckpointer start(HistoryDatabase database, Connection writer) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint = 0");
        }
        if (!writer.getAutoCommit()) {
            writer.commit();
        }
        return new WalCheckpointer(database.connect());
    }

    private WalCheckpointer(Connection connection) {
        this.connection = connection;
    }

    /**
     * The writer has committed; checkpoints now when nothing is queued ({@code idle}), or when writes have been
     * queued back to back for {@link #MAX_COMMITS_BETWEEN} commits.
     */
    void committed(boolean idle) {
        commits++;
        if (idle || commits >= MAX_COMMITS_BETWEEN) {
            checkpoint();
        }
    }

    /** How many checkpoints ran (tests). */
    long checkpoints() {
        return checkpoints;
    }

    private void checkpoint() {
        lastStarted = System.nanoTime();
        commits = 0;
        checkpoints++;
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            lastFrames = result.next() ? result.getInt(3) : 0;
        } catch (SQLException e) {
            LOG.debug("A history checkpoint failed; the next one catches up", e);
        } finally {
            lastEnded = System.nanoTime();
        }
    }

    /** The last checkpoint, as seen from a write queued at {@code queuedNanos} (a slow write's notes). */
    String describe(long queuedNanos) {
        if (checkpoints == 0) {
            return "no checkpoint yet";
        }
        String last = String.format(Locale.ROOT, "%.1f ms for %d log frames", (lastEnded - lastStarted) / 1e6,
                lastFrames);
        return lastEnded - queuedNanos > 0
                ? "waited for a checkpoint (" + last + ")"
                : String.format(Locale.ROOT, "the last checkpoint ended %.1f ms before it was queued (%s)",
                (queuedNanos - lastEnded) / 1e6, last);
    }

    /**
     * Copies what is left and closes, with a disk flush this once: a file closed by SessionWatch is complete on disk
     * without its log.
     */
    @Override
    public void close() {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA synchronous = NORMAL");
        } catch (SQLException e) {
            LOG.debug("The closing checkpoint flushes nothing to disk", e);
        }
        checkpoint();
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing the checkpoint connection failed", e);
        }
    }
}
