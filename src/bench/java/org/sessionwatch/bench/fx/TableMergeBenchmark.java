package org.sessionwatch.bench.fx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.sessionwatch.bench.BenchArgs;
import org.sessionwatch.bench.EstateSnapshots;
import org.sessionwatch.bench.Figure;
import org.sessionwatch.bench.FigureOutput;
import org.sessionwatch.bench.Stats;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.PollSource;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.ui.main.MainViewModel;
import org.sessionwatch.ui.sessions.FilterChip;
import org.sessionwatch.ui.sessions.SessionRow;

/**
 * Figure 2: merging a 100,000-session poll cycle with 1 % churn into the real window's table (sorted by server and
 * user as the window starts, one hide-user filter active, a row selected), on the FX thread of headless Monocle.
 *
 * <p>Timed on the FX thread: {@link MainViewModel#apply} as the poll scheduler calls it (keyed merge into the row
 * list, the filtered and sorted lists, counts, server health, the re-sort the table does after each poll) plus the
 * CSS and layout pass of the window. The next cycle is built on another thread meanwhile, untimed. Baseline: the same
 * snapshots shown by replacing every row ({@code setAll} of fresh rows, which makes the sorted list sort from
 * scratch), timed the same way.
 */
public final class TableMergeBenchmark {
    static final double TARGET_MEDIAN_MS = 20;

    private TableMergeBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = new BenchArgs(argv);
        int servers = args.intValue("servers", 500);
        int perServer = args.intValue("perServer", 200);
        int warmup = args.intValue("warmup", 5);
        int merges = args.intValue("merges", 30);
        int baselineRounds = args.intValue("baselineRounds", 8);

