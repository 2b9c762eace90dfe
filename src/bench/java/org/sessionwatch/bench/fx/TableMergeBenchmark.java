package org.sessionwatch.bench.fx;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import org.sessionwatch.bench.BenchArgs;
import org.sessionwatch.bench.EstateSnapshots;
import org.sessionwatch.bench.Figure;
import org.sessionwatch.bench.FigureOutput;
import org.sessionwatch.bench.Stats;
import org.sessionwatch.polling.PollSource;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.ui.AppContext;
import org.sessionwatch.ui.sessions.FilterChip;
import org.sessionwatch.ui.sessions.SessionRow;

/**
 * Figure 2: one 100,000-session poll cycle with 1 % churn shown by the real window's table (sorted by server and user
 * as the window starts, one hide-user filter active, a row selected), on headless Monocle.
 *
 * <p>Two figures per cycle. Off the FX thread: the window's tracker thread runs {@code SessionTracker.completeCycle},
 * whose subscribers (the table's change computation: matching events to rows, filter, sort, change script; the server
 * list) run inside it. On the FX thread: its CPU time from the cycle's start until the pulses after the cycle's
 * first layout pulse have run (everything the tracker thread posted, then the pulses' CSS, layout and rendering, as
 * JavaFX does them for any change: only the nodes whose style may have changed are re-styled); the posted tasks and
 * that first pulse's CSS and layout alone are in the notes. Each cycle is built before it is applied, untimed, as the
 * app decodes a cycle's answers before it completes the cycle. Baseline: the same snapshots as the first measured
 * merges (the estate is generated again from the same seed) shown the standard JavaFX way, {@code setAll} of fresh
 * rows into an observable list under a FilteredList and a SortedList in the same table (filter and full sort on the FX
 * thread), timed the same way in the same run after warm-up rounds of its own.
 */
public final class TableMergeBenchmark {
    static final double TARGET_MEDIAN_MS = 20;
    static final double TARGET_OFF_FX_MS = 60;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    /**
     * How long after a cycle's first layout pulse its FX-thread time is still counted: that pulse's rendering and the
     * pulses that follow (CSS and layout of what changed meanwhile, rendering and, on Monocle, copying the frame) are
     * the cycle's cost too.
     */
    private static final long PULSES_MS = 60;
    private static long fxThreadId;

    private TableMergeBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = new BenchArgs(argv);
        int servers = args.intValue("servers", 500);
        int perServer = args.intValue("perServer", 200);
        // 30 cycles: a window that has polled for 7.5 minutes at the default 15 s interval, its code compiled
        int warmup = args.intValue("warmup", 30);
        int merges = args.intValue("merges", 30);
        int baselineRounds = args.intValue("baselineRounds", 20);
        int baselineWarmup = args.intValue("baselineWarmup", 2);

