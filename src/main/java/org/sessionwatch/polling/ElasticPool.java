package org.sessionwatch.polling;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.sessionwatch.concurrent.NamedThreads;

/**
 * The threaded {@link CallExecutor}: a fixed-size pool that lends out a replacement thread for every call abandoned
 * at its deadline, and one timer thread for the deadlines.
 *
 * <p>A blocking {@code NetSessionEnum} cannot be cancelled, so the thread running an abandoned call stays busy for
 * as long as the server keeps it. Invariant: the pool's size is always {@code size + abandoned}, where
 * {@code abandoned} counts calls given up on that have not returned yet. So {@code size} threads are always there
 * for live work however many calls hang, and the total stays bounded: the poller never starts a second call to a
 * server whose previous call has not returned, so {@code abandoned} is at most the number of servers. When an
 * abandoned call finally returns the pool shrinks back and the surplus thread ends.
 *
 * <p>Idle threads end after a while too, so a poller between cycles holds no threads.
 */
final class ElasticPool implements CallExecutor {
    private static final long IDLE_SECONDS = 30;

    private final int size;
    private final ThreadPoolExecutor executor;
    private final ScheduledThreadPoolExecutor deadlines;
    private int abandoned;

    /** @param name names the threads: {@code name-N} for calls, {@code name-deadlines-N} for the timer */
    ElasticPool(int size, String name) {
        this.size = size;
        this.executor = new ThreadPoolExecutor(size, size, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                NamedThreads.daemon(name));
        executor.allowCoreThreadTimeOut(true);
        this.deadlines = new ScheduledThreadPoolExecutor(1, NamedThreads.daemon(name + "-deadlines"));
        deadlines.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    @Override
    public Future<?> schedule(Runnable action, Duration delay) {
        return deadlines.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A running call was given up on: add a thread to take its place. */
    @Override
    public synchronized void callAbandoned() {
        abandoned++;
        // Maximum first: the core size may never exceed it.
        executor.setMaximumPoolSize(size + abandoned);
        executor.setCorePoolSize(size + abandoned);
    }

    /** An abandoned call has returned: its thread is free again, so the replacement is no longer needed. */
    @Override
    public synchronized void abandonedCallReturned() {
        abandoned--;
        executor.setCorePoolSize(size + abandoned);
        executor.setMaximumPoolSize(size + abandoned);
    }

    @Override
    public synchronized int abandonedCalls() {
        return abandoned;
    }

    /** Stops taking tasks and interrupts running ones. */
    @Override
    public void shutdownNow() {
        executor.shutdownNow();
        deadlines.shutdownNow();
    }
}
