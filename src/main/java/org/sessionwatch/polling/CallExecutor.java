package org.sessionwatch.polling;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * Where a {@link Poller}'s server calls run and how their deadlines are timed: worker threads in the application
 * ({@link ElasticPool}), the calling thread and a hand-driven clock in tests ({@link CurrentThreadRuntime}).
 */
public interface CallExecutor {

    /** Runs one server call, now or when a worker is free. */
    void execute(Runnable call) throws RejectedExecutionException;

    /** Runs {@code action} once {@code delay} has passed (a call's deadline); cancelled when the call ends in time. */
    Future<?> schedule(Runnable action, Duration delay) throws RejectedExecutionException;

    /** A running call was given up on at its deadline; a threaded executor lends a replacement thread. */
    void callAbandoned();

    /** An abandoned call has finally returned; the replacement is no longer needed. */
    void abandonedCallReturned();

    /** Calls given up on that have not returned yet. */
    int abandonedCalls();

    /** Stops: no new calls or deadlines, running calls interrupted. */
    void shutdownNow();
}
