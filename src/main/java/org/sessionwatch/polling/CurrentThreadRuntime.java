package org.sessionwatch.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * A {@link PollerRuntime} for tests and single-threaded tools: every server call runs on the thread that polls, in
 * configuration order; time stands still until {@link #advance} moves it, and deadlines fire when it passes them;
 * the pauses between servers are recorded instead of slept. A poller on it is deterministic: what a test asserts
 * is counts and exact durations, never how long something took on the machine.
 *
 * <p>To test a server past its deadline, let the fake server call {@link #advance} during its call: the deadline
 * fires on the spot (the call is abandoned, its timeout reported), and the call's late answer is dropped when it
 * returns. Not thread-safe: one poller, driven from one thread.
 */
public final class CurrentThreadRuntime implements PollerRuntime {
    private final Clock base;
    private final List<Timer> timers = new ArrayList<>();
    private final List<Duration> pauses = new ArrayList<>();
    private Duration offset = Duration.ZERO;
    private int abandoned;
    private boolean shutDown;

    private record Timer(Duration due, FutureTask<Void> task) {
    }

    /** Time starts at {@code start} and moves only with {@link #advance}. */
    public CurrentThreadRuntime(Instant start) {
        this(Clock.fixed(start, ZoneOffset.UTC));
    }

    /** Time is {@code base}'s plus what {@link #advance} added. */
    public CurrentThreadRuntime(Clock base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    @Override
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return base.getZone();
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return base.instant().plus(offset);
            }
        };
    }

    @Override
    public long nanoTime() {
        Instant now = base.instant().plus(offset);
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Records the pause instead of taking it; false (interrupt cleared) if the thread was interrupted. */
    @Override
    public boolean pause(Duration maxJitter) {
        pauses.add(maxJitter);
        return !Thread.interrupted();
    }

    /** The pauses the poller asked for, each as its maximum jitter, in order. */
    public List<Duration> pauses() {
        return List.copyOf(pauses);
    }

    /** Moves time forward, firing every deadline it passes at its due time, in order. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("Time cannot go back: " + by);
        }
        Duration target = offset.plus(by);
        while (true) {
            Timer next = timers.stream().filter(t -> t.due().compareTo(target) <= 0)
                    .min(Comparator.comparing(Timer::due)).orElse(null);
            if (next == null) {
                break;
            }
            timers.remove(next);
            offset = next.due().compareTo(offset) > 0 ? next.due() : offset;
            next.task().run();
        }
        offset = target;
    }

    /** Deadlines scheduled and neither fired nor cancelled. */
    public int pendingDeadlines() {
        timers.removeIf(t -> t.task().isCancelled());
        return timers.size();
    }

    @Override
    public CallExecutor executor(int maxConcurrency, String name) {
        return new CallExecutor() {
            @Override
            public void execute(Runnable call) {
                if (shutDown) {
                    throw new java.util.concurrent.RejectedExecutionException("The poller is closed");
                }
                call.run();
            }

            @Override
            public Future<?> schedule(Runnable action, Duration delay) {
                FutureTask<Void> task = new FutureTask<>(action, null);
                timers.add(new Timer(offset.plus(delay), task));
                return task;
            }

            @Override
            public void callAbandoned() {
                abandoned++;
            }

            @Override
            public void abandonedCallReturned() {
                abandoned--;
            }

            @Override
            public int abandonedCalls() {
                return abandoned;
            }

            @Override
            public void shutdownNow() {
                shutDown = true;
                timers.forEach(t -> t.task().cancel(false));
                timers.clear();
            }
        };
    }
}
