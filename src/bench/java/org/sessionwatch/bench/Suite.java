package org.sessionwatch.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.sessionwatch.bench.fx.ResponsivenessBenchmark;
import org.sessionwatch.bench.fx.StartupBenchmark;
import org.sessionwatch.bench.fx.TableMergeBenchmark;
import org.sessionwatch.history.HistoryIngestBenchmark;
import org.sessionwatch.history.HistoryQueryBenchmark;
import org.sessionwatch.netapi.srvsvc.SambaPollBenchmark;
import org.sessionwatch.netapi.windows.MemoryBenchmark;
import org.sessionwatch.polling.FanOutBenchmark;
import org.sessionwatch.polling.TeamBenchmark;

/** The figures of the suite, in the order they run. */
final class Suite {
    /**
     * Full fan-out: one thread per server and no start-up jitter, the only settings with which every call of a
     * 500-server cycle starts early enough for the cycle to end within deadline + 0.5 s (see BENCHMARKS.md).
     */
    static final List<String> FANOUT_FULL = List.of("concurrency=500", "jitterMs=0", "cycles=100",
            "serialShare=0.25");
    /** The settings the app uses today (PollerOptions.from: default concurrency and jitter), three cycles. */
    static final List<String> FANOUT_APP_DEFAULTS = List.of("prefix=fanout_app_defaults", "figures=wall",
            "cycles=3", "serialShare=0.1", "release=false");

    private Suite() {
    }

    /**
     * The window's heap in the table and responsiveness runs: what the JVM gives the app by default (a quarter of the
     * memory) on a machine with 8 GB. With 1 GB, ZGC fell behind the responsiveness run's allocation (cycles back to
     * back, about 60 times the real rate) and stalled every thread, the FX thread included, for 40 to 320 ms.
     */
    private static final String WINDOW_HEAP = "-Xmx2g";

    private static List<String> fx(String... options) {
        List<String> all = new java.util.ArrayList<>(ChildJvm.WINDOW);
        all.addAll(List.of(options));
        return all;
    }

    private static List<Figure> table() throws Exception {
        return ChildJvm.run(TableMergeBenchmark.class, fx(WINDOW_HEAP), List.of(), Duration.ofMinutes(4));
    }

    private static List<Figure> fanOut() throws Exception {
        List<Figure> figures = new java.util.ArrayList<>(
                ChildJvm.run(FanOutBenchmark.class, List.of("-Xmx1g"), FANOUT_FULL, Duration.ofMinutes(4)));
        figures.addAll(ChildJvm.run(FanOutBenchmark.class, List.of("-Xmx1g"), FANOUT_APP_DEFAULTS,
                Duration.ofMinutes(2)));
        return figures;
    }

    private static List<Figure> history() throws Exception {
        List<Figure> figures = new java.util.ArrayList<>(ChildJvm.run(HistoryIngestBenchmark.class,
                List.of("-Xmx3g"), List.of(), Duration.ofMinutes(3)));
        // Loading and indexing 10 million rows takes 3 to 10 minutes on a shared 2-core machine.
        // -Dbench.historyKeep=FOLDER keeps the built file there and reuses it (see BENCHMARKS.md, figure 8).
        String keep = System.getProperty("bench.historyKeep", "");
        figures.addAll(ChildJvm.run(HistoryQueryBenchmark.class, List.of("-Xmx1g"),
                keep.isBlank() ? List.of() : List.of("keep=" + keep), Duration.ofMinutes(15)));
        return figures;
    }

    static List<BenchMain.Step> steps() {
        return List.of(
                new BenchMain.Step("fanout", "1. Poll fan-out, 500 servers",
                        Suite::fanOut),
                new BenchMain.Step("table", "2. Table merge, 100,000 sessions, 1 % churn, real window",
                        Suite::table),
                new BenchMain.Step("decode", "3. Level-502 decode throughput, 10,000 entries", DecodeFigures::run),
                new BenchMain.Step("memory", "4. Retained heap per session, 100,000 sessions",
                        () -> ChildJvm.run(MemoryBenchmark.class, List.of("-Xmx1g", "-XX:+UseSerialGC"), List.of(),
                                Duration.ofMinutes(2))),
                new BenchMain.Step("samba", "5. End to end against Samba: kept vs fresh connection",
                        () -> ChildJvm.run(SambaPollBenchmark.class, List.of("-Xmx512m"), List.of(),
                                Duration.ofMinutes(3))),
                new BenchMain.Step("startup", "6. Launch to first populated table, demo fleet",
                        () -> StartupBenchmark.run(ChildJvm.WINDOW, ChildJvm.RUN_COMMAND, ChildJvm.classPath(),
                                Path.of(System.getProperty("bench.appJar", "target/sessionwatch.jar")),
                                ChildJvm.javaExecutable(), 3)),
                new BenchMain.Step("responsiveness", "7. Longest FX pause over 100 cycles, 500 servers, 100,000 rows",
                        () -> ChildJvm.run(ResponsivenessBenchmark.class, fx(WINDOW_HEAP), List.of(),
                                Duration.ofMinutes(5))),
                new BenchMain.Step("history", "8. History: ingest, CPU share, queries on 10 million intervals,"
                        + " size, retention under writes", Suite::history),
                new BenchMain.Step("team", "9. Team mode: 500 servers, 1 collector, 20 readers on PostgreSQL",
                        () -> ChildJvm.run(TeamBenchmark.class, List.of("-Xmx1g"), List.of(), Duration.ofMinutes(4))));
    }
}
