package org.sessionwatch.ui.main;

import java.util.function.Consumer;

import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;

/**
 * Where the window's poll cycles come from: the poller over the configured servers, the demo fleet, or a scripted
 * sequence in a GUI test. {@link #poll()} blocks (up to about the server deadline) and is only ever called on a
 * background thread.
 */
@FunctionalInterface
public interface SessionSource extends AutoCloseable {

    PollCycle poll();

    /**
     * As {@link #poll()}, handing each server's result to {@code answered} as soon as it is known, on a background
     * thread. A source that cannot tell early delivers everything with the cycle, which is what this default does.
     */
    default PollCycle poll(Consumer<ServerPollResult> answered) {
        return poll();
    }

    /**
     * The person asked for a refresh: servers that refused every level are asked again on the next poll rather than
     * after their back-off. A source without such servers has nothing to do, which is what this default does.
     */
    default void retryRefusedNow() {
    }

    /** Releases connections and threads; the default has none. */
    @Override
    default void close() {
    }
}