        EstateSnapshots estate = new EstateSnapshots(servers, perServer, 0.01);
        List<ServerConfig> configured = estate.servers().stream().map(s -> ServerConfig.of(s, Backend.SRVSVC))
                .toList();
        AppConfig config = AppConfig.defaults().withServers(configured);
        CountDownLatch closed = new CountDownLatch(1);
        // The FX thread's share: every task the window posts, timed where it runs.
        AtomicLong postedNanos = new AtomicLong();
        // The same in CPU time of the thread: other builds on a shared machine stretch the wall clock, much less this.
        AtomicLong postedCpuNanos = new AtomicLong();
        Fx.start();
        BenchWindow window = Fx.call(() -> BenchWindow.open(config, new PollSource() {
            @Override
            public PollCycle poll(Consumer<ServerPollResult> onResult) {
                // The scheduler's own poll never returns: the benchmark hands cycles to the tracker itself.
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
        }, task -> Platform.runLater(() -> {
            long start = System.nanoTime();
            long cpuStart = CPU.getCurrentThreadCpuTime();
            task.run();
            postedNanos.addAndGet(System.nanoTime() - start);
            postedCpuNanos.addAndGet(CPU.getCurrentThreadCpuTime() - cpuStart);
        })));
        AppContext context = window.context;
        // The scheduler's poll would stay "running" for the whole benchmark, and its spinner would animate (and be
        // rendered) on every frame, which a window between polls does not do: paused, as between two polls.
        Fx.run(() -> context.scheduler().pause());
        fxThreadId = Fx.call(() -> Thread.currentThread().threadId());
        try {
            PollCycle first = estate.next();
            double[] initial = applyCycle(context, window, first, postedNanos, postedCpuNanos);
            Fx.run(() -> {
                context.sessions().filters().hide(FilterChip.Kind.USER, "user" + (perServer * 3 + 7));
                if (args.stringValue("sorted", "true").equals("false")) {
                    window.table.getSortOrder().clear(); // to see what sorting costs
                }
            });
            settle(context);
            SessionRow selected = Fx.call(() -> {
                SessionRow keep = context.sessions().visibleRows().stream()
                        .filter(r -> r.server().equals(estate.servers().getFirst()) && r.user().equals("user0"))
                        .findFirst().orElseThrow();
                window.table.getSelectionModel().select(keep);
                window.table.scrollTo(keep);
                window.styleAndLayoutAll();
                return keep;
            });
            FigureOutput.progress("initial load of %d sessions: %.0f ms off the FX thread, %.0f ms on it",
                    estate.sessionCount(), initial[0], initial[1]);

            List<Double> offFxMs = new ArrayList<>();
            List<Double> fxMs = new ArrayList<>();
            List<Double> offFxCpuMs = new ArrayList<>();
            List<Double> fxCpuMs = new ArrayList<>();
            int selectionKept = 0;
            List<Double> cycleFxCpuMs = new ArrayList<>();
            for (int i = 0; i < warmup + merges; i++) {
                // Built before it is applied, as the app decodes a cycle's answers before the cycle completes: a
                // builder thread running alongside would take a core the app's tracker thread has to itself.
                PollCycle cycle = estate.next();
                double[] ms = applyCycle(context, window, cycle, postedNanos, postedCpuNanos);
                boolean kept = Fx.call(() -> window.table.getSelectionModel().getSelectedItem() == selected
                        && window.table.getItems().get(window.table.getSelectionModel().getSelectedIndex())
                        == selected);
                if (i >= warmup) {
                    offFxMs.add(ms[0]);
                    fxMs.add(ms[1]);
                    offFxCpuMs.add(ms[2]);
                    fxCpuMs.add(ms[3]);
                    cycleFxCpuMs.add(ms[4]);
                    selectionKept += kept ? 1 : 0;
                }
            }
            int rows = Fx.call(() -> context.sessions().totalProperty().get());
            int visible = Fx.call(() -> window.table.getItems().size());

            // Baseline: the standard pipeline in the same window, the same filter and order, fresh rows each cycle, on
            // the very snapshots the first measured merges applied (the same seed replays the same cycles), after
            // warm-up rounds of its own as the merges had theirs.
            EstateSnapshots replay = new EstateSnapshots(servers, perServer, 0.01);
            for (int i = 0; i < 1 + warmup; i++) {
                replay.next();
            }
            String hidden = "user" + (perServer * 3 + 7);
            Comparator<SessionRow> byServerAndUser = Comparator.comparing(SessionRow::server,
                    String.CASE_INSENSITIVE_ORDER).thenComparing(SessionRow::user, String.CASE_INSENSITIVE_ORDER);
            ObservableList<SessionRow> all = FXCollections.observableArrayList();
            SortedList<SessionRow> sorted = new SortedList<>(new FilteredList<>(all,
                    r -> !r.user().equalsIgnoreCase(hidden)), byServerAndUser);
            Fx.run(() -> window.table.setItems(sorted));
            List<Double> baselineMs = new ArrayList<>();
            List<Double> baselineCpuMs = new ArrayList<>();
            List<Double> baselineCycleCpuMs = new ArrayList<>();
            int baselineKept = 0;
            for (int i = 0; i < baselineWarmup + baselineRounds; i++) {
                boolean measured = i >= baselineWarmup;
                List<SessionRow> fresh = freshRows(replay.next());
                String selectedKey = selected.key().toString();
                Fx.run(() -> all.stream().filter(r -> r.key().toString().equals(selectedKey)).findFirst()
                        .ifPresent(r -> window.table.getSelectionModel().select(r)));
                long fxCpuBefore = fxThreadCpuNanos();
                double[] set = timeOnFx(() -> all.setAll(fresh));
                double[] pulse = window.nextLayoutPulse(TableMergeBenchmark::fxThreadCpuNanos);
                double[] round = {set[0] + pulse[0], set[1] + pulse[1]};
                double cycleCpu = afterPulses(fxCpuBefore);
                boolean kept = Fx.call(() -> {
                    SessionRow now = window.table.getSelectionModel().getSelectedItem();
                    return now != null && now.key().toString().equals(selectedKey);
                });
                if (measured) {
                    baselineCycleCpuMs.add(cycleCpu);
                    baselineMs.add(round[0]);
                    baselineCpuMs.add(round[1]);
                    baselineKept += kept ? 1 : 0;
                }
            }

            // Control: what the FX thread spends on its own (pulses of an unchanged window) over a window as long
            // as a cycle's, so the cycle figures can be read against it.
            long idleBefore = fxThreadCpuNanos();
            long idleStart = System.nanoTime();
            Thread.sleep(2_000);
            double idlePer100Ms = (fxThreadCpuNanos() - idleBefore) / 1e6 / ((System.nanoTime() - idleStart) / 1e8);

            Stats cycle = Stats.of(cycleFxCpuMs);
            Stats baselineCycle = Stats.of(baselineCycleCpuMs);
            Stats merge = Stats.of(fxMs);
            Stats offFx = Stats.of(offFxMs);
            Stats baseline = Stats.of(baselineMs);
            Stats mergeCpu = Stats.of(fxCpuMs);
            Stats offFxCpu = Stats.of(offFxCpuMs);
            Stats baselineCpu = Stats.of(baselineCpuMs);
            FigureOutput.progress("FX thread per cycle, pulses included (CPU): merge %s ms; setAll %s ms; idle window"
                    + " %.2f ms per 100 ms", cycle, baselineCycle, idlePer100Ms);
            FigureOutput.progress("posted tasks + the next pulse's CSS and layout: FX %s ms; tracker thread %s ms;"
                    + " setAll %s ms; selection kept %d/%d (setAll: %d/%d)", merge, offFx, baseline, selectionKept,
                    merges,
                    baselineKept, baselineRounds);
            FigureOutput.progress("the same in CPU time of the thread: FX %s ms; tracker %s ms; setAll %s ms",
                    mergeCpu, offFxCpu, baselineCpu);
            String setup = String.format(Locale.ROOT, "%d sessions (%d servers x %d), 1 %% churn per cycle (ends,"
                            + " new sessions, changed idle/open) and every connected time advancing; real main"
                            + " window (FXML, view models), sorted by server and user, one hide-user filter (%d"
                            + " rows shown), 1360x840, headless Monocle, software rendering; the FX thread's CPU time"
                            + " from the cycle's start until %d ms after its first layout pulse (what the tracker"
                            + " thread posted, then the pulses' CSS, layout and rendering); %d merges after %d"
                            + " warm-up; initial load of all rows %.0f ms off the FX thread, %.0f ms on it; an idle"
                            + " window's FX thread spends %.2f ms per 100 ms",
                    rows, servers, perServer, visible, PULSES_MS, merges, warmup, initial[0], initial[1],
                    idlePer100Ms);
            FigureOutput.emit(Figure.lowerIsBetter("table.merge_fx_ms.median", cycle.median(), "ms",
                    baselineCycle.median(), "setAll of fresh rows of the same snapshots under FilteredList +"
                            + " SortedList in the same table, measured the same way (median of " + baselineRounds
                            + " after " + baselineWarmup + " warm-up rounds)", "<= 20 ms",
                    cycle.median() <= TARGET_MEDIAN_MS,
                    setup + "; per cycle " + cycle + " ms, setAll " + baselineCycle + " ms; the posted tasks and"
                            + " the first pulse's CSS and layout alone, by the wall clock: " + merge + " ms (setAll "
                            + baseline + " ms), in CPU time " + mergeCpu + " ms (setAll " + baselineCpu + " ms)"));
            FigureOutput.emit(Figure.lowerIsBetter("table.merge_fx_ms.worst", cycle.max(), "ms", baselineCycle.max(),
                    "setAll of fresh rows + full re-sort (worst)", null, null, "worst of the measured merges"));
            double speedup = baselineCycle.median() / cycle.median();
            FigureOutput.emit(new Figure("table.merge_speedup_vs_setall", speedup, "x", baselineCycle.median(),
                    "setAll + re-sort median, ms", speedup, "baseline median / merge median", ">= 10x",
                    speedup >= 10, String.format(Locale.ROOT, "same snapshots, same table, same run, both measured"
                            + " per cycle with pulses; the posted tasks and the first pulse's CSS and layout alone:"
                            + " %.1f x by the wall clock, %.1f x in CPU time", baseline.median() / merge.median(),
                            baselineCpu.median() / mergeCpu.median())));
            FigureOutput.emit(Figure.plain("table.merge_off_fx_ms.median", offFx.median(), "ms", "<= 60 ms",
                    offFx.median() <= TARGET_OFF_FX_MS, "the tracker thread's time for the same cycles:"
                            + " SessionTracker.completeCycle with its subscribers (the table's change computation:"
                            + " events to rows, filter, sort, change script; the server list); " + offFx + " ms (its"
                            + " CPU time " + offFxCpu + " ms)"));
            FigureOutput.emit(Figure.plain("table.selection_kept", selectionKept, "of " + merges + " merges",
                    "all " + merges, selectionKept == merges, "the selected row object stays selected at its new"
                            + " index after every merge; with setAll the selection survived " + baselineKept + " of "
                            + baselineRounds + " rounds"));
        } finally {
            closed.countDown();
            Fx.run(window::close);
        }
        System.exit(0);
    }

