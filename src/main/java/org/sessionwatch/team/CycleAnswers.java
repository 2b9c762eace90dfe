package org.sessionwatch.team;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.sessionwatch.netapi.OpenFilesResult;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How the collector takes a cycle's answers: sessions in groups as they arrive, open-files listings at the end. */
final class CycleAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(CycleAnswers.class);

    private CycleAnswers() {
    }

    /**
     * The listings that completed. Each is bounded by the server's deadline; one still running after {@code wait} (a
     * server hung in the call) is left for the next cycle rather than holding this one's end.
     */
    static List<OpenFilesResult> listed(List<CompletableFuture<OpenFilesResult>> listings, Duration wait)
            throws InterruptedException {
        List<OpenFilesResult> done = new ArrayList<>();
        long until = System.nanoTime() + wait.toNanos();
        for (CompletableFuture<OpenFilesResult> listing : listings) {
            try {
                done.add(listing.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (java.util.concurrent.TimeoutException e) {
                LOG.debug("An open-files listing is still running at the end of the cycle; it is skipped");
            } catch (ExecutionException e) {
                // ServerActions never fail exceptionally for a server problem: this is a bug, reported once here.
                LOG.warn("Listing open files failed", e.getCause());
            }
        }
        return done;
    }

    /** {@code first} and what arrives within {@code window} of it, at most {@code max} results. */
    static List<ServerPollResult> gather(ServerPollResult first, BlockingQueue<ServerPollResult> arrived,
                                         Future<PollCycle> polled, int max, Duration window)
            throws InterruptedException {
        List<ServerPollResult> group = new ArrayList<>();
        group.add(first);
        long until = System.nanoTime() + window.toNanos();
        while (group.size() < max) {
            arrived.drainTo(group, max - group.size());
            long left = until - System.nanoTime();
            if (left <= 0 || group.size() >= max || polled.isDone() && arrived.isEmpty()) {
                break;
            }
            ServerPollResult next = arrived.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(20)),
                    TimeUnit.NANOSECONDS);
            if (next != null) {
                group.add(next);
            }
        }
        return group;
    }

}
