package org.sessionwatch.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The writer's statements, batched: rows are added during one tracker update and sent in one transaction by
 * {@link #commit()}. Portable SQL (SQLite and PostgreSQL): the sample upsert is {@code INSERT … ON CONFLICT}. Used by
 * the writer thread only.
 */
final class HistoryWrites implements AutoCloseable {
    /** A new interval as inserted. Nullable fields are absent values. */
    record NewInterval(long id, String server, String client, String clientKey, String user, String userKey,
                       long startMs, boolean startKnown, long firstSeenMs, String clientType, String transport,
                       int level, Long opens, Long idleSeconds) {
    }

    /** Open intervals, found server by server through ix_interval_server_end rather than by a full scan. */
    private static final String OPEN_BY_SERVER = " WHERE server_key IN (SELECT DISTINCT server_key FROM poll_coverage)"
            + " AND end_ms IS NULL";
    private static final String MAX_OPENS =
            "CASE WHEN max_opens IS NULL OR max_opens < ? THEN ? ELSE max_opens END";

    private final Connection connection;
    private final PreparedStatement insertInterval;
    private final PreparedStatement closeInterval;
    private final PreparedStatement raiseMaxOpens;
    private final PreparedStatement upsertSample;
    private final PreparedStatement insertCoverage;
    private final PreparedStatement extendCoverage;
    private final PreparedStatement findOpen;
    private final PreparedStatement reopen;
    private final java.util.Map<Expired, PreparedStatement> deletes = new java.util.EnumMap<>(Expired.class);
    /** In execution order: an interval inserted in this batch can be closed or sampled in it. */
    private final StatementBatches batches;

    HistoryWrites(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        insertInterval = connection.prepareStatement("INSERT INTO session_interval (id, server, server_key, client,"
                + " client_key, user_name, user_key, start_ms, start_known, first_seen_ms, last_seen_ms, client_type,"
                + " transport, level, max_opens, last_opens, last_idle_s)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        // The CASE keeps a higher maximum stored by an earlier run of a continued interval (portable GREATEST).
        closeInterval = connection.prepareStatement("UPDATE session_interval SET end_ms = ?, last_seen_ms = ?,"
                + " end_reason = ?, max_opens = " + MAX_OPENS + ", last_opens = ?, last_idle_s = ? WHERE id = ?");
        raiseMaxOpens = connection.prepareStatement(
                "UPDATE session_interval SET max_opens = " + MAX_OPENS + ", last_opens = ? WHERE id = ?");
        upsertSample = connection.prepareStatement("INSERT INTO session_sample (bucket_ms, interval_id, opens, idle_s)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (bucket_ms, interval_id)"
                + " DO UPDATE SET opens = excluded.opens, idle_s = excluded.idle_s");
        insertCoverage = connection.prepareStatement("INSERT INTO poll_coverage (id, server, server_key, from_ms,"
                + " to_ms, answered, error_kind, polls) VALUES (?, ?, ?, ?, ?, ?, ?, 1)");
        extendCoverage = connection.prepareStatement("UPDATE poll_coverage SET to_ms = ?, polls = ? WHERE id = ?");
        findOpen = connection.prepareStatement("SELECT id FROM session_interval WHERE user_key = ?"
                + " AND start_ms >= ? AND start_ms <= ? AND server_key = ? AND client_key = ?"
                + " AND (end_ms IS NULL OR end_reason = 'UNOBSERVED') ORDER BY ABS(start_ms - ?), id DESC");
        reopen = connection.prepareStatement(
                "UPDATE session_interval SET end_ms = NULL, end_reason = NULL WHERE id = ?");
        batches = new StatementBatches(List.of(insertInterval, reopen, closeInterval, raiseMaxOpens, upsertSample,
                insertCoverage, extendCoverage));
    }

    /** The largest ids in use, so that the one writer can number new rows itself (no round trip per row). */
    long[] maxIds() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT (SELECT COALESCE(MAX(id), 0) FROM session_interval),"
                     + " (SELECT COALESCE(MAX(id), 0) FROM poll_coverage)")) {
            rows.next();
            long[] ids = {rows.getLong(1), rows.getLong(2)};
            connection.commit();
            return ids;
        }
    }

    /**
     * Closes intervals left open by a run that ended without closing them (killed, crashed, or stopped with the
     * machine): they were seen up to their server's latest successful answer, so that is their end.
     */
    int closeUnobserved() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int closed = statement.executeUpdate("UPDATE session_interval SET end_reason = 'UNOBSERVED',"
                    + " last_seen_ms = COALESCE((SELECT MAX(c.to_ms) FROM poll_coverage c"
                    + " WHERE c.server_key = session_interval.server_key AND c.answered = TRUE"
                    + " AND c.to_ms >= session_interval.last_seen_ms), last_seen_ms)"
                    + OPEN_BY_SERVER);
            statement.executeUpdate("UPDATE session_interval SET end_ms = last_seen_ms" + OPEN_BY_SERVER
                    + " AND end_reason = 'UNOBSERVED'");
            connection.commit();
            return closed;
        }
    }

    /**
     * An interval of an earlier run or transaction this session continues: same server, client and user, start within
     * {@code toleranceMs}, open or closed only because recording stopped.
     */
    OptionalLong findContinued(String serverKey, String clientKey, String userKey, long startMs, long toleranceMs)
            throws SQLException {
        findOpen.setString(1, userKey);
        findOpen.setLong(2, startMs - toleranceMs);
        findOpen.setLong(3, startMs + toleranceMs);
        findOpen.setString(4, serverKey);
        findOpen.setString(5, clientKey);
        findOpen.setLong(6, startMs);
        findOpen.setMaxRows(1);
        try (ResultSet rows = findOpen.executeQuery()) {
            return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
        }
    }

    void insert(NewInterval row) throws SQLException {
        PreparedStatement s = insertInterval;
        s.setLong(1, row.id());
        s.setString(2, row.server());
        s.setString(3, JdbcHistoryRepository.key(row.server()));
        s.setString(4, row.client());
        s.setString(5, row.clientKey());
        s.setString(6, row.user());
        s.setString(7, row.userKey());
        s.setLong(8, row.startMs());
        s.setBoolean(9, row.startKnown());
        s.setLong(10, row.firstSeenMs());
        s.setLong(11, row.firstSeenMs());
        s.setString(12, row.clientType());
        s.setString(13, row.transport());
        s.setInt(14, row.level());
        setLong(s, 15, row.opens());
        setLong(s, 16, row.opens());
        setLong(s, 17, row.idleSeconds());
        batches.add(insertInterval);
    }

    void reopen(long id) throws SQLException {
        reopen.setLong(1, id);
        batches.add(reopen);
    }

    void close(long id, long endMs, long lastSeenMs, HistoryInterval.EndReason reason, Long maxOpens, Long lastOpens,
               Long lastIdle) throws SQLException {
        PreparedStatement s = closeInterval;
        s.setLong(1, endMs);
        s.setLong(2, lastSeenMs);
        s.setString(3, reason.name());
        setLong(s, 4, maxOpens);
        setLong(s, 5, maxOpens);
        setLong(s, 6, lastOpens);
        setLong(s, 7, lastIdle);
        s.setLong(8, id);
        batches.add(closeInterval);
    }

    void raiseMaxOpens(long id, long maxOpens, long opens) throws SQLException {
        raiseMaxOpens.setLong(1, maxOpens);
        raiseMaxOpens.setLong(2, maxOpens);
        raiseMaxOpens.setLong(3, opens);
        raiseMaxOpens.setLong(4, id);
        batches.add(raiseMaxOpens);
    }

    void sample(long id, long bucketMs, Long opens, Long idleSeconds) throws SQLException {
        upsertSample.setLong(1, bucketMs);
        upsertSample.setLong(2, id);
        setLong(upsertSample, 3, opens);
        setLong(upsertSample, 4, idleSeconds);
        batches.add(upsertSample);
    }

    void startCoverage(long id, String server, long atMs, boolean answered, String errorKind) throws SQLException {
        PreparedStatement s = insertCoverage;
        s.setLong(1, id);
        s.setString(2, server);
        s.setString(3, JdbcHistoryRepository.key(server));
        s.setLong(4, atMs);
        s.setLong(5, atMs);
        s.setBoolean(6, answered);
        s.setString(7, errorKind);
        batches.add(insertCoverage);
    }

    void extendCoverage(long id, long atMs, long polls) throws SQLException {
        extendCoverage.setLong(1, atMs);
        extendCoverage.setLong(2, polls);
        extendCoverage.setLong(3, id);
        batches.add(extendCoverage);
    }

    /** Sends the batched rows and commits them as one transaction. */
    void commit() throws SQLException {
        flushBatches();
        connection.commit();
    }

    /** Sends the batched rows within the open transaction (bounds the memory of a very large transaction). */
    void flushBatches() throws SQLException {
        batches.flush();
    }

    /** Forgets the batched rows and undoes the open transaction (after a failure). */
    void rollback() {
        batches.clear();
        try {
            connection.rollback();
        } catch (SQLException e) {
            // nothing was committed; the next transaction starts afresh
        }
    }

    /** What retention deletes, each table in batches of its own. */
    enum Expired {
        /** Closed intervals, oldest end first (the partial index on end_ms). */
        INTERVALS("DELETE FROM session_interval WHERE id IN"
                + " (SELECT id FROM session_interval WHERE end_ms < ? ORDER BY end_ms LIMIT ?)"),
        /** Coverage spans, oldest end first (ix_coverage_to, migration 3). */
        COVERAGE("DELETE FROM poll_coverage WHERE id IN"
                + " (SELECT id FROM poll_coverage WHERE to_ms < ? ORDER BY to_ms LIMIT ?)"),
        /** Open-file intervals, oldest end first (the partial index on end_ms, migration 4). */
        FILES("DELETE FROM file_interval WHERE id IN"
                + " (SELECT id FROM file_interval WHERE end_ms < ? ORDER BY end_ms LIMIT ?)"),
        /** Samples, in primary key order, which starts with the minute. */
        SAMPLES("DELETE FROM session_sample WHERE (bucket_ms, interval_id) IN"
                + " (SELECT bucket_ms, interval_id FROM session_sample WHERE bucket_ms < ? ORDER BY bucket_ms"
                + " LIMIT ?)");

        private final String sql;

        Expired(String sql) {
            this.sql = sql;
        }
    }

    /**
     * Deletes at most {@code limit} of the oldest expired rows of one kind ended before {@code cutoffMs}, in one
     * short transaction of its own; returns how many went.
     */
    int deleteBefore(Expired kind, long cutoffMs, int limit) throws SQLException {
        try {
            // Prepared on first use: a file at an older schema (a benchmark's loader) may lack a table yet.
            PreparedStatement delete = deletes.get(kind);
            if (delete == null) {
                delete = connection.prepareStatement(kind.sql);
                deletes.put(kind, delete);
            }
            delete.setLong(1, cutoffMs);
            delete.setInt(2, limit);
            int deleted = delete.executeUpdate();
            connection.commit();
            return deleted;
        } catch (SQLException e) {
            rollback();
            throw e;
        }
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    @Override
    public void close() {
        batches.close();
        List<AutoCloseable> all = new ArrayList<>(deletes.values());
        all.add(findOpen);
        for (AutoCloseable statement : all) {
            try {
                statement.close();
            } catch (Exception e) {
                // closing a statement of a connection that is going away
            }
        }
    }
}