        EstateSnapshots estate = new EstateSnapshots(servers, perServer, 0.01);
        List<ServerConfig> configured = estate.servers().stream().map(s -> ServerConfig.of(s, Backend.SRVSVC))
                .toList();
        AppConfig config = AppConfig.defaults().withServers(configured);
        CountDownLatch closed = new CountDownLatch(1);
        Fx.start();
        BenchWindow window = Fx.call(() -> BenchWindow.open(config, new PollSource() {
            @Override
            public PollCycle poll(Consumer<ServerPollResult> onResult) {
                // The scheduler's own poll never returns: the benchmark hands cycles to the view model itself.
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("closed");
            }

            @Override
            public void close() {
            }
        }));
        MainViewModel model = window.context.mainViewModel();
        ExecutorService builder = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().factory());
        try {
            PollCycle first = estate.next();
            double initialMs = timeOnFx(() -> {
                model.apply(first);
                window.layout();
            });
            SessionRow selected = Fx.call(() -> {
                model.filters().hide(FilterChip.Kind.USER, "user" + (perServer * 3 + 7));
                if (args.stringValue("sorted", "true").equals("false")) {
                    window.table.getSortOrder().clear(); // to see what the sorted list costs
                }
                SessionRow keep = model.sessions().rows().stream()
                        .filter(r -> r.server().equals(estate.servers().getFirst()) && r.user().equals("user0"))
                        .findFirst().orElseThrow();
                window.table.getSelectionModel().select(keep);
                window.table.scrollTo(keep);
                window.layout();
                return keep;
            });
            FigureOutput.progress("initial load of %d sessions: %.0f ms on the FX thread", estate.sessionCount(),
                    initialMs);

            List<Double> mergeMs = new ArrayList<>();
            int selectionKept = 0;
            Future<PollCycle> next = builder.submit(estate::next);
            for (int i = 0; i < warmup + merges; i++) {
                PollCycle cycle = next.get();
                next = builder.submit(estate::next);
                double ms = timeOnFx(() -> {
                    model.apply(cycle);
                    window.layout();
                });
                boolean kept = Fx.call(() -> window.table.getSelectionModel().getSelectedItem() == selected
                        && window.table.getItems().get(window.table.getSelectionModel().getSelectedIndex())
                        == selected);
                if (i >= warmup) {
                    mergeMs.add(ms);
                    selectionKept += kept ? 1 : 0;
                }
            }
            int rows = Fx.call(() -> model.sessions().rows().size());
            int visible = Fx.call(() -> window.table.getItems().size());

            List<Double> baselineMs = new ArrayList<>();
            int baselineKept = 0;
            for (int i = 0; i < baselineRounds; i++) {
                PollCycle cycle = next.get();
                next = builder.submit(estate::next);
                List<SessionRow> fresh = freshRows(cycle);
                // The same session as before, shown by a new row object: selected before, still selected after?
                SessionRow shown = Fx.call(() -> model.sessions().rows().stream()
                        .filter(r -> r.key().equals(selected.key())).findFirst().orElseThrow());
                Fx.run(() -> window.table.getSelectionModel().select(shown));
                baselineMs.add(timeOnFx(() -> {
                    model.sessions().rows().setAll(fresh);
                    window.layout();
                }));
                baselineKept += Fx.call(() -> {
                    SessionRow now = window.table.getSelectionModel().getSelectedItem();
                    return now != null && now.key().equals(selected.key());
                }) ? 1 : 0;
            }

            Stats merge = Stats.of(mergeMs);
            Stats baseline = Stats.of(baselineMs);
            FigureOutput.progress("merge %s ms; setAll %s ms; selection kept %d/%d (setAll: %d/%d)", merge,
                    baseline, selectionKept, merges, baselineKept, baselineRounds);
            String setup = String.format(Locale.ROOT, "%d sessions (%d servers x %d), 1 %% churn per cycle (ends,"
                            + " new sessions, changed idle/open) and every connected time advancing; real main"
                            + " window (FXML, view models), sorted by server and user, one hide-user filter (%d"
                            + " rows shown), 1360x840, headless Monocle, software rendering; FX-thread time of"
                            + " MainViewModel.apply + CSS/layout pass; %d merges after %d warm-up; initial load of"
                            + " all rows %.0f ms",
                    rows, servers, perServer, visible, merges, warmup, initialMs);
            FigureOutput.emit(Figure.lowerIsBetter("table.merge_fx_ms.median", merge.median(), "ms",
                    baseline.median(), "setAll of fresh rows + full re-sort (median of " + baselineRounds + ")",
                    "<= 20 ms", merge.median() <= TARGET_MEDIAN_MS, setup + "; merge " + merge + " ms; baseline "
                            + baseline + " ms"));
            FigureOutput.emit(Figure.lowerIsBetter("table.merge_fx_ms.worst", merge.max(), "ms", baseline.max(),
                    "setAll of fresh rows + full re-sort (worst)", null, null, "worst of the measured merges"));
            double speedup = baseline.median() / merge.median();
            FigureOutput.emit(new Figure("table.merge_speedup_vs_setall", speedup, "x", baseline.median(),
                    "setAll + re-sort median, ms", speedup, "baseline median / merge median", ">= 10x",
                    speedup >= 10, "same snapshots, same window"));
            FigureOutput.emit(Figure.plain("table.selection_kept", selectionKept, "of " + merges + " merges",
                    "all " + merges, selectionKept == merges, "the selected row object stays selected at its new"
                            + " index after every merge; with setAll the selection survived " + baselineKept + " of "
                            + baselineRounds + " rounds"));
        } finally {
            closed.countDown();
            Fx.run(window::close);
            builder.shutdownNow();
        }
        System.exit(0);
    }

    private static List<SessionRow> freshRows(PollCycle cycle) {
        List<SessionRow> rows = new ArrayList<>();
        for (ServerPollResult result : cycle.results()) {
            if (result instanceof ServerPollResult.Ok ok) {
                Instant seen = ok.finishedAt();
                for (Session session : ok.sessions()) {
                    rows.add(SessionRow.of(session, seen));
                }
            }
        }
        return rows;
    }

    /** Runs {@code work} on the FX thread and returns how long it took there, in milliseconds. */
    private static double timeOnFx(Runnable work) throws Exception {
        return Fx.call(() -> {
            long start = System.nanoTime();
            work.run();
            return (System.nanoTime() - start) / 1e6;
        });
    }
}
