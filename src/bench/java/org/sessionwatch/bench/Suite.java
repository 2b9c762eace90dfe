package org.sessionwatch.bench;

import java.time.Duration;
import java.util.List;

import org.sessionwatch.bench.fx.StartupBenchmark;
import org.sessionwatch.netapi.srvsvc.SambaPollBenchmark;
import org.sessionwatch.netapi.windows.MemoryBenchmark;
import org.sessionwatch.polling.FanOutBenchmark;

/** The figures of the suite, in the order they run. */
final class Suite {
    private Suite() {
    }

    static List<BenchMain.Step> steps() {
        return List.of(
                new BenchMain.Step("fanout", "1. Poll fan-out, 500 servers",
                        () -> ChildJvm.run(FanOutBenchmark.class, List.of("-Xmx1g"), List.of(),
                                Duration.ofMinutes(4))),
                new BenchMain.Step("decode", "3. Level-502 decode throughput, 10,000 entries", DecodeFigures::run),
                new BenchMain.Step("memory", "4. Retained heap per session, 100,000 sessions",
                        () -> ChildJvm.run(MemoryBenchmark.class, List.of("-Xmx1g", "-XX:+UseSerialGC"), List.of(),
                                Duration.ofMinutes(2))),
                new BenchMain.Step("samba", "5. End to end against Samba: kept vs fresh connection",
                        () -> ChildJvm.run(SambaPollBenchmark.class, List.of("-Xmx512m"), List.of(),
                                Duration.ofMinutes(3))),
                new BenchMain.Step("startup", "6. Launch to first populated table, demo fleet",
                        () -> StartupBenchmark.run(ChildJvm.HEADLESS_FX, ChildJvm.classPath(),
                                ChildJvm.javaExecutable(), 3)));
    }
}
