package org.sessionwatch.polling;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.sessionwatch.bench.BenchArgs;
import org.sessionwatch.bench.Figure;
import org.sessionwatch.bench.FigureOutput;
import org.sessionwatch.bench.Stats;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.LevelNegotiator;
import org.sessionwatch.netapi.FileServer;

/**
 * Figure 1: poll fan-out over 500 simulated servers (see {@link SimulatedFleet}: 20–200 ms each, 5 % never answer,
 * 2 % deny access), per-server deadline 2 s, 100 cycles with the app's own poller.
 *
 * <p>Baseline: the same enumerators called one after the other in a plain loop (through the same level negotiator,
 * so a denying server costs its three level attempts in both), with each hung server counted at the deadline because
 * a serial poller would wait that long for it. Half-way through, the hung calls are released while a cycle is
 * running; their late answers, stamped with the cycle they started in, must never show up.
 */
public final class FanOutBenchmark {

    private FanOutBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = new BenchArgs(argv);
        int serverCount = args.intValue("servers", 500);
        int cycles = args.intValue("cycles", 100);
        Duration deadline = Duration.ofMillis(args.intValue("deadlineMs", 2_000));
        PollerOptions defaults = PollerOptions.defaults();
        PollerOptions options = defaults.withServerDeadline(deadline)
                .withMaxConcurrency(args.intValue("concurrency", defaults.maxConcurrency()))
                .withJitter(Duration.ofMillis(args.intValue("jitterMs", (int) defaults.jitter().toMillis())));
        double serialShare = args.doubleValue("serialShare", 1.0);
        String prefix = args.stringValue("prefix", "fanout");
        boolean wallOnly = args.stringValue("figures", "all").equals("wall");

