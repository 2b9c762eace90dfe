package org.sessionwatch.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.sessionwatch.netapi.ErrorKind;

/**
 * {@link HistoryRepository} in plain JDBC on one connection, with SQL that runs unchanged on SQLite and PostgreSQL.
 * Not thread-safe: one per reading thread (WAL lets it read while the writer writes).
 */
public final class JdbcHistoryRepository implements HistoryRepository {
    static final String INTERVAL_COLUMNS = "id, server, client, user_name, start_ms, start_known, first_seen_ms,"
            + " last_seen_ms, end_ms, end_reason, client_type, transport, level, max_opens, last_idle_s";
    /** Ends at or after T (or open) and started at or before T; the server's index answers both conditions. */
    static final String OPEN_AT = "SELECT " + INTERVAL_COLUMNS + " FROM session_interval"
            + " WHERE server_key = ? AND end_ms >= ? AND start_ms <= ?"
            + " UNION ALL SELECT " + INTERVAL_COLUMNS + " FROM session_interval"
            + " WHERE server_key = ? AND end_ms IS NULL AND start_ms <= ?";
    static final String OF_PARTY = "SELECT " + INTERVAL_COLUMNS + " FROM session_interval WHERE %s = ?"
            + " AND start_ms <= ? AND (end_ms IS NULL OR end_ms >= ?)";

    private final Connection connection;

    public JdbcHistoryRepository(Connection connection) {
        this.connection = connection;
    }

    @Override
    public List<HistoryInterval> openAt(Instant at, Optional<String> server) {
        long t = at.toEpochMilli();
        List<String> servers = server.map(s -> List.of(key(s))).orElseGet(this::serverKeys);
        List<HistoryInterval> found = new ArrayList<>();
        Map<String, Long> latest = latestAnswers();
        try (PreparedStatement query = connection.prepareStatement(OPEN_AT)) {
            for (String serverKey : servers) {
                query.setString(1, serverKey);
                query.setLong(2, t);
                query.setLong(3, t);
                query.setString(4, serverKey);
                query.setLong(5, t);
                read(query, latest, found);
            }
        } catch (SQLException e) {
            throw readFailure(e);
        }
        found.sort(Comparator.comparing((HistoryInterval i) -> i.server().toLowerCase(Locale.ROOT))
                .thenComparing(HistoryInterval::firstSeen).thenComparingLong(HistoryInterval::id));
        return found;
    }

