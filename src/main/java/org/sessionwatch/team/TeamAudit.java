package org.sessionwatch.team;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

import org.sessionwatch.audit.ActionRecord;

/**
 * The team's shared audit table ({@code team_audit}): a console appends the outcome of each destructive action it
 * made, so the team sees who did what. A reader login may only append; the row's {@code db_user} is always the
 * login that wrote it (the database fills it in), never what the console claims.
 */
public final class TeamAudit {
    private TeamAudit() {
    }

    /**
     * One row.
     *
     * @param workstation the computer the action came from
     * @param action      {@code CLOSE_FILE} or {@code END_SESSION}
     * @param target      what it acted on: the file (path and id), or the client and user of the session
     * @param outcome     {@code DONE}, {@code ALREADY_GONE}, {@code REFUSED} or {@code UNSUPPORTED}, with the reason
     */
    public record Entry(Instant at, String workstation, String action, String server, String target,
                        String outcome) {
        public Entry {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(outcome, "outcome");
        }

        /** The row for an entry of the console's own audit log ({@code actions.log}). */
        public static Entry of(ActionRecord record, String workstation) {
            String target = record.action() == ActionRecord.Action.CLOSE_FILE
                    ? (record.path() == null ? "" : record.path() + " ") + "(file id " + record.fileId() + ")"
                    : "client " + (record.client() == null ? "any" : record.client()) + ", user "
                            + (record.user() == null ? "any" : record.user());
            String outcome = record.outcome().name() + (record.detail() == null ? "" : ": " + record.detail())
                    + (record.demo() ? " (demo data)" : "");
            return new Entry(record.at(), workstation, record.action().name(), record.server(), target, outcome);
        }
    }

    /** This computer's host name, as audit lines and the collector's heartbeat name the workstation. */
    public static String workstation() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            String fromEnvironment = System.getenv("HOSTNAME");
            return fromEnvironment != null ? fromEnvironment : "unknown-host";
        }
    }

    /**
     * Appends {@code entry} as the database's login.
     *
     * @throws TeamException with the reason in plain words (the caller logs it: the local audit log has the entry)
     */
    public static void append(TeamDatabase database, Entry entry) {
        try (Connection connection = database.connect("audit");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO team_audit (at_ms, workstation,"
                     + " action, server, target, outcome) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, entry.at().toEpochMilli());
            insert.setString(2, entry.workstation());
            insert.setString(3, entry.action());
            insert.setString(4, entry.server());
            insert.setString(5, entry.target());
            insert.setString(6, entry.outcome());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new TeamException(database.describe(e), e);
        }
    }
}
