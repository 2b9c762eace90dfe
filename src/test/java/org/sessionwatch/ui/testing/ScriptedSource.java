package org.sessionwatch.ui.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.PollSource;
import org.sessionwatch.polling.ServerActions;
import org.sessionwatch.polling.ServerPollResult;

/**
 * A session source that answers with cycles a test queued, in order; when the queue is empty it repeats the last
 * one. Counts polls so a test can wait for the window to have applied a specific one. A cycle queued with
 * {@link #thenHeld} hands all but its last server's result over early and finishes only when the test releases it,
 * like a poll waiting for one slow server.
 */
public final class ScriptedSource implements PollSource {
    private record Step(PollCycle cycle, CountDownLatch release) {
    }

    private final Deque<Step> script = new ArrayDeque<>();
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicInteger refreshRequests = new AtomicInteger();
    private Step last;
    private volatile ServerActions actions = ServerActions.unsupported("This scripted source reaches no file server");

    public synchronized ScriptedSource then(PollCycle cycle) {
        script.add(new Step(cycle, null));
        return this;
    }

    /** Queues a cycle whose last server answers only after {@code release} counts down. */
    public synchronized ScriptedSource thenHeld(PollCycle cycle, CountDownLatch release) {
        script.add(new Step(cycle, release));
        return this;
    }

    @Override
    public PollCycle poll(Consumer<ServerPollResult> answered) {
        Step step = next();
        if (step.release() != null) {
            List<ServerPollResult> results = step.cycle().results();
            results.subList(0, results.size() - 1).forEach(answered);
            try {
                if (!step.release().await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The test never released the held poll cycle");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The held poll was cancelled", e);
            }
        }
        return step.cycle();
    }

    /** The next queued step; a repeated last step is never held again. */
    private synchronized Step next() {
        polls.incrementAndGet();
        if (!script.isEmpty()) {
            last = script.removeFirst();
            return last;
        }
        if (last == null) {
            throw new IllegalStateException("The test queued no poll cycle");
        }
        return new Step(last.cycle(), null);
    }

    /** Answers open files and actions with {@code scripted}. */
    public ScriptedSource withActions(ServerActions scripted) {
        this.actions = scripted;
        return this;
    }

    @Override
    public ServerActions actions() {
        return actions;
    }

    @Override
    public void close() {
    }

    public int polls() {
        return polls.get();
    }

    @Override
    public void retryRefusedNow() {
        refreshRequests.incrementAndGet();
    }

    /** How often the window asked for refused servers to be asked again (Refresh now). */
    public int refreshRequests() {
        return refreshRequests.get();
    }
}
