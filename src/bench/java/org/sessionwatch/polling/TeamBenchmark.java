package org.sessionwatch.polling;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.sessionwatch.bench.BenchArgs;
import org.sessionwatch.bench.Figure;
import org.sessionwatch.bench.FigureOutput;
import org.sessionwatch.bench.Stats;
import org.sessionwatch.team.Collector;
import org.sessionwatch.team.DatabaseUrl;
import org.sessionwatch.team.LiveState;
import org.sessionwatch.team.Notice;
import org.sessionwatch.team.SourceFollower;
import org.sessionwatch.team.TeamDatabase;
import org.sessionwatch.testing.PostgresServer;
import org.sessionwatch.tracking.SessionTracker;

/**
 * Team mode at the size: one collector polls 500 simulated servers into a throw-away PostgreSQL while 20
 * console readers follow it through LISTEN/NOTIFY, each feeding what it reads into its own session tracker as the
 * CLI does. Figures: server enumerations per cycle (against 20 independent consoles polling the same fleet in the same
 * run), the time from the collector's commit to a reader having applied the change, and the collector's database time
 * as a share of the cycle.
 */
public final class TeamBenchmark {
    private TeamBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = new BenchArgs(argv);
        int serverCount = args.intValue("servers", 500);
        int readers = args.intValue("readers", 20);
        int cycles = args.intValue("cycles", 6);
        int sessions = args.intValue("sessions", 20);
        Duration interval = Duration.ofSeconds(args.intValue("intervalS", 5));
        PostgresServer pg = new PostgresServer();
        pg.beforeAll(null);
        try {
            run(pg, serverCount, readers, cycles, sessions, interval);
        } finally {
            pg.afterAll(null);
        }
    }

    private static void run(PostgresServer pg, int serverCount, int readerCount, int cycles, int sessions,
                            Duration interval) throws Exception {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://127.0.0.1:" + pg.port() + "/" + pg.createDatabase("bench")
                + "?user=" + PostgresServer.SUPERUSER);
        TeamDatabase team = new TeamDatabase(url, Map.of(DatabaseUrl.PASSWORD_VARIABLE,
                PostgresServer.SUPERUSER_PASSWORD)::get);
        team.migrate();
        // No hung servers: every cycle has the same work; 2 % deny access, as in the fan-out figure.
        SimulatedFleet fleet = new SimulatedFleet(serverCount, 0, 0.02, sessions, 0.05, 1124, true);
        PollerOptions options = PollerOptions.defaults().withServerDeadline(Duration.ofSeconds(2));
        FigureOutput.progress("team: %d servers x %d sessions, %d readers, %d cycles every %d s", serverCount,
                sessions, readerCount, cycles, interval.toSeconds());

        // The same collector alone first (its own database): its database time without twenty readers competing for
        // the same two cores, the baseline of the share measured with them below.
        TeamDatabase alone = new TeamDatabase(DatabaseUrl.parse("postgresql://127.0.0.1:" + pg.port() + "/"
                + pg.createDatabase("alone") + "?user=" + PostgresServer.SUPERUSER),
                Map.of(DatabaseUrl.PASSWORD_VARIABLE, PostgresServer.SUPERUSER_PASSWORD)::get);
        alone.migrate();
        double aloneShare = collectorShare(alone, fleet, options, interval, 3);

        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch connected = new CountDownLatch(readerCount);
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < readerCount; r++) {
            SourceFollower follower = new SourceFollower(team, new Reader(latencies, measuring, connected),
                    Duration.ofSeconds(5));
            Thread thread = Thread.ofPlatform().daemon().name("bench-reader-" + r).start(() -> {
                try {
                    follower.run(stop::get);
                } catch (Exception e) {
                    FigureOutput.progress("reader stopped: %s", e);
                }
            });
            threads.add(thread);
        }
        if (!connected.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the readers did not connect");
        }

        Collector[] holder = new Collector[1];
        // The first cycle looks up, for each of its sessions, an interval an earlier collector left to continue:
        // a start-up cost, measured apart.
        Duration[] afterFirst = {Duration.ZERO};
        long[] rowsAfterFirst = {0};
        int callsBefore;
        try (Poller poller = new Poller(fleet, options)) {
            PollSource source = PollSource.of(poller, fleet.servers());
            // The first cycle fills the empty tables and warms everything up: not measured.
            holder[0] = new Collector(team, source, new Collector.Settings("bench", "bench-host", interval),
                    Clock.systemUTC(), d -> Thread.sleep(d.toMillis()), () -> {
                        if (!measuring.get() && holder[0].cyclesCompleted() >= 1) {
                            afterFirst[0] = holder[0].databaseTime();
                            rowsAfterFirst[0] = holder[0].sessionRowsWritten();
                            measuring.set(true);
                        }
                        return holder[0].cyclesCompleted() >= cycles;
                    });
            callsBefore = fleet.calls();
            holder[0].run();
        }
        int teamCalls = fleet.calls() - callsBefore;
        Duration database = holder[0].databaseTime().minus(afterFirst[0]);
        long rows = holder[0].sessionRowsWritten() - rowsAfterFirst[0];
        int measured = cycles - 1;
        stop.set(true);
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join(10_000);
        }

        // The same consoles without a collector: each polls the whole fleet itself, once per cycle.
        int before = fleet.calls();
        for (int r = 0; r < readerCount; r++) {
            try (Poller poller = new Poller(fleet, options)) {
                poller.poll(fleet.servers());
            }
        }
        int independentCalls = fleet.calls() - before;

        double perCycleTeam = (double) teamCalls / cycles;
        FigureOutput.emit(Figure.lowerIsBetter("team.enumerations_per_cycle", perCycleTeam, "calls",
                independentCalls, readerCount + " independent consoles, one cycle each, same fleet and run",
                readerCount + "x fewer than independent consoles", independentCalls / perCycleTeam >= readerCount,
                "enumeration calls the fleet answered per collector cycle with " + readerCount + " readers following,"
                        + " over " + cycles + " cycles; each server is asked once per cycle, the calls above the "
                        + serverCount + " servers are the level fall-backs of the servers that deny access"));
        Stats latency = Stats.of(latencies);
        double p95 = latency.percentile(95);
        FigureOutput.emit(Figure.plain("team.commit_to_reader_applied_p95", p95, "ms", "<= 1000 ms", p95 <= 1000,
                latency.count() + " changes applied by " + readerCount + " readers (cycles 2.." + cycles + "); from"
                        + " the collector's clock just before its commit to the reader's tracker having applied the"
                        + " re-read server (same machine, same clock); median " + latency.median() + " ms, max "
                        + latency.max() + " ms"));
        // Load-independent: how many session rows each cycle writes, against rewriting every stored session (one
        // delete and one insert per session, what the collector did before it wrote only changes).
        double rowsPerCycle = (double) rows / (cycles - 1);
        double rewrite = 2.0 * serverCount * sessions;
        FigureOutput.emit(Figure.lowerIsBetter("team.collector_session_rows_per_cycle", rowsPerCycle, "rows",
                rewrite, "rewriting every session each cycle (delete + insert)", "<= 20 % of a rewrite",
                rowsPerCycle <= 0.2 * rewrite, "live-state session rows inserted, updated or deleted per cycle"
                        + " (cycles 2.." + cycles + "): the sessions that connected, ended or changed a shown value"
                        + " (5 % churn, one open count per server per cycle), not those that merely aged"));
        double share = 100.0 * database.toNanos() / interval.multipliedBy(measured).toNanos();
        FigureOutput.emit(Figure.plain("team.collector_db_share_of_cycle_alone", aloneShare, "%", "<= 20 %",
                aloneShare <= 20, "the same collector and fleet without readers, just before (own database, cycles"
                        + " 2..3): what its writes cost when twenty consoles do not compete for the two cores"));
        FigureOutput.emit(Figure.plain("team.collector_db_share_of_cycle", share, "%", "<= 20 %", share <= 20,
                "wall time the collector spent writing live state, history and notices (including commits) per "
                        + interval.toSeconds() + " s cycle, cycles 2.." + cycles + ": " + database.toMillis() / measured
                        + " ms per cycle for " + serverCount + " servers (the first, start-up cycle took "
                        + afterFirst[0].toMillis() + " ms); the readers' queries run meanwhile"));
    }

    /** The collector's database time as a share of its cycles 2..{@code cycles}, with nobody reading. */
    private static double collectorShare(TeamDatabase database, SimulatedFleet fleet, PollerOptions options,
                                         Duration interval, int cycles) throws Exception {
        Collector[] holder = new Collector[1];
        Duration[] afterFirst = {null};
        try (Poller poller = new Poller(fleet, options)) {
            holder[0] = new Collector(database, PollSource.of(poller, fleet.servers()),
                    new Collector.Settings("bench-alone", "bench-host", interval), Clock.systemUTC(),
                    d -> Thread.sleep(d.toMillis()), () -> {
                        if (afterFirst[0] == null && holder[0].cyclesCompleted() >= 1) {
                            afterFirst[0] = holder[0].databaseTime();
                        }
                        return holder[0].cyclesCompleted() >= cycles;
                    });
            holder[0].run();
        }
        Duration measured = holder[0].databaseTime().minus(afterFirst[0]);
        return 100.0 * measured.toNanos() / interval.multipliedBy(cycles - 1).toNanos();
    }

    /** A console: applies what it reads to its own tracker and records how long after the commit that was done. */
    private record Reader(List<Long> latencies, AtomicBoolean measuring, CountDownLatch connected)
            implements SourceFollower.Listener {
        private static final ThreadLocal<SessionTracker> TRACKER = ThreadLocal.withInitial(SessionTracker::new);

        @Override
        public void resynced(LiveState state) {
            TRACKER.get().completeCycle(state.asCycle());
            connected.countDown();
        }

        @Override
        public void serverChanged(Notice notice, LiveState state) {
            for (LiveState.ServerState server : state.servers()) {
                TRACKER.get().apply(server.polledAt(), List.of(server.result()));
            }
            if (measuring.get() && notice.atMillis() > 0) {
                latencies.add(System.currentTimeMillis() - notice.atMillis());
            }
        }

        @Override
        public void disconnected(String message, Duration retryIn) {
            FigureOutput.progress("reader disconnected: %s", message);
        }
    }
}
