package org.sessionwatch.ui.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.ui.main.SessionSource;

/**
 * A session source that answers with cycles a test queued, in order; when the queue is empty it repeats the last
 * one. Counts polls so a test can wait for the window to have applied a specific one.
 */
public final class ScriptedSource implements SessionSource {
    private final Deque<PollCycle> script = new ArrayDeque<>();
    private final AtomicInteger polls = new AtomicInteger();
    private PollCycle last;

    public synchronized ScriptedSource then(PollCycle cycle) {
        script.add(cycle);
        return this;
    }

    @Override
    public synchronized PollCycle poll() {
        if (!script.isEmpty()) {
            last = script.removeFirst();
        }
        polls.incrementAndGet();
        if (last == null) {
            throw new IllegalStateException("The test queued no poll cycle");
        }
        return last;
    }

    public int polls() {
        return polls.get();
    }
}
