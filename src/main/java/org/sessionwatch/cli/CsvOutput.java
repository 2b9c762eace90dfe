package org.sessionwatch.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.PollCycle;

/**
 * The {@code --format csv} output: RFC 4180 (comma separated, CRLF line ends, a header row, fields with a comma,
 * quote or line break quoted and inner quotes doubled). An absent value is an empty cell.
 *
 * <p>User and client names come from the network and end up opened in a spreadsheet, so a cell that starts with
 * {@code = + - @}, a tab or a carriage return gets a leading {@code '}: otherwise a user named {@code =HYPERLINK(...)}
 * would run as a formula on the helpdesk agent's machine (CSV injection).
 */
final class CsvOutput {
    static final List<String> SESSION_HEADER = List.of("polledAt", "server", "client", "user", "opens",
            "activeSeconds", "idleSeconds", "userFlags", "clientType", "transport", "level");
    static final String LINE_END = "\r\n";

    private CsvOutput() {
    }

    static String cycle(PollCycle cycle) {
        StringBuilder text = new StringBuilder(row(SESSION_HEADER));
        String polledAt = Timestamps.forMachines(cycle.polledAt());
        cycle.sessions().forEach(session -> {
            List<String> cells = new ArrayList<>();
            cells.add(polledAt);
            cells.addAll(sessionCells(session));
            text.append(row(cells));
        });
        return text.toString();
    }

    /** The cells after {@code polledAt} in {@link #SESSION_HEADER} order. */
    static List<String> sessionCells(Session session) {
        return List.of(session.server(), session.clientName().orElse(""), session.userName().orElse(""),
                number(session.openCount()), number(session.activeSeconds()), number(session.idleSeconds()),
                number(session.userFlags()), session.clientType().orElse(""), session.transport().orElse(""),
                Integer.toString(session.level().code()));
    }

    static String row(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        return line.append(LINE_END).toString();
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = startsLikeAFormula(value) ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\r') >= 0
                || safe.indexOf('\n') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static boolean startsLikeAFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static String number(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "";
    }
}
