package org.sessionwatch.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.sessionwatch.format.Timestamps;
import org.sessionwatch.format.HumanDurations;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.netapi.UserFlags;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;

import static org.sessionwatch.format.HumanDurations.Style.COMPACT;

/**
 * The default {@code --format table} output for people: aligned session columns with readable durations, then one
 * status line per server with the error in plain language. "-" marks a value the server did not give; an empty flags
 * cell means no flag is set.
 */
final class TableOutput {
    static final List<String> SESSION_HEADER = List.of("SERVER", "CLIENT", "USER", "OPENS", "CONNECTED", "IDLE",
            "FLAGS", "CLIENT TYPE", "TRANSPORT", "LEVEL");
    static final List<String> SERVER_HEADER = List.of("SERVER", "STATUS", "LEVEL", "SESSIONS", "TIME", "ERROR");
    private static final String ABSENT = "-";

    private TableOutput() {
    }

    static String cycle(PollCycle cycle) {
        List<Session> sessions = cycle.sessions().toList();
        long answered = cycle.results().size() - cycle.failedCount();
        StringBuilder text = new StringBuilder();
        text.append("Polled at ").append(Timestamps.forPeople(cycle.polledAt())).append(": ").append(sessions.size())
                .append(sessions.size() == 1 ? " session" : " sessions").append(" on ").append(answered)
                .append(" of ").append(cycle.results().size()).append(cycle.results().size() == 1 ? " server" : " servers")
                .append(System.lineSeparator()).append(System.lineSeparator());
        if (sessions.isEmpty()) {
            text.append("No sessions.").append(System.lineSeparator());
        } else {
            List<List<String>> rows = new ArrayList<>();
            rows.add(SESSION_HEADER);
            sessions.forEach(s -> rows.add(sessionRow(s)));
            text.append(align(rows));
        }
        text.append(System.lineSeparator());
        List<List<String>> servers = new ArrayList<>();
        servers.add(SERVER_HEADER);
        cycle.results().forEach(r -> servers.add(serverRow(r)));
        return text.append(align(servers)).toString();
    }

    static List<String> sessionRow(Session s) {
        return List.of(s.server(), text(s.clientName().orElse(ABSENT)), text(s.userName().orElse(ABSENT)),
                number(s.openCount()), duration(s.activeSeconds()), duration(s.idleSeconds()), flags(s.userFlags()),
                text(s.clientType().orElse(ABSENT)), text(s.transport().orElse(ABSENT)), s.level().toString());
    }

    /**
     * Names from the network shown on a terminal: a control character would break the alignment, and an escape
     * sequence in a client type could rewrite the agent's screen, so each one becomes '?'.
     */
    static String text(String value) {
        StringBuilder safe = new StringBuilder(value.length());
        value.codePoints().forEach(c -> safe.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return safe.toString();
    }

    private static List<String> serverRow(ServerPollResult result) {
        String time = HumanDurations.ofPoll(result.duration());
        return switch (result) {
            case ServerPollResult.Ok ok when ok.filterMiss() != null -> List.of(ok.server(), "NO MATCH",
                    String.valueOf(ok.level()), "0", time, ok.filterMiss().describe(ok.server(), null));
            case ServerPollResult.Ok ok -> List.of(ok.server(), "OK", String.valueOf(ok.level()),
                    Integer.toString(ok.sessions().size()), time, "");
            case ServerPollResult.Failed failed -> List.of(failed.server(), failed.error().kind().name(),
                    failed.level() == null ? ABSENT : failed.level().toString(), ABSENT, time,
                    failed.error().describe());
        };
    }

    /** Pads every column but the last to its widest cell; no line ends in spaces. */
    static String align(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(row.get(c));
                if (c < columns - 1) {
                    line.append(" ".repeat(widths[c] - row.get(c).length() + 2));
                }
            }
            text.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }

    private static String number(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : ABSENT;
    }

    private static String duration(OptionalLong seconds) {
        return seconds.isPresent() ? HumanDurations.ofSeconds(seconds.getAsLong(), COMPACT) : ABSENT;
    }

    private static String flags(OptionalLong flags) {
        return flags.isPresent() ? String.join(", ", UserFlags.describe(flags.getAsLong())) : ABSENT;
    }
}
