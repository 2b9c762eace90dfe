package org.sessionwatch.ui.sessions;

import java.util.List;
import java.util.OptionalLong;

import org.sessionwatch.format.HumanDurations;
import org.sessionwatch.format.HumanDurations.Precision;
import org.sessionwatch.netapi.Session;

import static org.sessionwatch.format.HumanDurations.Style.SPACED;

/** The text forms of a row the table and the clipboard share. */
public final class RowText {
    /** Column titles in table order. */
    public static final List<String> HEADERS = List.of("Server", "User", "Client", "Host name", "Opens",
            "Connected", "Idle", "Client type", "Transport", "Flags");

    private RowText() {
    }

    /** The row's cells in {@link #HEADERS} order, durations in human form. */
    public static List<String> cells(SessionRow row) {
        Session s = row.getSession();
        return List.of(row.server(), row.user(), row.client(), nullToEmpty(row.getHostName()),
                number(s.openCount()), duration(s.activeSeconds()), duration(s.idleSeconds()), row.clientType(),
                row.transport(), row.flagsText());
    }

    /** One line, tab-separated, as spreadsheets paste it. */
    public static String tabSeparated(SessionRow row) {
        return String.join("\t", cells(row).stream().map(c -> c.replace('\t', ' ')).toList());
    }

    public static String duration(OptionalLong seconds) {
        return seconds.isPresent() ? duration(seconds.getAsLong()) : "";
    }

    /**
     * A connected or idle time as the table shows it: to the minute from a minute on ({@link Precision#MINUTES}), so
     * that a poll that ages every session changes a cell once a minute; the details pane shows the seconds.
     */
    public static String duration(long seconds) {
        return HumanDurations.ofSeconds(seconds, SPACED, Precision.MINUTES);
    }

    /** What of {@code seconds} {@link #duration(long)} shows: equal for two durations exactly when their texts are. */
    public static long durationShown(long seconds) {
        return HumanDurations.shownPart(seconds, Precision.MINUTES);
    }

    private static String number(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
