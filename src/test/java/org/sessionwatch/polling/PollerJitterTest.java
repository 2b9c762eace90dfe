package org.sessionwatch.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.sessionwatch.config.ServerConfig;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up jitter spreads the first burst of calls but does not add up over a large fleet. */
class PollerJitterTest extends PollerTestSupport {
    private final CurrentThreadRuntime runtime = new CurrentThreadRuntime(Instant.parse("2026-11-24T10:00:00Z"));

    @Test
    void jitterSpreadsOnlyTheOpeningBurstNotEveryQueuedServer() {
        // 200 servers at 20 ms jitter used to pause about 199 x 10 ms = 2 s before the last call was even queued.
        List<ServerConfig> fleet = IntStream.rangeClosed(1, 200).mapToObj(i -> FakeServers.server("FS" + i)).toList();
        PollerOptions options = FAST.withMaxConcurrency(4).withJitter(Duration.ofMillis(20));

        PollCycle cycle = poller(options, runtime).poll(fleet);

        assertThat(cycle.results()).hasSize(200).allMatch(ServerPollResult.Ok.class::isInstance);
        // one pause before each of the 2nd to 4th starts, none for the 196 that wait for a free thread anyway
        assertThat(runtime.pauses()).containsExactly(Duration.ofMillis(20), Duration.ofMillis(20),
                Duration.ofMillis(20));
    }

    @Test
    void theFirstMaxConcurrencyCallsAreEachPrecededByAPause() {
        Map<String, Integer> pausesBeforeStart = new ConcurrentHashMap<>();
        List<ServerConfig> fleet = IntStream.rangeClosed(1, 4).mapToObj(i -> FakeServers.server("S" + i)).toList();
        fleet.forEach(s -> fakes.on(s.name(), request -> {
            pausesBeforeStart.put(request.server(), runtime.pauses().size());
            return FakeServers.sessionsOf(request);
        }));
        PollerOptions options = FAST.withMaxConcurrency(8).withJitter(Duration.ofMillis(200));

        poller(options, runtime).poll(fleet);

        assertThat(pausesBeforeStart).containsExactlyInAnyOrderEntriesOf(Map.of("S1", 0, "S2", 1, "S3", 2, "S4", 3));
        assertThat(runtime.pauses()).containsOnly(Duration.ofMillis(200));
    }

    @Test
    void theSystemPauseReturnsAtOnceWithoutJitterAndReportsAnInterrupt() {
        PollerRuntime system = PollerRuntime.system();
        assertThat(system.pause(Duration.ZERO)).isTrue();

        Thread.currentThread().interrupt();
        try {
            assertThat(system.pause(Duration.ofSeconds(30))).as("an interrupted pause gives up").isFalse();
        } finally {
            Thread.interrupted();
        }
    }
}
