package org.sessionwatch.team;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.sessionwatch.alerts.Alert;
import org.sessionwatch.config.AlertEvent;

/**
 * The alerts the active collector fired, in {@code team_alert}: written by the collector in the transaction of the
 * answers that fired them (so every console shows each alert once, whoever is watching), read by consoles after the
 * last id they have.
 */
public final class TeamAlerts {
    /** Alerts a console fetches at once at most; older ones stay in the table. */
    static final int READ_LIMIT = 500;
    private static final String COLUMNS = "id, at_ms, rule, event, server, client, user_name, text, collector";

    /**
     * One stored alert. Its {@link Alert#sessionId()} is empty: the collector's session ids mean nothing to a console.
     *
     * @param id        the row's id, increasing: a console asks for the rows after the last it has
     * @param collector the collector that fired it
     */
    public record Stored(long id, Alert alert, String collector) {
    }

    private TeamAlerts() {
    }

    /** The collector's batched inserts; sent with the live state of the same transaction. */
    static final class Writes implements AutoCloseable {
        private final PreparedStatement insert;
        private int pending;

        Writes(Connection connection) throws SQLException {
            insert = connection.prepareStatement("INSERT INTO team_alert (at_ms, rule, event, server, client,"
                    + " user_name, text, collector, cycle) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        void add(List<Alert> alerts, String collector, long cycle) throws SQLException {
            for (Alert alert : alerts) {
                insert.setLong(1, alert.time().toEpochMilli());
                insert.setString(2, alert.rule());
                if (alert.event() == null) {
                    insert.setNull(3, Types.VARCHAR);
                } else {
                    insert.setString(3, alert.event().name());
                }
                insert.setString(4, alert.server());
                insert.setString(5, alert.client());
                insert.setString(6, alert.user());
                insert.setString(7, alert.text());
                insert.setString(8, collector);
                insert.setLong(9, cycle);
                insert.addBatch();
                pending++;
            }
        }

        /** Whether alerts were batched since the last {@link #flush()}. */
        boolean pending() {
            return pending > 0;
        }

        void flush() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
        }

        void clear() {
            try {
                insert.clearBatch();
            } catch (SQLException e) {
                // the transaction is rolled back; the statement goes with the connection
            }
            pending = 0;
        }

        @Override
        public void close() {
            try {
                insert.close();
            } catch (SQLException e) {
                // the connection is going away; nothing is left to release
            }
        }
    }

    /** The alerts with an id above {@code afterId}, oldest first, at most {@value #READ_LIMIT} (the latest ones). */
    public static List<Stored> after(Connection connection, long afterId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT * FROM (SELECT " + COLUMNS
                + " FROM team_alert WHERE id > ? ORDER BY id DESC LIMIT " + READ_LIMIT + ") latest ORDER BY id")) {
            query.setLong(1, afterId);
            return read(query);
        }
    }

    /** The alerts fired at or after {@code since}, oldest first, at most {@value #READ_LIMIT} (the latest ones). */
    public static List<Stored> since(Connection connection, Instant since) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT * FROM (SELECT " + COLUMNS
                + " FROM team_alert WHERE at_ms >= ? ORDER BY id DESC LIMIT " + READ_LIMIT + ") latest ORDER BY id")) {
            query.setLong(1, since.toEpochMilli());
            return read(query);
        }
    }

    private static List<Stored> read(PreparedStatement query) throws SQLException {
        List<Stored> alerts = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                alerts.add(new Stored(rows.getLong(1), new Alert(Instant.ofEpochMilli(rows.getLong(2)),
                        rows.getString(3), event(rows.getString(4)), rows.getString(5), rows.getString(6),
                        rows.getString(7), rows.getString(8), OptionalLong.empty()), rows.getString(9)));
            }
        }
        return alerts;
    }

    private static AlertEvent event(String name) {
        if (name == null) {
            return null;
        }
        try {
            return AlertEvent.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null; // written by a newer collector: shown by its text, like a summary
        }
    }
}