    /**
     * Applies one cycle as the scheduler's end of cycle does, on the window's tracker thread, and waits until the FX
     * thread has run what it posted. Returns {tracker-thread ms, FX-thread ms up to the end of the next pulse's
     * layout}, then the same two in CPU time of those threads.
     */
    private static double[] applyCycle(AppContext context, BenchWindow window, PollCycle cycle, AtomicLong postedNanos,
                                       AtomicLong postedCpuNanos) throws Exception {
        CompletableFuture<double[]> offFx = new CompletableFuture<>();
        Fx.run(() -> {
            postedNanos.set(0);
            postedCpuNanos.set(0);
        });
        long fxCpuBefore = fxThreadCpuNanos();
        context.trackerThread().execute(() -> {
            long start = System.nanoTime();
            long cpuStart = CPU.getCurrentThreadCpuTime();
            context.tracker().completeCycle(cycle);
            offFx.complete(new double[] {(System.nanoTime() - start) / 1e6,
                    (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e6});
        });
        double[] tracker = offFx.get();
        // Queued behind everything the tracker thread posted for the cycle.
        double[] layout = window.nextLayoutPulse(TableMergeBenchmark::fxThreadCpuNanos);
        double[] posted = Fx.call(() -> new double[] {postedNanos.get() / 1e6, postedCpuNanos.get() / 1e6});
        return new double[] {tracker[0], posted[0] + layout[0], tracker[1], posted[1] + layout[1],
                afterPulses(fxCpuBefore)};
    }

    /**
     * The FX thread's CPU time since {@code fxCpuBefore}, read {@link #PULSES_MS} after the caller's last FX task:
     * everything the thread did for the change, pulses and rendering included, in milliseconds.
     */
    private static double afterPulses(long fxCpuBefore) throws InterruptedException {
        Thread.sleep(PULSES_MS);
        return (fxThreadCpuNanos() - fxCpuBefore) / 1e6;
    }

    private static long fxThreadCpuNanos() {
        return CPU.getThreadCpuTime(fxThreadId);
    }

    /** Waits until the tracker thread and then the FX thread have run everything queued so far. */
    private static void settle(AppContext context) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.trackerThread().execute(() -> Platform.runLater(() -> done.complete(null)));
        done.get();
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

    /** Runs {@code work} on the FX thread and returns how long it took there, in milliseconds: {wall, CPU}. */
    private static double[] timeOnFx(Runnable work) throws Exception {
        return Fx.call(() -> {
            long start = System.nanoTime();
            long cpuStart = CPU.getCurrentThreadCpuTime();
            work.run();
            return new double[] {(System.nanoTime() - start) / 1e6, (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e6};
        });
    }
}