        SimulatedFleet fleet = new SimulatedFleet(serverCount, 0.05, 0.02, 200, 0.01, 1124, false);
        FigureOutput.progress("fan-out: %d servers (%d hang, %d deny), deadline %d ms, concurrency %d, jitter %d ms,"
                        + " %d cycles", serverCount, fleet.count(SimulatedFleet.Behaviour.HANGS),
                fleet.count(SimulatedFleet.Behaviour.DENIES), deadline.toMillis(), options.maxConcurrency(),
                options.jitter().toMillis(), cycles);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ScheduledExecutorService releaser = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .daemon().name("bench-release").factory());
        releaser.submit(() -> { }).get(); // start its thread now, so it is part of the count before the poller
        int threadsBefore = threads.getThreadCount();
        threads.resetPeakThreadCount();

        List<Double> wallMillis = new ArrayList<>();
        List<Double> hungCallStartMillis = new ArrayList<>();
        Map<ErrorKind, Integer> failures = new EnumMap<>(ErrorKind.class);
        int staleAnswersShown = 0;
        int okResults = 0;
        // Half-way, the hung calls are released mid-cycle to check that their late answers are dropped; a short run
        // that only measures cycle times can skip it (release=false) so its cycles after the first are typical.
        int releaseCycle = args.stringValue("release", "true").equals("true") ? cycles / 2 + 1 : Integer.MAX_VALUE;
        int abandonedAtEnd;
        try (Poller poller = new Poller(fleet, options)) {
            for (int cycle = 1; cycle <= cycles; cycle++) {
                fleet.startCycle(cycle);
                if (cycle == releaseCycle) {
                    // mid-cycle, so the late answers race the cycle's own calls
                    releaser.schedule(fleet::releaseHungCalls, 100, TimeUnit.MILLISECONDS);
                }
                long start = System.nanoTime();
                PollCycle result = poller.poll(fleet.servers());
                wallMillis.add((System.nanoTime() - start) / 1e6);
                long latestStart = 0;
                long latestEnd = 0;
                for (ServerPollResult server : result.results()) {
                    long end = java.time.Duration.between(result.polledAt(), server.finishedAt()).toMillis();
                    latestEnd = Math.max(latestEnd, end);
                    if (server.duration().toMillis() >= deadline.toMillis()) {
                        latestStart = Math.max(latestStart, end - server.duration().toMillis());
                    }
                }
                if (latestStart > 0) {
                    hungCallStartMillis.add((double) latestStart);
                    FigureOutput.progress("cycle %d: last call that ran into the deadline started %d ms into the"
                            + " cycle; last result at %d ms", cycle, latestStart, latestEnd);
                }
                for (ServerPollResult server : result.results()) {
                    switch (server) {
                        case ServerPollResult.Ok ok -> {
                            okResults++;
                            if (ok.sessions().get(0).openCount().orElse(-1) != cycle) {
                                staleAnswersShown++;
                            }
                        }
                        case ServerPollResult.Failed failed -> failures.merge(failed.error().kind(), 1, Integer::sum);
                    }
                }
                if (cycle == 1 || cycle == releaseCycle || cycle % 25 == 0) {
                    FigureOutput.progress("cycle %d: %.0f ms, %d failed", cycle, wallMillis.getLast(),
                            result.failedCount());
                }
            }
            abandonedAtEnd = poller.abandonedCalls();
        }
        int peakAdded = threads.getPeakThreadCount() - threadsBefore;
        int lateAnswers = fleet.lateAnswers();
        int hung = (int) fleet.count(SimulatedFleet.Behaviour.HANGS);
        int threadBound = options.maxConcurrency() + hung + 1;

        Serial serial = serialBaseline(fleet, options, serialShare);
        fleet.releaseHungCalls();
        releaser.shutdownNow();

        Stats wall = Stats.of(wallMillis);
        FigureOutput.progress("fan-out cycles: %s ms; serial %.0f ms (%s)", wall, serial.withHungMillis(),
                serial.how());
        long budget = deadline.toMillis() + 500;
        String setup = String.format(Locale.ROOT, "%d servers, deadline %d ms, maxConcurrency %d, jitter %d ms, "
                        + "%d cycles", serverCount, deadline.toMillis(), options.maxConcurrency(),
                options.jitter().toMillis(), cycles);
        FigureOutput.emit(Figure.lowerIsBetter(prefix + ".cycle_wall_time.worst", wall.max(), "ms",
                serial.withHungMillis(), "serial loop over the same fleet, hung servers at the deadline ("
                        + serial.how() + ")", "<= " + budget + " ms", wall.max() <= budget,
                setup + "; the worst cycle is one where the hung servers get fresh calls and run into the deadline"
                        + " (the first, and the one after they were released); " + wall + " ms; in those cycles the"
                        + " last such call started " + hungCallStartMillis + " ms after the cycle began"));
        FigureOutput.emit(Figure.lowerIsBetter(prefix + ".cycle_wall_time.median", wall.median(), "ms",
                serial.liveMillis(), "serial loop over the answering and denying servers only", "<= " + budget
                        + " ms", wall.median() <= budget, "a typical cycle: a hung server whose previous call still"
                        + " runs is reported at once without a new call, so it costs nothing; a serial poller with the"
                        + " same rule would skip it too, hence the baseline without hung servers"));
        double worstSpeedup = serial.withHungMillis() / wall.max();
        double typicalSpeedup = serial.liveMillis() / wall.median();
        FigureOutput.emit(new Figure(prefix + ".speedup_vs_serial.worst_cycle", worstSpeedup, "x",
                serial.withHungMillis(), "serial loop incl. hung servers at the deadline, ms", worstSpeedup,
                "serial time / worst cycle time", ">= 50x", worstSpeedup >= 50,
                "cannot exceed (serial time) / (deadline) = " + String.format(Locale.ROOT, "%.1f",
                        serial.withHungMillis() / deadline.toMillis()) + "x, since a cycle with fresh hung calls"
                        + " lasts at least the deadline"));
        FigureOutput.emit(new Figure(prefix + ".speedup_vs_serial.typical_cycle", typicalSpeedup, "x",
                serial.liveMillis(), "serial loop over the answering and denying servers, ms", typicalSpeedup,
                "serial time / median cycle time", ">= 50x", typicalSpeedup >= 50, "median cycle"));
        if (wallOnly) {
            return;
        }
        FigureOutput.emit(Figure.plain(prefix + ".peak_added_threads", peakAdded, "threads",
                "<= maxConcurrency + hung + 1 = " + threadBound, peakAdded <= threadBound,
                "peak live threads over all cycles minus the " + threadsBefore + " alive before the poller"
                        + " (JVM peak thread count); abandoned calls not yet returned at the end: " + abandonedAtEnd));
        FigureOutput.emit(Figure.plain(prefix + ".stale_answers_shown", staleAnswersShown, "results", "0",
                staleAnswersShown == 0, lateAnswers + " abandoned calls answered late (released mid-cycle "
                        + releaseCycle + "); " + okResults + " ok results checked, each must carry its own cycle's"
                        + " stamp; failures by kind: " + failures));
    }

    /** The serial loop's time over the live servers, and with each hung server added at the deadline. */
    private record Serial(double liveMillis, double withHungMillis, String how) {
    }

    /** Calls the answering and denying servers one by one; a hung one is counted at the deadline. */
    private static Serial serialBaseline(SimulatedFleet fleet, PollerOptions options, double share) {
        List<Integer> live = new ArrayList<>();
        int hung = 0;
        for (int i = 0; i < fleet.servers().size(); i++) {
            if (fleet.behaviourOf(i) == SimulatedFleet.Behaviour.HANGS) {
                hung++;
            } else {
                live.add(i);
            }
        }
        int step = Math.max(1, (int) Math.round(1 / share));
        List<Integer> measured = new ArrayList<>();
        for (int i = 0; i < live.size(); i += step) {
            measured.add(live.get(i));
        }
        long start = System.nanoTime();
        for (int index : measured) {
            int server = index;
            FileServer negotiator = new LevelNegotiator(fleet.create(fleet.servers().get(server)));
            negotiator.listSessions(EnumerationRequest.of(fleet.servers().get(index).name()));
        }
        double liveMillis = (System.nanoTime() - start) / 1e6 * live.size() / measured.size();
        double total = liveMillis + hung * (double) options.serverDeadline().toMillis();
        String how = measured.size() == live.size()
                ? String.format(Locale.ROOT, "%d answering/denying servers called one by one: %.0f ms, plus %d hung"
                        + " x %d ms deadline", live.size(), liveMillis, hung, options.serverDeadline().toMillis())
                : String.format(Locale.ROOT, "every %d. of %d answering/denying servers called one by one, scaled"
                        + " up: %.0f ms, plus %d hung x %d ms deadline", step, live.size(), liveMillis, hung,
                options.serverDeadline().toMillis());
        return new Serial(liveMillis, total, how);
    }
}
