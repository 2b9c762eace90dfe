package org.sessionwatch.team;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.ServerPollResult;

/**
 * The collector's live-state statements on its connection, batched inside the transaction the caller commits (after
 * {@link #flush()}): each server's outcome (and, when it answered, its sessions), the removal of servers no longer polled, the heartbeat, and the
 * {@code NOTIFY} that tells readers a server changed (delivered by PostgreSQL only when the transaction commits).
 */
final class LiveStateWrites implements AutoCloseable {
    private final PreparedStatement upsertServer;
    private final PreparedStatement deleteSessions;
    private final PreparedStatement insertSession;
    private final PreparedStatement notify;
    private final Connection connection;
    private int pendingServers;
    private int pendingSessions;

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
        deleteSessions = connection.prepareStatement("DELETE FROM team_session WHERE server = ?");
        insertSession = connection.prepareStatement("INSERT INTO team_session (server, position, level, client,"
                + " user_name, opens, active_s, idle_s, user_flags, client_type, transport)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        // One round trip for all notices of a transaction, in order.
        notify = connection.prepareStatement("SELECT pg_notify('" + TeamDatabase.CHANNEL + "', notice)"
                + " FROM unnest(?::text[]) WITH ORDINALITY AS n (notice, position) ORDER BY position");
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
        s.addBatch();
        pendingServers++;
        if (result instanceof ServerPollResult.Ok ok) {
            sessions(ok.server(), ok.sessions());
        }
    }

    /** Sends what {@link #server} batched: servers first, then their old sessions out, then the new ones in. */
    void flush() throws SQLException {
        if (pendingServers == 0) {
            return;
        }
        upsertServer.executeBatch();
        deleteSessions.executeBatch();
        if (pendingSessions > 0) {
            insertSession.executeBatch();
        }
        pendingServers = 0;
        pendingSessions = 0;
    }

    /** Forgets batched rows after a failed transaction. */
    void clear() {
        for (PreparedStatement statement : List.of(upsertServer, deleteSessions, insertSession)) {
            try {
                statement.clearBatch();
            } catch (SQLException e) {
                // the statement is unusable anyway; the transaction is rolled back
            }
        }
        pendingServers = 0;
        pendingSessions = 0;
    }

    private void sessions(String server, List<Session> sessions) throws SQLException {
        deleteSessions.setString(1, server);
        deleteSessions.addBatch();
        int position = 0;
        for (Session session : sessions) {
            PreparedStatement s = insertSession;
            s.setString(1, server);
            s.setInt(2, position++);
            s.setInt(3, session.level().code());
            s.setString(4, session.clientName().orElse(null));
            s.setString(5, session.userName().orElse(null));
            setLong(s, 6, session.openCount());
            setLong(s, 7, session.activeSeconds());
            setLong(s, 8, session.idleSeconds());
            setLong(s, 9, session.userFlags());
            s.setString(10, session.clientType().orElse(null));
            s.setString(11, session.transport().orElse(null));
            s.addBatch();
            pendingSessions++;
        }
    }

    /** Deletes the live state of every server not in {@code polled} (left the configuration); their sessions go too. */
    int removeAllBut(Collection<String> polled) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM team_server WHERE NOT (server = ANY (?))")) {
            delete.setArray(1, connection.createArrayOf("varchar", polled.toArray()));
            return delete.executeUpdate();
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
        if (value.isPresent()) {
            s.setLong(index, value.getAsLong());
        } else {
            s.setNull(index, Types.BIGINT);
        }
    }

    @Override
    public void close() {
        for (PreparedStatement statement : List.of(upsertServer, deleteSessions, insertSession, notify)) {
            try {
                statement.close();
            } catch (SQLException e) {
                // the connection is going away; nothing is left to release
            }
        }
    }
}
