package org.sessionwatch.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.sessionwatch.concurrent.NamedThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the write-ahead log into the database file on a thread and connection of its own. SQLite would otherwise
 * do it inside whichever commit crosses the log's size limit, with a disk flush, and that write would wait for it;
 * a checkpoint on another connection runs while the writer goes on appending to the log.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);
    static final Duration EVERY = Duration.ofSeconds(5);

    private final Connection connection;
    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("sessionwatch-history-checkpoint"));

    /** Turns automatic checkpoints off on {@code writer} and starts checkpointing {@code database} regularly. */
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
        thread.scheduleWithFixedDelay(this::checkpoint, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkpoint() {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            LOG.debug("A history checkpoint failed; the next one catches up", e);
        }
    }

    /** Stops and runs one last checkpoint, so that the file is whole without its log. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkpoint();
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing the checkpoint connection failed", e);
        }
    }
}
