package org.sessionwatch.ui.main;

import org.sessionwatch.polling.PollCycle;

/**
 * Where the window's poll cycles come from: the poller over the configured servers, the demo fleet, or a scripted
 * sequence in a GUI test. {@link #poll()} blocks (up to about the server deadline) and is only ever called on a
 * background thread.
 */
@FunctionalInterface
public interface SessionSource extends AutoCloseable {

    PollCycle poll();

    /** Releases connections and threads; the default has none. */
    @Override
    default void close() {
    }
}
