package org.sessionwatch.cli;

import java.util.ArrayList;
import java.util.List;

import org.sessionwatch.format.Timestamps;
import org.sessionwatch.export.Csv;
import org.sessionwatch.export.SessionFields;
import org.sessionwatch.polling.PollCycle;

/**
 * The {@code --format csv} output of one poll: a header row, then one row per session, each starting with the poll
 * time and followed by the {@link SessionFields} (RFC 4180 with formula protection, see {@link Csv}).
 */
final class CsvOutput {
    static final List<String> SESSION_HEADER = header();

    private CsvOutput() {
    }

    static String cycle(PollCycle cycle) {
        StringBuilder text = new StringBuilder(Csv.row(SESSION_HEADER));
        String polledAt = Timestamps.forMachines(cycle.polledAt());
        cycle.sessions().forEach(session -> {
            List<String> cells = new ArrayList<>();
            cells.add(polledAt);
            cells.addAll(SessionFields.csvCells(session));
            text.append(Csv.row(cells));
        });
        return text.toString();
    }

    private static List<String> header() {
        List<String> names = new ArrayList<>();
        names.add("polledAt");
        names.addAll(SessionFields.NAMES);
        return List.copyOf(names);
    }
}
