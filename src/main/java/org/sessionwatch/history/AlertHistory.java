package org.sessionwatch.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

import org.sessionwatch.alerts.Alert;
import org.sessionwatch.config.AlertEvent;

/**
 * The {@code alert_log} table: fired alerts appended as they fire, read back by time. Portable SQL (SQLite and
 * PostgreSQL). The caller owns the connection and its transaction (the history recorder's writer thread).
 */
final class AlertHistory {
    /** Longer texts (a summary of many rules) are cut, so one odd alert never fails the whole write. */
    static final int MAX_TEXT = 2000;
    private static final int MAX_NAME = 255;

    private AlertHistory() {
    }

    static void append(Connection connection, List<Alert> alerts) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO alert_log (fired_ms, rule, event,"
                + " server, client, user_name, text) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Alert alert : alerts) {
                insert.setLong(1, alert.time().toEpochMilli());
                insert.setString(2, cut(alert.rule(), MAX_NAME));
                setNullable(insert, 3, alert.event() == null ? null : alert.event().name());
                setNullable(insert, 4, cut(alert.server(), MAX_NAME));
                setNullable(insert, 5, cut(alert.client(), MAX_NAME));
                setNullable(insert, 6, cut(alert.user(), MAX_NAME));
                insert.setString(7, cut(alert.text(), MAX_TEXT));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * The alerts fired in {@code [from, until)}, oldest first. They carry no session id: the tracker's ids belong to
     * the run that fired them.
     */
    static List<Alert> fired(Connection connection, Instant from, Instant until) throws SQLException {
        List<Alert> alerts = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT fired_ms, rule, event, server, client,"
                + " user_name, text FROM alert_log WHERE fired_ms >= ? AND fired_ms < ? ORDER BY fired_ms, id")) {
            query.setLong(1, from.toEpochMilli());
            query.setLong(2, until.toEpochMilli());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    alerts.add(new Alert(Instant.ofEpochMilli(rows.getLong(1)), rows.getString(2),
                            event(rows.getString(3)), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getString(7), OptionalLong.empty()));
                }
            }
        }
        return alerts;
    }

    /** A read for the writer thread, answering {@code answer}; its failure never rolls back the writes around it. */
    static WriterTask read(Instant from, Instant until, CompletableFuture<List<Alert>> answer, Path file) {
        return new WriterTask() {
            @Override
            public void run(Connection connection) {
                try {
                    answer.complete(fired(connection, from, until));
                } catch (SQLException e) {
                    answer.completeExceptionally(new HistoryException("Cannot read the kept alerts from " + file
                            + ": " + HistoryRecorder.plain(e), e));
                }
            }

            @Override
            public void abandon(String reason) {
                answer.completeExceptionally(new HistoryException(reason));
            }
        };
    }

    /** Deletes alerts fired before {@code cutoffMs}: history's retention applies to them as to sessions. */
    static int deleteBefore(Connection connection, long cutoffMs) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM alert_log WHERE fired_ms < ?")) {
            delete.setLong(1, cutoffMs);
            return delete.executeUpdate();
        }
    }

    /** An event name written by this or a later release; one this release does not know reads as a summary's none. */
    private static AlertEvent event(String name) {
        if (name == null) {
            return null;
        }
        try {
            return AlertEvent.parse(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
