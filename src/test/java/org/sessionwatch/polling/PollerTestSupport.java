package org.sessionwatch.polling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.sessionwatch.config.ServerConfig;

/** Shared fixture of the poller tests: scripted servers, latches released after each test, pollers closed. */
abstract class PollerTestSupport {

    static final Duration DEADLINE = Duration.ofMillis(200);
    static final PollerOptions FAST = PollerOptions.defaults()
            .withServerDeadline(DEADLINE).withJitter(Duration.ZERO).withMaxConcurrency(16);

    final FakeServers fakes = new FakeServers();
    private final List<CountDownLatch> latches = new ArrayList<>();
    private final List<Poller> pollers = new ArrayList<>();

    @AfterEach
    void releaseHungCalls() {
        latches.forEach(CountDownLatch::countDown);
        pollers.forEach(Poller::close);
    }

    /** A poller on worker threads: for what is about threads (hung calls that cannot be cancelled, concurrency). */
    Poller poller(PollerOptions options) {
        return track(new Poller(fakes, options));
    }

    /** A poller whose calls run on the test's thread and whose time moves only when the test moves it. */
    Poller poller(PollerOptions options, CurrentThreadRuntime runtime) {
        return track(new Poller(fakes, options, runtime));
    }

    Poller track(Poller poller) {
        pollers.add(poller);
        return poller;
    }

    CountDownLatch latch() {
        CountDownLatch latch = new CountDownLatch(1);
        latches.add(latch);
        return latch;
    }

    static List<ServerConfig> servers(String... names) {
        return java.util.Arrays.stream(names).map(FakeServers::server).toList();
    }

    /** The poller's call threads (its one deadline timer thread not counted). */
    static long pollThreads(Poller poller) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(poller.threadNamePrefix()))
                .filter(t -> !t.getName().contains("deadlines"))
                .count();
    }
}
