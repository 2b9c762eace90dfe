package org.sessionwatch.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints run by the writer between its commits, on a real SQLite file: after each commit while idle, at most
 * {@link WalCheckpointer#MAX_COMMITS_BETWEEN} commits apart while busy, and the log then restarts instead of growing.
 */
class WalCheckpointerTest {
    @TempDir
    Path folder;

    private HistoryDatabase database() {
        return HistoryDatabase.open(folder.resolve("history.db"), HistoryDatabase.Mode.RECORD, Instant.now());
    }

    /** One transaction of 50 coverage rows, as a poll's write would be. */
    private static void commitRows(Connection writer, PreparedStatement insert, int transaction) throws Exception {
        for (int i = 0; i < 50; i++) {
            long id = transaction * 50L + i + 1;
            insert.setLong(1, id);
            insert.setString(2, "fs" + (id % 500));
            insert.setLong(3, id * 1000);
            insert.addBatch();
        }
        insert.executeBatch();
        writer.commit();
    }

    private static PreparedStatement insert(Connection writer) throws Exception {
        return writer.prepareStatement("INSERT INTO poll_coverage (id, server, server_key, from_ms, to_ms,"
                + " answered, polls) VALUES (?, 'FS', ?, ?, 0, TRUE, 1)");
    }

    private long walBytes() throws Exception {
        Path wal = folder.resolve("history.db-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }

    /** The size of the log after 200 commits, each followed by the checkpointer's turn when {@code idle}. */
    private long walAfter200Commits(Path in, boolean idle) throws Exception {
        HistoryDatabase database = HistoryDatabase.open(in.resolve("history.db"), HistoryDatabase.Mode.RECORD,
                Instant.now());
        try (Connection writer = database.connect()) {
            writer.setAutoCommit(false);
            try (WalCheckpointer checkpointer = WalCheckpointer.start(database, writer);
                 PreparedStatement insert = insert(writer)) {
                for (int t = 0; t < 200; t++) {
                    commitRows(writer, insert, t);
                    if (idle) {
                        checkpointer.committed(true);
                    }
                }
                assertThat(checkpointer.checkpoints()).isEqualTo(idle ? 200 : 0);
                try (Statement statement = writer.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM poll_coverage")) {
                    rows.next();
                    assertThat(rows.getLong(1)).isEqualTo(200 * 50);
                }
                writer.commit();
                Path wal = in.resolve("history.db-wal");
                return Files.size(wal);
            }
        }
    }

    @Test
    void anIdleWriterCheckpointsAfterEachCommitAndTheLogStartsAgainInsteadOfGrowing(@TempDir Path other)
            throws Exception {
        long withCheckpoints = walAfter200Commits(folder, true);
        long without = walAfter200Commits(other, false);
        // Reused from its start, the log is as long as the largest commits, not as all of them.
        assertThat(withCheckpoints).isLessThan(without / 5);
    }

    @Test
    void aBusyWriterCheckpointsEveryMaxCommits() throws Exception {
        HistoryDatabase database = database();
        try (Connection writer = database.connect()) {
            writer.setAutoCommit(false);
            try (WalCheckpointer checkpointer = WalCheckpointer.start(database, writer);
                 PreparedStatement insert = insert(writer)) {
                int t = 0;
                for (; t < WalCheckpointer.MAX_COMMITS_BETWEEN - 1; t++) {
                    commitRows(writer, insert, t);
                    checkpointer.committed(false);
                }
                assertThat(checkpointer.checkpoints()).as("writes still queued: no checkpoint yet").isZero();
                commitRows(writer, insert, t++);
                checkpointer.committed(false);
                assertThat(checkpointer.checkpoints()).isEqualTo(1);
                long copied = walBytes();
                // The log restarts: the next commit reuses it from its start rather than appending.
                commitRows(writer, insert, t);
                checkpointer.committed(false);
                assertThat(walBytes()).isEqualTo(copied);
                assertThat(checkpointer.checkpoints()).isEqualTo(1);
            }
        }
    }

    @Test
    void theDatabaseRunsWithoutDiskFlushes() throws Exception {
        try (Connection connection = database().connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA synchronous")) {
            rows.next();
            assertThat(rows.getInt(1)).as("synchronous=OFF (HistoryCrashTest kills a writer)").isZero();
        }
    }
}
