package org.sessionwatch.team;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.tracking.SessionEvent;
import org.sessionwatch.tracking.TrackedSession;
import org.sessionwatch.tracking.TrackerUpdate;

/**
 * The collector's live-state statements on its connection, batched inside the transaction the caller commits (after
 * {@link #flush()}): each server's outcome, the sessions that changed (from the tracker's events), the removal of
 * servers no longer polled, and the {@code NOTIFY} that tells readers a server changed (delivered by PostgreSQL only
 * when the transaction commits).
 *
 * <p>Only what changed is written. A session row stores when it started and since when it is idle, which stay the
 * same while the session merely ages, so a steady estate costs one server row per server and cycle. A row is rewritten
 * when a value a reader shows changed: open count, flags, level, client type, transport, or a start or idle-since time
 * that moved by more than {@link #TIME_TOLERANCE_MS} (servers count whole seconds and answer at slightly different
 * moments, which must not cost a write per session and cycle).
 *
 * <p>One instance serves one active term: a server's first answer in the term replaces whatever an earlier collector
 * stored for it (its sessions arrive as the tracker's initial {@code Connected} events).
 */
final class LiveStateWrites implements AutoCloseable {
    static final long TIME_TOLERANCE_MS = 2_000;

    /** The values of a stored row a reader shows. */
    private record Row(int level, OptionalLong opens, Long startMs, Long idleSinceMs, OptionalLong flags,
                       String clientType, String transport) {
        static Row of(Session s, long answeredMs) {
            return new Row(s.level().code(), s.openCount(), since(s.activeSeconds(), answeredMs),
                    since(s.idleSeconds(), answeredMs), s.userFlags(), s.clientType().orElse(null),
                    s.transport().orElse(null));
        }

        private static Long since(OptionalLong seconds, long answeredMs) {
            return seconds.isPresent() ? answeredMs - seconds.getAsLong() * 1000 : null;
        }

        boolean sameAs(Row o) {
            return level == o.level && opens.equals(o.opens) && flags.equals(o.flags)
                    && Objects.equals(clientType, o.clientType) && Objects.equals(transport, o.transport)
                    && close(startMs, o.startMs) && close(idleSinceMs, o.idleSinceMs);
        }

        private static boolean close(Long a, Long b) {
            return a == null || b == null ? a == b : Math.abs(a - b) <= TIME_TOLERANCE_MS;
        }
    }

    private final PreparedStatement upsertServer;
    private final PreparedStatement deleteServerSessions;
    private final PreparedStatement deleteSession;
    private final PreparedStatement insertSession;
    private final PreparedStatement updateSession;
    private final PreparedStatement notify;
    private final Connection connection;
    /** What is stored for each session of this term, by the tracker's id. */
    private final Map<Long, Row> stored = new HashMap<>();
    /** Servers whose rows this term has replaced. */
    private final Set<String> owned = new HashSet<>();
    private final int[] pending = new int[5];
    private long rowsWritten;

    LiveStateWrites(Connection connection) throws SQLException {
        this.connection = connection;
        upsertServer = connection.prepareStatement("INSERT INTO team_server (server, cycle, polled_at_ms,"
                + " finished_at_ms, duration_ms, status, requested_level, level, error_code, error_message,"
                + " error_remedy, last_success_ms, collector) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (server) DO UPDATE SET cycle = excluded.cycle, polled_at_ms = excluded.polled_at_ms,"
                + " finished_at_ms = excluded.finished_at_ms, duration_ms = excluded.duration_ms,"
                + " status = excluded.status, requested_level = excluded.requested_level, level = excluded.level,"
                + " error_code = excluded.error_code, error_message = excluded.error_message,"
                + " error_remedy = excluded.error_remedy,"
                + " last_success_ms = COALESCE(excluded.last_success_ms, team_server.last_success_ms),"
                + " collector = excluded.collector");
        deleteServerSessions = connection.prepareStatement("DELETE FROM team_session WHERE server = ?");
        deleteSession = connection.prepareStatement("DELETE FROM team_session WHERE server = ? AND session_id = ?");
        insertSession = connection.prepareStatement("INSERT INTO team_session (server, session_id, level, client,"
                + " user_name, opens, start_ms, idle_since_ms, user_flags, client_type, transport)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        updateSession = connection.prepareStatement("UPDATE team_session SET level = ?, opens = ?, start_ms = ?,"
                + " idle_since_ms = ?, user_flags = ?, client_type = ?, transport = ? WHERE server = ?"
                + " AND session_id = ?");
        // One round trip for all notices of a transaction, in order.
        notify = connection.prepareStatement("SELECT pg_notify('" + TeamDatabase.CHANNEL + "', notice)"
                + " FROM unnest(?::text[]) WITH ORDINALITY AS n (notice, position) ORDER BY position");
    }

