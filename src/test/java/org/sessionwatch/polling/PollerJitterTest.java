package org.sessionwatch.polling;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.sessionwatch.config.ServerConfig;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up jitter spreads the first burst of calls but does not add up over a large fleet. */
class PollerJitterTest extends PollerTestSupport {

    @Test
    void jitterSpreadsOnlyTheOpeningBurstNotEveryQueuedServer() {
        // 200 servers at 20 ms jitter used to pause about 199 x 10 ms = 2 s before the last call was even queued.
        List<ServerConfig> fleet = IntStream.rangeClosed(1, 200).mapToObj(i -> FakeServers.server("FS" + i)).toList();
        PollerOptions options = FAST.withMaxConcurrency(4).withJitter(Duration.ofMillis(20))
                .withServerDeadline(Duration.ofSeconds(5));
        Poller poller = poller(options);

        long start = System.nanoTime();
        PollCycle cycle = poller.poll(fleet);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(cycle.results()).hasSize(200).allMatch(ServerPollResult.Ok.class::isInstance);
        // 3 pauses of at most 20 ms plus 200 instant calls on 4 threads; generous for a loaded CI machine.
        assertThat(millis).isLessThan(1_000);
    }

    @Test
    void theFirstMaxConcurrencyCallsAreStillSpreadOut() {
        ConcurrentLinkedQueue<Long> starts = new ConcurrentLinkedQueue<>();
        List<ServerConfig> fleet = IntStream.rangeClosed(1, 4).mapToObj(i -> FakeServers.server("S" + i)).toList();
        fleet.forEach(s -> fakes.on(s.name(), request -> {
            starts.add(System.nanoTime());
            return FakeServers.sessionsOf(request);
        }));
        // With jitter 0..200 ms before each of the 3 later starts, all four starting within 1 ms of each other
        // means no pause at all was taken: the chance of that with real pauses is about (1/200)^3.
        PollerOptions options = FAST.withMaxConcurrency(8).withJitter(Duration.ofMillis(200))
                .withServerDeadline(Duration.ofSeconds(5));

        poller(options).poll(fleet);

        long spreadNanos = starts.stream().mapToLong(Long::longValue).max().orElseThrow()
                - starts.stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(starts).hasSize(4);
        assertThat(spreadNanos).isGreaterThan(Duration.ofMillis(1).toNanos());
    }
}
