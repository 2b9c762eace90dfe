package org.sessionwatch.polling;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import org.sessionwatch.netapi.NetApiError;

/**
 * One server's open-files and action calls, run one after another on one polling thread at a time.
 *
 * <p>Serial because the calls gain nothing from running side by side (srvsvc serialises every call on its one
 * connection anyway) and because it bounds the threads a hung server can hold: however many files a person closes
 * on it at once, at most one action thread waits on it (plus its poll), and the calls queued behind it time out at
 * their own deadlines without ever being sent ({@link ActionCall}).
 */
final class ActionQueue {
    private final ServerSlot slot;
    /** Guarded by this. */
    private final Deque<ActionCall<?>> waiting = new ArrayDeque<>();
    /** Guarded by this: the call the drain thread is running, if any. */
    private ActionCall<?> current;
    /** Guarded by this: whether a drain thread has been started and has not finished. */
    private boolean draining;

    ActionQueue(ServerSlot slot) {
        this.slot = slot;
    }

    /** Queues {@code call} (its deadline already running) and starts a drain thread on {@code pool} if none runs. */
    void submit(ActionCall<?> call, CallExecutor pool) {
        boolean accepted = true;
        boolean start = false;
        synchronized (this) {
            if (draining) {
                waiting.add(call);
            } else if (slot.actionsStarted()) {
                waiting.add(call);
                draining = true;
                start = true;
            } else {
                accepted = false;
            }
        }
        if (!accepted) {
            call.abandon(Poller.stoppedError(slot.config(), "Polling has stopped"));
        } else if (start) {
            try {
                pool.execute(this::drain);
            } catch (RejectedExecutionException e) {
                synchronized (this) {
                    draining = false;
                }
                slot.actionsEnded();
                abandonAll(Poller.stoppedError(slot.config(), "Polling has stopped"));
            }
        }
    }

    private void drain() {
        boolean finished = false;
        try {
            while (true) {
                ActionCall<?> next;
                synchronized (this) {
                    next = waiting.poll();
                    current = next;
                    if (next == null) {
                        draining = false;
                        finished = true;
                        return;
                    }
                }
                next.run(slot);
            }
        } finally {
            if (!finished) {
                // An Error left the loop: the calls still waiting time out at their deadlines, the next submit starts
                // a new drain thread.
                synchronized (this) {
                    current = null;
                    draining = false;
                }
            }
            slot.actionsEnded();
        }
    }

    /** The poller is closing: every waiting call and the running one report {@code error} now. */
    void abandonAll(NetApiError error) {
        List<ActionCall<?>> all;
        synchronized (this) {
            all = new ArrayList<>(waiting);
            waiting.clear();
            if (current != null) {
                all.add(current);
            }
        }
        all.forEach(call -> call.abandon(error));
    }
}
