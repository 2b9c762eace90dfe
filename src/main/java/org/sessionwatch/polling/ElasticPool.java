package org.sessionwatch.polling;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A fixed-size pool that lends out a replacement thread for every call abandoned at its deadline.
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
final class ElasticPool {
    private static final long IDLE_SECONDS = 30;

    private final int size;
    private final ThreadPoolExecutor executor;
    private int abandoned;

    ElasticPool(int size, ThreadFactory threads) {
        this.size = size;
        this.executor = new ThreadPoolExecutor(size, size, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threads);
        executor.allowCoreThreadTimeOut(true);
    }

    void execute(Runnable task) {
        executor.execute(task);
    }

    /** A running call was given up on: add a thread to take its place. */
    synchronized void callAbandoned() {
        abandoned++;
        // Maximum first: the core size may never exceed it.
        executor.setMaximumPoolSize(size + abandoned);
        executor.setCorePoolSize(size + abandoned);
    }

    /** An abandoned call has returned: its thread is free again, so the replacement is no longer needed. */
    synchronized void abandonedCallReturned() {
        abandoned--;
        executor.setCorePoolSize(size + abandoned);
        executor.setMaximumPoolSize(size + abandoned);
    }

    synchronized int abandonedCalls() {
        return abandoned;
    }

    /** Stops taking tasks, interrupts running ones and returns those never started. */
    List<Runnable> shutdownNow() {
        return executor.shutdownNow();
    }
}
