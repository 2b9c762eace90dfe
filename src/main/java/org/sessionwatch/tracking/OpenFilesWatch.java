package org.sessionwatch.tracking;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.sessionwatch.netapi.Capability;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.polling.ServerActions;

/**
 * Watches the open files of every server a source reaches, for the consumers that need them whether or not anyone
 * looks at them ({@code FILE_OPENED} alert rules, the history of open files): {@link #listAll()} asks each server
 * once through the source's {@link ServerActions} (the poll's connections, bounded by its deadline) and hands each
 * answer to the {@link OpenFilesTracker} on {@code trackerThread}, whose subscribers get the events.
 *
 * <p>A server whose backend cannot list open files is not asked; a server still answering the previous round is not
 * asked again, so a hung server never piles up calls.
 */
public final class OpenFilesWatch {
    private final Supplier<ServerActions> actions;
    private final OpenFilesTracker tracker;
    private final Executor trackerThread;
    private final Clock clock;
    private CompletableFuture<Void> round = CompletableFuture.completedFuture(null);

    /**
     * @param actions       the current source's actions (read at each round, so a settings change takes effect)
     * @param tracker       called on {@code trackerThread} only
     * @param trackerThread the one thread that calls the tracker
     */
    public OpenFilesWatch(Supplier<ServerActions> actions, OpenFilesTracker tracker, Executor trackerThread,
                          Clock clock) {
        this.actions = Objects.requireNonNull(actions, "actions");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.trackerThread = Objects.requireNonNull(trackerThread, "trackerThread");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Lists every server's open files once, unless the previous round has not finished; the future completes when
     * every answer has reached the tracker. Never completes exceptionally for a server problem.
     */
    public synchronized CompletableFuture<Void> listAll() {
        if (!round.isDone()) {
            return round;
        }
        ServerActions current = actions.get();
        if (current == null) {
            return round;
        }
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        for (String server : current.servers()) {
            if (!current.capabilities(server).supports(Capability.LIST_OPEN_FILES)) {
                continue;
            }
            CompletableFuture<Void> applied = new CompletableFuture<>();
            current.listOpenFiles(OpenFilesRequest.of(server)).whenComplete((result, failure) -> {
                if (result == null) {
                    applied.complete(null);
                    return;
                }
                trackerThread.execute(() -> {
                    try {
                        tracker.apply(clock.instant(), result);
                    } finally {
                        applied.complete(null);
                    }
                });
            });
            answers.add(applied);
        }
        round = CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new));
        return round;
    }

    /** The tracker this watch feeds, to subscribe its consumers. */
    public OpenFilesTracker tracker() {
        return tracker;
    }
}
