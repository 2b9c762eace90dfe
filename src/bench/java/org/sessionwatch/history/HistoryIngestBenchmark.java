package org.sessionwatch.history;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.sessionwatch.bench.BenchArgs;
import org.sessionwatch.bench.Figure;
import org.sessionwatch.bench.FigureOutput;
import org.sessionwatch.tracking.SessionEvent;
import org.sessionwatch.tracking.SessionTracker;
import org.sessionwatch.tracking.TrackerUpdate;

/**
 * History ingest, 500 servers × 200 sessions (100,000), through the real tracker and the real recorder:
 * <ul>
 *   <li>throughput: cycles with heavy churn (20 % of the sessions reconnect per cycle, 40,000 interval writes each),
 *       prepared first and then queued at once, timed from the first queued update to the last commit; baseline:
 *       the same kind of events with one transaction per interval write;</li>
 *   <li>CPU share at the estate's real rate: 1 % churn and 2 % open-count changes per 15 s cycle, the writer
 *       thread's CPU time per cycle divided by 15 s; baseline: what writing every session's last sighting each poll
 *       (one UPDATE per session and cycle) would cost the same thread.</li>
 * </ul>
 */
public final class HistoryIngestBenchmark {
    private static final Duration CYCLE = Duration.ofSeconds(15);

    private HistoryIngestBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = new BenchArgs(argv);
        int servers = args.intValue("servers", 500);
        int perServer = args.intValue("perServer", 200);
        int burstCycles = args.intValue("burstCycles", 8);
        int realCycles = args.intValue("realCycles", 20);
        Path folder = Files.createTempDirectory("history-bench");
        Instant t0 = Instant.parse("2026-11-30T08:00:00Z");

        // Throughput.
        ChurningEstate estate = new ChurningEstate(servers, perServer, t0);
        SessionTracker tracker = new SessionTracker();
        List<TrackerUpdate> updates = new ArrayList<>();
        tracker.subscribe(updates::add);
        for (int c = 0; c <= burstCycles; c++) {
            tracker.completeCycle(estate.cycle(t0.plus(CYCLE.multipliedBy(c)), c == 0 ? 0 : 0.2, 0.02));
        }
        HistoryRecorder recorder = HistoryRecorder.start(folder.resolve("ingest.db"), Duration.ofDays(90),
                CYCLE.multipliedBy(3), Clock.systemUTC(), status -> { });
        recorder.accept(updates.getFirst());
        recorder.flush(Duration.ofMinutes(5));
        long writesBefore = recorder.metrics().intervalWrites();
        long ingestCpuBefore = recorder.metrics().cpuNanos();
        long started = System.nanoTime();
        for (TrackerUpdate update : updates.subList(1, updates.size())) {
            recorder.accept(update);
        }
        recorder.flush(Duration.ofMinutes(5));
        double seconds = (System.nanoTime() - started) / 1e9;
        long writes = recorder.metrics().intervalWrites() - writesBefore;
        double cpuSeconds = (recorder.metrics().cpuNanos() - ingestCpuBefore) / 1e9;
        // The writer is one thread: per second of its own CPU time is what it sustains with a core to itself, which
        // the wall clock of a machine shared with other builds does not show.
        double perSecond = writes / cpuSeconds;
        double perWallSecond = writes / seconds;
        FigureOutput.progress("ingest: %d interval writes in %.2f s wall, %.2f s writer CPU", writes, seconds,
                cpuSeconds);

        double baselinePerSecond = oneTransactionPerWrite(folder.resolve("baseline.db"), updates.get(1));
        FigureOutput.emit(Figure.higherIsBetter("history.ingest_interval_writes", perSecond, "writes/s",
                baselinePerSecond, "one transaction per interval write", ">= 100000 writes/s",
                perSecond >= 100_000, String.format(java.util.Locale.ROOT, "%d interval writes (inserts and"
                        + " closes) from %d cycles of a %d-session estate with 20 %% churn, through the real tracker"
                        + " and recorder (%d Changed events per cycle processed too), per second of the writer"
                        + " thread's CPU time (baseline likewise); by the wall clock of this shared machine %.0f"
                        + " writes/s", writes, burstCycles, estate.sessions(), changedPerCycle(updates),
                        perWallSecond)));
        updates.clear();
        recorder.close();

