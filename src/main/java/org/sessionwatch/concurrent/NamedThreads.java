package org.sessionwatch.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named daemon threads for all background work (poller, GUI, file writes). Daemon so a call hung in native code can
 * never keep the JVM alive after the window closed or the CLI finished; named ({@code prefix-N}) so a thread dump says
 * who is stuck; with a handler so a bug is logged, not swallowed.
 */
public final class NamedThreads {
    private static final Logger LOG = LoggerFactory.getLogger(NamedThreads.class);

    private NamedThreads() {
    }

    public static ThreadFactory daemon(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Uncaught exception in {}", t.getName(), e));
            return thread;
        };
    }

    /** One thread, tasks run in submission order: right for saving files, where the last write must win. */
    public static ExecutorService singleThread(String prefix) {
        return Executors.newSingleThreadExecutor(daemon(prefix));
    }
}