    @Override
    public List<HistoryInterval> intervals(Party party, String name, Optional<String> server, Instant since,
                                           Instant until) {
        String sql = String.format(Locale.ROOT, OF_PARTY, party == Party.USER ? "user_key" : "client_key")
                + (server.isPresent() ? " AND server_key = ?" : "") + " ORDER BY start_ms, id";
        List<HistoryInterval> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, key(name));
            query.setLong(2, until == null ? Long.MAX_VALUE : until.toEpochMilli());
            query.setLong(3, since == null ? Long.MIN_VALUE : since.toEpochMilli());
            if (server.isPresent()) {
                query.setString(4, key(server.get()));
            }
            read(query, latestAnswers(), found);
        } catch (SQLException e) {
            throw readFailure(e);
        }
        return found;
    }

    @Override
    public Optional<HistoryInterval> latestBefore(Party party, String name, Instant before) {
        // The party's start index, read backwards from "before": one row, however long the history.
        String sql = "SELECT " + INTERVAL_COLUMNS + " FROM session_interval WHERE "
                + (party == Party.USER ? "user_key" : "client_key") + " = ? AND start_ms < ?"
                + " ORDER BY start_ms DESC, id DESC LIMIT 1";
        List<HistoryInterval> found = new ArrayList<>(1);
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, key(name));
            query.setLong(2, before.toEpochMilli());
            read(query, latestAnswers(), found);
        } catch (SQLException e) {
            throw readFailure(e);
        }
        return found.stream().findFirst();
    }

    @Override
    public List<FileInterval> filesOpenAt(Instant at, Optional<String> server) {
        String sql = "SELECT id, server, file_id, path, user_name, first_seen_ms, last_seen_ms, end_ms, end_reason,"
                + " max_locks FROM file_interval WHERE first_seen_ms <= ? AND (end_ms IS NULL OR end_ms > ?)"
                + (server.isPresent() ? " AND server_key = ?" : "") + " ORDER BY server_key, path_key, id";
        List<FileInterval> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, at.toEpochMilli());
            query.setLong(2, at.toEpochMilli());
            if (server.isPresent()) {
                query.setString(3, key(server.get()));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long end = rows.getLong(8);
                    boolean open = rows.wasNull();
                    found.add(new FileInterval(rows.getLong(1), rows.getString(2), rows.getLong(3),
                            rows.getString(4), rows.getString(5), Instant.ofEpochMilli(rows.getLong(6)),
                            Instant.ofEpochMilli(rows.getLong(7)),
                            open ? Optional.empty() : Optional.of(Instant.ofEpochMilli(end)),
                            Optional.ofNullable(rows.getString(9)).map(HistoryInterval.EndReason::valueOf),
                            optionalLong(rows, 10)));
                }
            }
        } catch (SQLException e) {
            throw readFailure(e);
        }
        return found;
    }

    @Override
    public List<CoverageSpan> coverage(Optional<String> server, Instant from, Instant to) {
        String sql = "SELECT server, from_ms, to_ms, answered, error_kind, polls FROM poll_coverage"
                + " WHERE to_ms >= ? AND from_ms <= ?" + (server.isPresent() ? " AND server_key = ?" : "")
                + " ORDER BY server_key, from_ms";
        List<CoverageSpan> spans = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, from == null ? Long.MIN_VALUE : from.toEpochMilli());
            query.setLong(2, to == null ? Long.MAX_VALUE : to.toEpochMilli());
            if (server.isPresent()) {
                query.setString(3, key(server.get()));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String kind = rows.getString(5);
                    spans.add(new CoverageSpan(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)),
                            Instant.ofEpochMilli(rows.getLong(3)), rows.getBoolean(4),
                            Optional.ofNullable(kind).map(ErrorKind::valueOf), rows.getLong(6)));
                }
            }
        } catch (SQLException e) {
            throw readFailure(e);
        }
        return spans;
    }

    /** Every server ever polled (the coverage table is small: one row per change of outcome). */
    private List<String> serverKeys() {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT DISTINCT server_key FROM poll_coverage ORDER BY server_key");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw readFailure(e);
        }
        return keys;
    }

    /** Each server's latest successful answer: the "last seen" of its open intervals. */
    private Map<String, Long> latestAnswers() {
        Map<String, Long> latest = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT server_key, MAX(to_ms) FROM poll_coverage WHERE answered = ? GROUP BY server_key")) {
            query.setBoolean(1, true);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    latest.put(rows.getString(1), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw readFailure(e);
        }
        return latest;
    }

    private static void read(PreparedStatement query, Map<String, Long> latest, List<HistoryInterval> into)
            throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                into.add(interval(rows, latest));
            }
        }
    }

    private static HistoryInterval interval(ResultSet rows, Map<String, Long> latest) throws SQLException {
        String server = rows.getString(2);
        long startMs = rows.getLong(5);
        boolean startKnown = rows.getBoolean(6);
        long lastSeen = rows.getLong(8);
        long endMs = rows.getLong(9);
        boolean open = rows.wasNull();
        if (open) {
            lastSeen = Math.max(lastSeen, latest.getOrDefault(key(server), lastSeen));
        }
        String reason = rows.getString(10);
        return new HistoryInterval(rows.getLong(1), server, rows.getString(3), rows.getString(4),
                startKnown ? Optional.of(Instant.ofEpochMilli(startMs)) : Optional.empty(),
                Instant.ofEpochMilli(rows.getLong(7)), Instant.ofEpochMilli(lastSeen),
                open ? Optional.empty() : Optional.of(Instant.ofEpochMilli(endMs)),
                Optional.ofNullable(reason).map(HistoryInterval.EndReason::valueOf),
                rows.getString(11), rows.getString(12), rows.getInt(13), optionalLong(rows, 14),
                optionalLong(rows, 15));
    }

    private static OptionalLong optionalLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static HistoryException readFailure(SQLException e) {
        return new HistoryException("Reading the history failed: " + e.getMessage(), e);
    }
}
