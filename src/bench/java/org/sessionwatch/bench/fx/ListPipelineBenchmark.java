package org.sessionwatch.bench.fx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import org.sessionwatch.bench.BenchArgs;
import org.sessionwatch.bench.Figure;
import org.sessionwatch.bench.FigureOutput;
import org.sessionwatch.bench.Stats;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.ui.sessions.SessionRow;

/**
 * Where the table merge's time goes (figure 2's explanation, measured): the structural part of one merge, 1 % of
 * 100,000 rows leaving and as many arriving ({@code removeAll} + {@code addAll}, as {@code SessionTableModel} does),
 * pushed through the window's list pipeline (a FilteredList, then a SortedList by server and user), against the same
 * changes through the FilteredList alone. No JavaFX toolkit, no table: the lists only.
 */
public final class ListPipelineBenchmark {

    private ListPipelineBenchmark() {
    }

    public static void main(String[] argv) {
        BenchArgs args = new BenchArgs(argv);
        int rowCount = args.intValue("rows", 100_000);
        int rounds = args.intValue("rounds", 15);
        Comparator<SessionRow> byServerAndUser = Comparator.comparing(SessionRow::server,
                String.CASE_INSENSITIVE_ORDER).thenComparing(SessionRow::user, String.CASE_INSENSITIVE_ORDER);
        Stats filteredOnly = null;
        Stats withSorted = null;
        for (int repeat = 0; repeat < 2; repeat++) { // the first pass warms up the JIT
            filteredOnly = measure(rowCount, rounds, null);
            withSorted = measure(rowCount, rounds, byServerAndUser);
        }
        FigureOutput.progress("structural changes per merge: filtered list %s ms, + sorted list %s ms", filteredOnly,
                withSorted);
        FigureOutput.emit(Figure.lowerIsBetter("table.sorted_list_share", withSorted.median(), "ms",
                filteredOnly.median(), "the same changes through the FilteredList alone", null, null,
                "removeAll of 333 scattered rows + addAll of 333 new ones on a 100,000-row list under the window's"
                        + " FilteredList and SortedList (by server and user), median of " + rounds + "; JavaFX's"
                        + " SortedList updates its index arrays over all rows for every single row added or removed,"
                        + " so its cost grows with changes x rows"));
    }

    /** Median time of the structural changes per merge; {@code order} null means no SortedList on top. */
    private static Stats measure(int rowCount, int rounds, Comparator<SessionRow> order) {
        Random random = new Random(11);
        Instant seen = Instant.parse("2026-11-24T09:00:00Z");
        ObservableList<SessionRow> rows = FXCollections.observableArrayList();
        List<SessionRow> initial = new ArrayList<>(rowCount);
        int user = 0;
        for (int i = 0; i < rowCount; i++) {
            initial.add(row(i % 500, user++, seen));
        }
        rows.setAll(initial);
        ObservableList<SessionRow> top = new FilteredList<>(rows, r -> !r.user().equals("user607"));
        if (order != null) {
            top = new SortedList<>(top, order);
        }
        top.addListener((ListChangeListener<SessionRow>) change -> {
            while (change.next()) {
                // a table would react here; consuming the change is enough to make every list above do its work
            }
        });
        List<Double> millis = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Set<SessionRow> removed = Collections.newSetFromMap(new IdentityHashMap<>());
            while (removed.size() < rowCount / 300) {
                removed.add(rows.get(random.nextInt(rows.size())));
            }
            List<SessionRow> added = new ArrayList<>();
            for (int i = 0; i < rowCount / 300; i++) {
                added.add(row(random.nextInt(500), user++, seen));
            }
            long start = System.nanoTime();
            rows.removeAll(removed);
            rows.addAll(added);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return Stats.of(millis);
    }

    private static SessionRow row(int server, int user, Instant seen) {
        return SessionRow.of(Session.builder("FS-%03d".formatted(server), InfoLevel.LEVEL_502)
                .clientName("10.0." + (user / 250 % 250) + "." + (user % 250)).userName("user" + user)
                .activeSeconds(600).build(), seen);
    }
}
