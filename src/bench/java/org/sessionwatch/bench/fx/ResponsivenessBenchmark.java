package org.sessionwatch.bench.fx;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.application.Platform;

import org.sessionwatch.bench.BenchArgs;
import org.sessionwatch.bench.Figure;
import org.sessionwatch.bench.FigureOutput;
import org.sessionwatch.bench.Stats;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.Poller;
import org.sessionwatch.polling.PollerOptions;
import org.sessionwatch.polling.SimulatedFleet;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.polling.PollSource;

/**
 * Figure 7: the longest FX-thread pause while the real window (headless Monocle) shows about 100,000 sessions from a
 * 500-server simulated fleet (10 % hung, 2 % denying, 20–200 ms answers) for 100 poll cycles through the app's own
 * poll scheduler and poller. Cycles run back to back, faster than real: deadline 300 ms, and the next poll is
 * requested as soon as a cycle has been applied, instead of waiting the poll interval.
 *
 * <p>Pauses are gaps between pulses ({@link PulseRecorder}). The first cycle, which adds all 100,000 rows at once,
 * is reported separately from the steady state. Baseline: the same window, same rows, idle for five seconds.
 */
public final class ResponsivenessBenchmark {
    static final double TARGET_MS = 50;

    private ResponsivenessBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = new BenchArgs(argv);
        int cycles = args.intValue("cycles", 100);
        int servers = args.intValue("servers", 500);
        int perServer = args.intValue("perServer", 228);
        SimulatedFleet fleet = new SimulatedFleet(servers, 0.10, 0.02, perServer, 0.01, 7, true);
        PollerOptions options = PollerOptions.defaults().withServerDeadline(Duration.ofMillis(300))
                .withMaxConcurrency(servers).withJitter(Duration.ZERO);
        Poller poller = new Poller(fleet, options);
        AtomicInteger polled = new AtomicInteger();
        PollSource source = new PollSource() {
            @Override
            public PollCycle poll(java.util.function.Consumer<org.sessionwatch.polling.ServerPollResult> onResult) {
                fleet.startCycle(polled.incrementAndGet());
                return poller.poll(fleet.servers(), onResult);
            }

            @Override
            public void close() {
                poller.close();
            }
        };

        Fx.start();
        PulseRecorder pulses = new PulseRecorder();
        CompletableFuture<Void> firstApplied = new CompletableFuture<>();
        CompletableFuture<Void> allApplied = new CompletableFuture<>();
        long[] initialPauseStart = new long[1];
        BenchWindow window = Fx.call(() -> {
            pulses.begin();
            BenchWindow w = BenchWindow.open(AppConfig.defaults().withServers(fleet.servers()), source);
            w.context.status().pollCountProperty().addListener((obs, old, count) -> {
                if (count.intValue() == 1) {
                    firstApplied.complete(null);
                }
                if (count.intValue() >= cycles + 1) {
                    allApplied.complete(null);
                    w.context.scheduler().pause();
                } else {
                    // Back to back: ask for the next poll once this one's handlers have run.
                    Platform.runLater(() -> w.context.scheduler().refreshNow());
                }
            });
            return w;
        });
        try {
            firstApplied.get(2, TimeUnit.MINUTES);
            List<Double> initial = Fx.call(pulses::end);
            int rows = Fx.call(() -> window.context.sessions().totalProperty().get());
            long started = System.nanoTime();
            Fx.run(pulses::begin);
            allApplied.get(10, TimeUnit.MINUTES);
            List<Double> steady = Fx.call(pulses::end);
            double seconds = (System.nanoTime() - started) / 1e9;
            Fx.run(pulses::begin);
            Thread.sleep(5_000);
            List<Double> idle = Fx.call(pulses::end);
            int rowsAtEnd = Fx.call(() -> window.context.sessions().totalProperty().get());

            Stats steadyStats = Stats.of(steady);
            Stats idleStats = Stats.of(idle);
            double initialMax = initial.isEmpty() ? Double.NaN : Stats.of(initial).max();
            long over100 = steady.stream().filter(g -> g > TARGET_MS).count();
            FigureOutput.progress("%d cycles in %.1f s; rows %d..%d; pulse gaps: steady %s ms, idle %s ms,"
                    + " initial load max %.0f ms", cycles, seconds, rows, rowsAtEnd, steadyStats, idleStats,
                    initialMax);
            FigureOutput.emit(Figure.lowerIsBetter("responsiveness.max_fx_pause", steadyStats.max(), "ms",
                    idleStats.max(), "longest pulse gap of the same window idle for 5 s", "<= 50 ms",
                    steadyStats.max() <= TARGET_MS, String.format(Locale.ROOT, "%d poll cycles (deadline 300 ms,"
                                    + " back to back, %.1f s in all) of %d servers, 10 %% hung, through the real"
                                    + " window and poll scheduler, %d..%d rows shown; pulse gaps %s ms, %d gaps over"
                                    + " 50 ms; the first cycle, which loads all rows at once, is not included: its"
                                    + " longest gap was %.0f ms", cycles, seconds, servers, rows, rowsAtEnd,
                            steadyStats, over100, initialMax)));
            FigureOutput.emit(Figure.lowerIsBetter("responsiveness.p99_fx_pause", steadyStats.percentile(99), "ms",
                    idleStats.percentile(99), "99th percentile pulse gap, idle window", null, null,
                    "99th percentile of the pulse gaps over the same cycles"));
        } finally {
            Fx.run(window::close);
        }
        System.exit(0);
    }
}
