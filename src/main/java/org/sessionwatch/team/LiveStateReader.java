package org.sessionwatch.team;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.ServerPollResult;

/** Reads the live state a collector stored; every read is one consistent snapshot (one REPEATABLE READ transaction). */
public final class LiveStateReader {
    private static final String SERVER_COLUMNS = "server, cycle, polled_at_ms, finished_at_ms, duration_ms, status,"
            + " requested_level, level, error_code, error_message, error_remedy, last_success_ms, collector";
    private static final String SESSION_COLUMNS = "s.server, s.level, s.client, s.user_name, s.opens, s.start_ms,"
            + " s.idle_since_ms, s.user_flags, s.client_type, s.transport, COALESCE(v.last_success_ms,"
            + " v.finished_at_ms)";

    private LiveStateReader() {
    }

    /** Everything: all servers (by name), their sessions, the heartbeats. */
    public static LiveState readAll(Connection connection) throws SQLException {
        return snapshot(connection, null);
    }

    /** Some servers' states (a server the collector no longer polls is missing) with the heartbeats. */
    public static LiveState readServers(Connection connection, Collection<String> servers) throws SQLException {
        return snapshot(connection, servers);
    }

    private static LiveState snapshot(Connection connection, Collection<String> onlyServers) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        // Changing the isolation costs a round trip: a follower's connection is set once and stays so.
        if (isolation != Connection.TRANSACTION_REPEATABLE_READ) {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
        connection.setAutoCommit(false);
        try {
            String where = onlyServers == null ? "" : " WHERE server = ANY (?)";
            String sessionsWhere = onlyServers == null ? "" : " WHERE s.server = ANY (?)";
            java.sql.Array names = onlyServers == null ? null
                    : connection.createArrayOf("varchar", onlyServers.toArray());
            Map<String, List<Session>> sessions = new HashMap<>();
            // The server's last answer is the time the sessions' connected and idle seconds are counted to.
            try (PreparedStatement query = connection.prepareStatement("SELECT " + SESSION_COLUMNS
                    + " FROM team_session s JOIN team_server v ON v.server = s.server" + sessionsWhere
                    + " ORDER BY s.server, s.session_id")) {
                if (names != null) {
                    query.setArray(1, names);
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        sessions.computeIfAbsent(rows.getString(1), s -> new ArrayList<>()).add(session(rows));
                    }
                }
            }
            List<LiveState.ServerState> servers = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + SERVER_COLUMNS
                    + " FROM team_server" + where + " ORDER BY server")) {
                if (names != null) {
                    query.setArray(1, names);
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        servers.add(server(rows, sessions.getOrDefault(rows.getString(1), List.of())));
                    }
                }
            }
            List<LiveState.Heartbeat> collectors = heartbeats(connection);
            connection.commit();
            return new LiveState(servers, collectors);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is broken; the caller reconnects
            }
            throw e;
        } finally {
            if (!connection.isClosed()) {
                try {
                    connection.setAutoCommit(autoCommit);
                    if (isolation != Connection.TRANSACTION_REPEATABLE_READ) {
                        connection.setTransactionIsolation(isolation);
                    }
                } catch (SQLException ignored) {
                    // a broken connection: the caller sees the original failure
                }
            }
        }
    }

    /** What identifies a server's stored state: the cycle and the time of the answer it holds. */
    record Stamp(long cycle, long finishedAtMs) {
        static Stamp of(LiveState.ServerState state) {
            return new Stamp(state.cycle(), state.result().finishedAt().toEpochMilli());
        }
    }

    /** Every stored server's stamp, by name: a cheap check of which servers changed. */
    static Map<String, Stamp> stamps(Connection connection) throws SQLException {
        Map<String, Stamp> stamps = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT server, cycle, finished_at_ms FROM team_server");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                stamps.put(rows.getString(1), new Stamp(rows.getLong(2), rows.getLong(3)));
            }
        }
        return stamps;
    }

    /** The collectors' heartbeats, active first. */
    public static List<LiveState.Heartbeat> heartbeats(Connection connection) throws SQLException {
        List<LiveState.Heartbeat> beats = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT name, host, role, interval_s,"
                + " heartbeat_ms, last_cycle, last_cycle_ms FROM team_collector"
                + " ORDER BY role = 'ACTIVE' DESC, heartbeat_ms DESC");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                long lastCycle = rows.getLong(6);
                Optional<Long> cycle = rows.wasNull() ? Optional.empty() : Optional.of(lastCycle);
                long lastCycleMs = rows.getLong(7);
                Optional<Instant> at = rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(lastCycleMs));
                beats.add(new LiveState.Heartbeat(rows.getString(1), rows.getString(2), rows.getString(3),
                        Duration.ofSeconds(rows.getInt(4)), Instant.ofEpochMilli(rows.getLong(5)), cycle, at));
            }
        }
        return beats;
    }

    private static LiveState.ServerState server(ResultSet rows, List<Session> sessions) throws SQLException {
        String name = rows.getString(1);
        Instant finishedAt = Instant.ofEpochMilli(rows.getLong(4));
        Duration duration = Duration.ofMillis(rows.getLong(5));
        String status = rows.getString(6);
        InfoLevel requested = level(rows, 7);
        InfoLevel level = level(rows, 8);
        ServerPollResult result;
        if (LiveState.OK.equals(status)) {
            result = new ServerPollResult.Ok(name, requested, level, sessions, duration, finishedAt);
        } else {
            NetApiError error = new NetApiError(kind(status), rows.getLong(9), rows.getString(10), rows.getString(11));
            result = new ServerPollResult.Failed(name, level, error, duration, finishedAt);
        }
        long lastSuccess = rows.getLong(12);
        Optional<Instant> success = rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(lastSuccess));
        return new LiveState.ServerState(result, rows.getLong(2), Instant.ofEpochMilli(rows.getLong(3)), success,
                rows.getString(13), sessions);
    }

    /** The error kind a status column names; one written by a newer collector reads as {@code OTHER}. */
    static ErrorKind kind(String status) {
        try {
            return ErrorKind.valueOf(status);
        } catch (IllegalArgumentException e) {
            // written by a newer collector: still a failure, shown with its message
            return ErrorKind.OTHER;
        }
    }

    private static InfoLevel level(ResultSet rows, int column) throws SQLException {
        int code = rows.getInt(column);
        return rows.wasNull() ? null : InfoLevel.ofCode(code).orElse(null);
    }

    /** Whole seconds from {@code fromMs} to the server's answer, as the server would have counted them. */
    static long secondsSince(long fromMs, long answeredMs) {
        return Math.max(0, Math.floorDiv(answeredMs - fromMs, 1000));
    }

    private static java.util.OptionalLong number(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(value);
    }

    private static Session session(ResultSet rows) throws SQLException {
        InfoLevel level = InfoLevel.ofCode(rows.getInt(2)).orElse(InfoLevel.LEVEL_0);
        long answeredMs = rows.getLong(11);
        Session.Builder b = Session.builder(rows.getString(1), level);
        // Only the fields the level carries are set, and only when present: absent stays absent, as polled.
        Optional.ofNullable(rows.getString(3)).ifPresent(b::clientName);
        Optional.ofNullable(rows.getString(4)).ifPresent(b::userName);
        number(rows, 5).ifPresent(b::openCount);
        number(rows, 6).ifPresent(start -> b.activeSeconds(secondsSince(start, answeredMs)));
        number(rows, 7).ifPresent(since -> b.idleSeconds(secondsSince(since, answeredMs)));
        number(rows, 8).ifPresent(b::userFlags);
        Optional.ofNullable(rows.getString(9)).ifPresent(b::clientType);
        Optional.ofNullable(rows.getString(10)).ifPresent(b::transport);
        return b.build();
    }
}
