package org.sessionwatch.polling;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names the poller's threads ({@code sessionwatch-poll-<poller>-<n>}), makes them daemons so a call hung in native
 * code never keeps the JVM alive, and logs anything that escapes a task.
 */
final class PollThreads implements ThreadFactory {
    private static final Logger LOG = LoggerFactory.getLogger(PollThreads.class);
    private static final Thread.UncaughtExceptionHandler LOG_UNCAUGHT =
            (thread, error) -> LOG.error("Unexpected error in polling thread {}", thread.getName(), error);

    private final String prefix;
    private final AtomicInteger created = new AtomicInteger();

    PollThreads(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + created.incrementAndGet());
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler(LOG_UNCAUGHT);
        return thread;
    }
}