    private List<PreparedStatement> batches() {
        // In execution order: servers, then old sessions out, new ones in, changed ones rewritten.
        return List.of(upsertServer, deleteServerSessions, deleteSession, insertSession, updateSession);
    }

    /** Session rows inserted, updated or deleted so far (one per session for a server's first answer in a term). */
    long rowsWritten() {
        return rowsWritten;
    }

    /** Stores one server's result of cycle {@code cycle}; a failed server keeps its last sessions. */
    void server(long cycle, Instant polledAt, ServerPollResult result, String collector) throws SQLException {
        PreparedStatement s = upsertServer;
        s.setString(1, result.server());
        s.setLong(2, cycle);
        s.setLong(3, polledAt.toEpochMilli());
        s.setLong(4, result.finishedAt().toEpochMilli());
        s.setLong(5, result.duration().toMillis());
        switch (result) {
            case ServerPollResult.Ok ok -> {
                s.setString(6, LiveState.OK);
                setLevel(s, 7, ok.requestedLevel() == null ? null : ok.requestedLevel().code());
                setLevel(s, 8, ok.level() == null ? null : ok.level().code());
                s.setNull(9, Types.BIGINT);
                s.setNull(10, Types.VARCHAR);
                s.setNull(11, Types.VARCHAR);
                s.setLong(12, ok.finishedAt().toEpochMilli());
            }
            case ServerPollResult.Failed failed -> {
                s.setString(6, failed.error().kind().name());
                s.setNull(7, Types.INTEGER);
                setLevel(s, 8, failed.level() == null ? null : failed.level().code());
                s.setLong(9, failed.error().code());
                s.setString(10, failed.error().message());
                s.setString(11, failed.error().remedy());
                s.setNull(12, Types.BIGINT);
            }
        }
        s.setString(13, collector);
        add(0, s);
        if (result instanceof ServerPollResult.Ok && owned.add(result.server())) {
            // The first answer of this term: what an earlier collector stored goes, the tracker re-announces all.
            deleteServerSessions.setString(1, result.server());
            add(1, deleteServerSessions);
        }
    }

    /**
     * Batches the session rows {@code update}'s events changed. {@code answeredAt} gives each answering server's
     * answer time, from which start and idle-since times are derived.
     */
    void sessions(TrackerUpdate update, Map<String, Instant> answeredAt) throws SQLException {
        for (SessionEvent event : update.events()) {
            switch (event) {
                case SessionEvent.Connected c -> insert(c.session(), answeredAt);
                case SessionEvent.Changed c -> changed(c.after(), answeredAt);
                case SessionEvent.Ended e -> {
                    stored.remove(e.last().id());
                    deleteSession.setString(1, e.last().server());
                    deleteSession.setLong(2, e.last().id());
                    add(2, deleteSession);
                }
                case SessionEvent.ServerFailing f -> {
                    // the server row says so; its sessions stay as last seen
                }
                case SessionEvent.ServerRecovered r -> {
                    // likewise
                }
            }
        }
    }

