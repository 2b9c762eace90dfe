package org.sessionwatch.polling;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * What a {@link Poller} takes from its surroundings: the time, the pauses between starting servers and the executor
 * its calls run on. {@link #system()} in the application; {@link CurrentThreadRuntime} in tests, so a poller test is
 * deterministic (JabRef's {@code TaskExecutor} / {@code CurrentThreadTaskExecutor} habit).
 */
public interface PollerRuntime {

    /** Stamps cycles and results. */
    Clock clock();

    /** Measures how long calls take, in nanoseconds from an arbitrary origin ({@link System#nanoTime()}). */
    long nanoTime();

    /**
     * Waits a random time from zero to {@code maxJitter} before the next server starts, so a large fleet is not hit in
     * one burst.
     *
     * @return false if the thread was interrupted while waiting (the interrupt flag is then cleared)
     */
    boolean pause(Duration maxJitter);

    /** The executor of one poller, created once with the poller and shut down when it closes. */
    CallExecutor executor(int maxConcurrency, String name);

    /** Worker threads, the system clock and real pauses. */
    static PollerRuntime system() {
        return SystemRuntime.INSTANCE;
    }

    /** {@link #system()}, stamping results with {@code clock} instead of the system clock. */
    static PollerRuntime system(Clock clock) {
        return new SystemRuntime(clock);
    }

    /** The application's runtime. */
    final class SystemRuntime implements PollerRuntime {
        private static final SystemRuntime INSTANCE = new SystemRuntime(Clock.systemUTC());

        private final Clock clock;

        private SystemRuntime(Clock clock) {
            this.clock = java.util.Objects.requireNonNull(clock, "clock");
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public boolean pause(Duration maxJitter) {
            long maxNanos = maxJitter.toNanos();
            if (maxNanos <= 0) {
                return true;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(ThreadLocalRandom.current().nextLong(maxNanos + 1));
                return true;
            } catch (InterruptedException e) {
                return false;
            }
        }

        @Override
        public CallExecutor executor(int maxConcurrency, String name) {
            return new ElasticPool(maxConcurrency, name);
        }
    }
}
