package org.sessionwatch.bench;

import java.time.Duration;
import java.util.List;

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
                new BenchMain.Step("decode", "3. Level-502 decode throughput, 10,000 entries", DecodeFigures::run));
    }
}