    private void insert(TrackedSession tracked, Map<String, Instant> answeredAt) throws SQLException {
        Session session = tracked.session();
        Row row = Row.of(session, answered(tracked, answeredAt));
        stored.put(tracked.id(), row);
        PreparedStatement s = insertSession;
        s.setString(1, tracked.server());
        s.setLong(2, tracked.id());
        s.setInt(3, row.level());
        s.setString(4, session.clientName().orElse(null));
        s.setString(5, session.userName().orElse(null));
        setLong(s, 6, row.opens());
        setLong(s, 7, row.startMs());
        setLong(s, 8, row.idleSinceMs());
        setLong(s, 9, row.flags());
        s.setString(10, row.clientType());
        s.setString(11, row.transport());
        add(3, s);
    }

    private void changed(TrackedSession tracked, Map<String, Instant> answeredAt) throws SQLException {
        Row row = Row.of(tracked.session(), answered(tracked, answeredAt));
        Row before = stored.get(tracked.id());
        if (before == null) {
            insert(tracked, answeredAt); // unknown to this term (never happens after a first answer): store it
            return;
        }
        if (row.sameAs(before)) {
            return;
        }
        stored.put(tracked.id(), row);
        PreparedStatement s = updateSession;
        s.setInt(1, row.level());
        setLong(s, 2, row.opens());
        setLong(s, 3, row.startMs());
        setLong(s, 4, row.idleSinceMs());
        setLong(s, 5, row.flags());
        s.setString(6, row.clientType());
        s.setString(7, row.transport());
        s.setString(8, tracked.server());
        s.setLong(9, tracked.id());
        add(4, s);
    }

    private static long answered(TrackedSession tracked, Map<String, Instant> answeredAt) {
        Instant at = answeredAt.get(tracked.server());
        return (at != null ? at : tracked.seenAt()).toEpochMilli();
    }

    private void add(int batch, PreparedStatement statement) throws SQLException {
        statement.addBatch();
        pending[batch]++;
        if (batch > 0) {
            rowsWritten++;
        }
    }

    /** Sends what was batched, in order. */
    void flush() throws SQLException {
        List<PreparedStatement> statements = batches();
        for (int i = 0; i < pending.length; i++) {
            if (pending[i] > 0) {
                statements.get(i).executeBatch();
                pending[i] = 0;
            }
        }
    }

    /** Forgets batched rows after a failed transaction (the term ends: the caller reconnects and starts afresh). */
    void clear() {
        for (PreparedStatement statement : batches()) {
            try {
                statement.clearBatch();
            } catch (SQLException e) {
                // the statement is unusable anyway; the transaction is rolled back
            }
        }
        java.util.Arrays.fill(pending, 0);
        stored.clear();
        owned.clear();
    }

    /** Deletes the live state of every server not in {@code polled} (left the configuration); their sessions go too. */
    int removeAllBut(Collection<String> polled) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM team_server WHERE NOT (server = ANY (?))")) {
            delete.setArray(1, connection.createArrayOf("varchar", polled.toArray()));
            int removed = delete.executeUpdate();
            owned.retainAll(polled);
            return removed;
        }
    }

    Connection connection() {
        return connection;
    }

    /** Queues the notices; PostgreSQL sends them to listeners when the transaction commits, never before. */
    void announce(List<Notice> notices) throws SQLException {
        notify.setArray(1, connection.createArrayOf("text", notices.stream().map(Notice::toJson).toArray()));
        notify.executeQuery().close();
    }

    private static void setLevel(PreparedStatement s, int index, Integer code) throws SQLException {
        if (code == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, code);
        }
    }

    private static void setLong(PreparedStatement s, int index, OptionalLong value) throws SQLException {
        setLong(s, index, value.isPresent() ? value.getAsLong() : null);
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value != null) {
            s.setLong(index, value);
        } else {
            s.setNull(index, Types.BIGINT);
        }
    }

    @Override
    public void close() {
        for (PreparedStatement statement : List.of(upsertServer, deleteServerSessions, deleteSession, insertSession,
                updateSession, notify)) {
            try {
                statement.close();
            } catch (SQLException e) {
                // the connection is going away; nothing is left to release
            }
        }
    }
}