        // CPU share at the real rate.
        ChurningEstate real = new ChurningEstate(servers, perServer, t0);
        SessionTracker realTracker = new SessionTracker();
        HistoryRecorder realRecorder = HistoryRecorder.start(folder.resolve("real.db"), Duration.ofDays(90),
                CYCLE.multipliedBy(3), Clock.systemUTC(), status -> { });
        realTracker.subscribe(realRecorder);
        realTracker.completeCycle(real.cycle(t0, 0, 0));
        realRecorder.flush(Duration.ofMinutes(5));
        long cpuBefore = realRecorder.metrics().cpuNanos();
        long writesAtStart = realRecorder.metrics().intervalWrites();
        for (int c = 1; c <= realCycles; c++) {
            realTracker.completeCycle(real.cycle(t0.plus(CYCLE.multipliedBy(c)), 0.01, 0.02));
            realRecorder.flush(Duration.ofMinutes(1));
        }
        double cpuPerCycleMs = (realRecorder.metrics().cpuNanos() - cpuBefore) / 1e6 / realCycles;
        double share = cpuPerCycleMs / CYCLE.toMillis() * 100;
        long realWrites = realRecorder.metrics().intervalWrites() - writesAtStart;
        realRecorder.close();
        double baselineMs = lastSeenEveryPoll(folder.resolve("real.db"), estate.sessions());
        double baselineShare = baselineMs / CYCLE.toMillis() * 100;
        FigureOutput.emit(Figure.lowerIsBetter("history.writer_cpu_share", share, "% of one core", baselineShare,
                "writing every session's last sighting each poll", "<= 2 %", share <= 2,
                String.format(java.util.Locale.ROOT, "writer thread CPU %.1f ms per 15 s cycle over %d cycles of"
                        + " %d sessions, 1 %% churn and 2 %% open-count changes per cycle (%d interval writes in"
                        + " all); baseline %.1f ms per cycle", cpuPerCycleMs, realCycles, real.sessions(),
                        realWrites, baselineMs)));
        HistoryQueryBenchmark.deleteFolder(folder);
    }

    /** The mean number of Changed events in the updates after the first (a session that only aged makes none). */
    private static long changedPerCycle(List<TrackerUpdate> updates) {
        long changed = updates.stream().skip(1).flatMap(u -> u.events().stream())
                .filter(SessionEvent.Changed.class::isInstance).count();
        return updates.size() > 1 ? changed / (updates.size() - 1) : 0;
    }

    /** Interval writes per second of CPU time when every interval write is its own transaction. */
    private static double oneTransactionPerWrite(Path file, TrackerUpdate churn) throws Exception {
        HistoryDatabase database = HistoryDatabase.open(file, HistoryDatabase.Mode.RECORD, Instant.now());
        try (Connection connection = database.connect(); HistoryWrites writes = new HistoryWrites(connection)) {
            HistoryIngest ingest = new HistoryIngest(writes.maxIds(), CYCLE);
            List<SessionEvent> events = churn.events().stream()
                    .filter(e -> !(e instanceof SessionEvent.Changed)).limit(20_000).toList();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long started = threads.getCurrentThreadCpuTime();
            for (SessionEvent event : events) {
                ingest.apply(new TrackerUpdate(churn.polledAt(), List.of(), List.of(event), false), writes);
                writes.commit();
            }
            return ingest.intervalWrites() / ((threads.getCurrentThreadCpuTime() - started) / 1e9);
        }
    }

    /** CPU ms (this thread) of one transaction updating every open interval's last sighting, as a naive writer would. */
    private static double lastSeenEveryPoll(Path file, int sessions) throws Exception {
        HistoryDatabase database = HistoryDatabase.open(file, HistoryDatabase.Mode.RECORD, Instant.now());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Connection connection = database.connect(); PreparedStatement update = connection.prepareStatement(
                "UPDATE session_interval SET last_seen_ms = ? WHERE id = ?")) {
            connection.setAutoCommit(false);
            double best = Double.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                long cpu = threads.getCurrentThreadCpuTime();
                for (int id = 1; id <= sessions; id++) {
                    update.setLong(1, System.currentTimeMillis());
                    update.setLong(2, id);
                    update.addBatch();
                }
                update.executeBatch();
                connection.commit();
                best = Math.min(best, (threads.getCurrentThreadCpuTime() - cpu) / 1e6);
            }
            return best;
        }
    }
}
