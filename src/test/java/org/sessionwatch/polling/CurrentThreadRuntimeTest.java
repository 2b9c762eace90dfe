package org.sessionwatch.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.Test;

/** The test runtime itself: calls inline, time that moves only when told, deadlines fired in order. */
class CurrentThreadRuntimeTest {
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void timeMovesOnlyWhenAdvancedAndFiresDeadlinesInOrderAtTheirDueTime() {
        CurrentThreadRuntime runtime = new CurrentThreadRuntime(START);
        CallExecutor executor = runtime.executor(4, "test");
        List<String> fired = new ArrayList<>();
        executor.schedule(() -> fired.add("300 ms at " + runtime.clock().instant()), Duration.ofMillis(300));
        executor.schedule(() -> fired.add("100 ms at " + runtime.clock().instant()), Duration.ofMillis(100));
        Future<?> cancelled = executor.schedule(() -> fired.add("cancelled"), Duration.ofMillis(200));
        cancelled.cancel(false);
        long nanos = runtime.nanoTime();

        assertThat(runtime.clock().instant()).isEqualTo(START);
        runtime.advance(Duration.ofMillis(250));
        assertThat(fired).containsExactly("100 ms at " + START.plusMillis(100));
        runtime.advance(Duration.ofMillis(250));

        assertThat(fired).containsExactly("100 ms at " + START.plusMillis(100), "300 ms at " + START.plusMillis(300));
        assertThat(runtime.clock().instant()).isEqualTo(START.plusMillis(500));
        assertThat(runtime.nanoTime() - nanos).isEqualTo(Duration.ofMillis(500).toNanos());
        assertThat(runtime.pendingDeadlines()).isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> runtime.advance(Duration.ofMillis(-1)));
    }

    @Test
    void callsRunOnTheCallingThreadUntilShutDown() {
        CurrentThreadRuntime runtime = new CurrentThreadRuntime(START);
        CallExecutor executor = runtime.executor(4, "test");
        List<Thread> ranOn = new ArrayList<>();

        executor.execute(() -> ranOn.add(Thread.currentThread()));
        executor.shutdownNow();

        assertThat(ranOn).containsExactly(Thread.currentThread());
        assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> executor.execute(() -> { }));
    }

    @Test
    void pausesAreRecordedNotTakenAndAnInterruptEndsThem() {
        CurrentThreadRuntime runtime = new CurrentThreadRuntime(START);

        assertThat(runtime.pause(Duration.ofSeconds(30))).isTrue();
        Thread.currentThread().interrupt();
        assertThat(runtime.pause(Duration.ofMillis(5))).isFalse();
        assertThat(Thread.interrupted()).as("the interrupt is consumed, as an interrupted sleep does").isFalse();

        assertThat(runtime.pauses()).containsExactly(Duration.ofSeconds(30), Duration.ofMillis(5));
        assertThat(runtime.clock().instant()).isEqualTo(START);
    }
}
