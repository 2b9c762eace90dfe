package org.sessionwatch.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.cycle;
import static org.sessionwatch.ui.testing.Cycles.ok;
import static org.sessionwatch.ui.testing.Cycles.session;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.PollSource;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.tracking.SessionTracker;
import org.sessionwatch.tracking.TrackerUpdate;
import org.sessionwatch.ui.common.TaskExecutor;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * When one run follows the other at once (team mode: a poll returns as soon as the collector reports, and the next
 * begins), the next run may start before the tracker thread has closed the previous cycle. That cycle must still be
 * closed: its end is what marks rows stale when the team database goes away.
 */
@ExtendWith(ApplicationExtension.class)
class PollSchedulerTest {
    private final CountDownLatch secondRunPolling = new CountDownLatch(1);
    private final CountDownLatch trackerBusy = new CountDownLatch(1);
    private final AtomicInteger runs = new AtomicInteger();
    private final ExecutorService pollThread = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "test-poll");
        thread.setDaemon(true);
        return thread;
    });
    private final TaskExecutor trackerThread = TaskExecutor.singleThread("test-tracker");
    private final SessionTracker tracker = new SessionTracker();
    private PollScheduler scheduler;

    @AfterEach
    void stop() throws Exception {
        trackerBusy.countDown();
        if (scheduler != null) {
            WaitForAsyncUtils.asyncFx(scheduler::stop).get(5, TimeUnit.SECONDS);
        }
        pollThread.shutdownNow();
        trackerThread.shutdown();
    }

    @Test
    void aCycleIsClosedThoughTheNextRunBeganBeforeTheTrackerThreadGotToIt() throws Exception {
        ServerPollResult first = ok("FS01", T0, session("FS01", "alice", "10.0.0.5", T0.minusSeconds(60), T0, 0));
        PollSource source = new PollSource() {
            @Override
            public PollCycle poll(Consumer<ServerPollResult> onResult) {
                if (runs.incrementAndGet() == 1) {
                    onResult.accept(first);
                    return cycle(T0, first);
                }
                secondRunPolling.countDown();
                try {
                    new CountDownLatch(1).await(); // until the scheduler is stopped
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return cycle(T0.plusSeconds(1));
            }

            @Override
            public void close() {
            }
        };
        List<TrackerUpdate> closed = new CopyOnWriteArrayList<>();
        tracker.subscribe(update -> {
            if (update.cycleComplete()) {
                closed.add(update);
            }
        });
        // The tracker thread is busy while the first run ends and the period (one second) starts the second.
        trackerThread.execute(() -> {
            try {
                trackerBusy.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        StatusViewModel status = WaitForAsyncUtils.asyncFx(() -> new StatusViewModel(new SimpleIntegerProperty(),
                new SimpleIntegerProperty(), FXCollections.observableArrayList(), new SimpleBooleanProperty(),
                ZoneOffset.UTC)).get(5, TimeUnit.SECONDS);
        scheduler = new PollScheduler(source, pollThread, Duration.ofSeconds(1), status, Clock.systemUTC(), tracker,
                trackerThread, Platform::runLater);

        WaitForAsyncUtils.asyncFx(scheduler::start).get(5, TimeUnit.SECONDS);
        assertThat(secondRunPolling.await(10, TimeUnit.SECONDS)).as("the second run began").isTrue();
        trackerBusy.countDown();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !closed.isEmpty());
        assertThat(closed).extracting(TrackerUpdate::polledAt).containsExactly(T0);
        CompletableFuture<List<String>> users = new CompletableFuture<>();
        trackerThread.execute(() -> users.complete(tracker.sessions().stream().map(s -> s.session().userName().orElse(""))
                .toList()));
        assertThat(users.get(5, TimeUnit.SECONDS)).as("the first run's answer applied").containsExactly("alice");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status.pollCountProperty().get() == 1);
    }
}
