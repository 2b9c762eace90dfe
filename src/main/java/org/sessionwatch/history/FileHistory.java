package org.sessionwatch.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.OpenFilesResult;
import org.sessionwatch.tracking.FileEvent;
import org.sessionwatch.tracking.FilesUpdate;

/**
 * Open files into history, as {@link HistoryIngest} does sessions: a row when the open-files tracker reports a file
 * opened, an update when its locks change, its end when it is closed; nothing for answers that change nothing. The
 * statements are batched in the writer's transaction ({@link #flush()} before its commit). Writer thread only.
 */
final class FileHistory implements AutoCloseable {
    /** The tracker's identity of a file: server, id and path. */
    private record Key(String serverKey, long fileId, String path) {
        static Key of(OpenFile file) {
            return new Key(JdbcHistoryRepository.key(file.server()), file.id(), file.path());
        }
    }

    /** What the writer remembers of an open file's row. */
    private static final class Open {
        final long rowId;
        final String serverKey;
        long maxLocks;

        Open(long rowId, String serverKey, long maxLocks) {
            this.rowId = rowId;
            this.serverKey = serverKey;
            this.maxLocks = maxLocks;
        }
    }

    private final Connection connection;
    private final PreparedStatement insert;
    private final PreparedStatement touch;
    private final PreparedStatement close;
    private final StatementBatches batches;
    private final Map<Key, Open> open = new HashMap<>();
    /** Each server's latest successful answer: the last sighting of a file the next answer no longer lists. */
    private final Map<String, Instant> lastAnswer = new HashMap<>();
    private long nextId;

    FileHistory(Connection connection) throws SQLException {
        this.connection = connection;
        insert = connection.prepareStatement("INSERT INTO file_interval (id, server, server_key, file_id, path,"
                + " path_key, user_name, user_key, first_seen_ms, last_seen_ms, max_locks)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        touch = connection.prepareStatement("UPDATE file_interval SET last_seen_ms = ?, user_name = ?, user_key = ?,"
                + " max_locks = ? WHERE id = ?");
        close = connection.prepareStatement(
                "UPDATE file_interval SET end_ms = ?, last_seen_ms = ?, end_reason = ? WHERE id = ?");
        batches = new StatementBatches(List.of(insert, touch, close));
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM file_interval")) {
            rows.next();
            nextId = rows.getLong(1) + 1;
        }
    }

    /**
     * Ends the rows a run left open (killed, or stopped): nobody knows when those files were closed, so they end at
     * their last sighting. Committed at once.
     */
    int closeUnobserved() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int closed = statement.executeUpdate("UPDATE file_interval SET end_ms = last_seen_ms,"
                    + " end_reason = 'UNOBSERVED' WHERE end_ms IS NULL");
            connection.commit();
            open.clear();
            return closed;
        }
    }

    /**
     * Recording stops: the files still open were last seen in their server's latest answer, and nobody knows what
     * happened after; they end there. Committed at once.
     */
    void closeOpen() throws SQLException {
        for (Open state : open.values()) {
            Instant answer = lastAnswer.get(state.serverKey);
            if (answer == null) {
                continue; // the next start ends it at its last sighting
            }
            long last = answer.toEpochMilli();
            close.setLong(1, last);
            close.setLong(2, last);
            close.setString(3, HistoryInterval.EndReason.UNOBSERVED.name());
            close.setLong(4, state.rowId);
            batches.add(close);
        }
        batches.flush();
        connection.commit();
        open.clear();
    }

    /** Adds one open-files answer's rows to the batch. */
    void apply(FilesUpdate update) throws SQLException {
        String serverKey = JdbcHistoryRepository.key(update.server());
        Instant previous = lastAnswer.getOrDefault(serverKey, update.at());
        if (update.result() instanceof OpenFilesResult.Success) {
            lastAnswer.put(serverKey, update.at());
        }
        for (FileEvent event : update.events()) {
            switch (event) {
                case FileEvent.Opened o -> opened(o.file(), o.at());
                case FileEvent.Changed c -> changed(c.after(), c.at());
                case FileEvent.Closed c -> closed(c, previous);
            }
        }
    }

    private void opened(OpenFile file, Instant at) throws SQLException {
        long id = nextId++;
        long locks = file.lockCount().orElse(-1);
        Key key = Key.of(file);
        open.put(key, new Open(id, key.serverKey(), locks));
        insert.setLong(1, id);
        insert.setString(2, file.server());
        insert.setString(3, JdbcHistoryRepository.key(file.server()));
        insert.setLong(4, file.id());
        insert.setString(5, file.path());
        insert.setString(6, file.path() == null ? null : JdbcHistoryRepository.key(file.path()));
        insert.setString(7, file.user());
        insert.setString(8, file.user() == null ? null : JdbcHistoryRepository.key(file.user()));
        insert.setLong(9, at.toEpochMilli());
        insert.setLong(10, at.toEpochMilli());
        setLocks(insert, 11, locks);
        batches.add(insert);
    }

    private void changed(OpenFile file, Instant at) throws SQLException {
        Open state = open.get(Key.of(file));
        if (state == null) {
            // Opened before this recorder started (or before a rolled-back batch): it starts being known now.
            opened(file, at);
            return;
        }
        state.maxLocks = Math.max(state.maxLocks, file.lockCount().orElse(-1));
        touch.setLong(1, at.toEpochMilli());
        touch.setString(2, file.user());
        touch.setString(3, file.user() == null ? null : JdbcHistoryRepository.key(file.user()));
        setLocks(touch, 4, state.maxLocks);
        touch.setLong(5, state.rowId);
        batches.add(touch);
    }

    private void closed(FileEvent.Closed event, Instant previousAnswer) throws SQLException {
        Open state = open.remove(Key.of(event.last()));
        if (state == null) {
            return; // never recorded open (recording started after it was listed and it never changed)
        }
        boolean removed = event.reason() == FileEvent.Reason.SERVER_REMOVED;
        close.setLong(1, removed ? previousAnswer.toEpochMilli() : event.at().toEpochMilli());
        close.setLong(2, previousAnswer.toEpochMilli());
        close.setString(3, removed ? HistoryInterval.EndReason.SERVER_REMOVED.name()
                : HistoryInterval.EndReason.DISCONNECTED.name());
        close.setLong(4, state.rowId);
        batches.add(close);
    }

    /** Sends the batched rows within the writer's open transaction. */
    void flush() throws SQLException {
        batches.flush();
    }

    /** After a rolled-back transaction: the rows it would have written do not exist. */
    void forget() {
        batches.clear();
        open.clear();
    }

    private static void setLocks(PreparedStatement statement, int index, long locks) throws SQLException {
        if (locks < 0) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, locks);
        }
    }

    @Override
    public void close() {
        batches.close();
    }
}
