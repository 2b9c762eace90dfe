package org.sessionwatch.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.sessionwatch.concurrent.NamedThreads;

/**
 * Where the window's background work runs, behind an interface so view models and their tests can run it inline and
 * deterministically ({@link #currentThread()}), as JabRef's TaskExecutor does. The window uses one
 * {@linkplain #singleThread named thread} for the session tracker and the table's change computation, so both see
 * every update in order without locks.
 */
public interface TaskExecutor {

    void execute(Runnable task);

    /** Stops accepting tasks; queued ones are dropped. */
    void shutdown();

    /** Runs each task at once on the caller's thread: for tests. */
    static TaskExecutor currentThread() {
        return new TaskExecutor() {
            @Override
            public void execute(Runnable task) {
                task.run();
            }

            @Override
            public void shutdown() {
            }
        };
    }

    /** One named daemon thread; tasks run in submission order. */
    static TaskExecutor singleThread(String name) {
        ExecutorService executor = NamedThreads.singleThread(name);
        return new TaskExecutor() {
            @Override
            public void execute(Runnable task) {
                try {
                    executor.execute(task);
                } catch (RejectedExecutionException closing) {
                    // The window is closing: work for it has nowhere to go and nobody to show it to.
                }
            }

            @Override
            public void shutdown() {
                executor.shutdownNow();
            }
        };
    }
}
