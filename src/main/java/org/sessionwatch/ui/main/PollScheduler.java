package org.sessionwatch.ui.main;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;

import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;
import javafx.util.Duration;

import org.sessionwatch.polling.PollCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link SessionSource#poll()} every poll interval on a background executor and hands each cycle to the view
 * model on the FX thread. The task does nothing but call the source: merging and every property change happen in
 * the FX-thread handlers, where the table lives.
 *
 * <p>{@code ScheduledService}'s period is measured from the start of one run to the start of the next, which is
 * exactly {@code AppConfig.pollInterval}. A run that takes longer than the period is followed by the next at once,
 * never overlapped.
 */
public final class PollScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(PollScheduler.class);

    private final MainViewModel viewModel;
    private final Clock clock;
    private final ScheduledService<PollCycle> service;
    private boolean paused;

    public PollScheduler(SessionSource source, Executor executor, java.time.Duration interval, MainViewModel viewModel,
                         Clock clock) {
        Objects.requireNonNull(source, "source");
        this.viewModel = viewModel;
        this.clock = clock;
        this.service = new ScheduledService<>() {
            @Override
            protected Task<PollCycle> createTask() {
                return new Task<>() {
                    @Override
                    protected PollCycle call() {
                        return source.poll();
                    }
                };
            }
        };
        service.setExecutor(executor);
        setInterval(interval);
        service.setOnRunning(e -> viewModel.pollStarted());
        service.setOnSucceeded(this::succeeded);
        service.setOnFailed(this::failed);
    }

    private void succeeded(WorkerStateEvent event) {
        viewModel.apply((PollCycle) event.getSource().getValue());
        scheduleIndicator();
    }

    private void failed(WorkerStateEvent event) {
        Throwable error = event.getSource().getException();
        LOG.error("A poll cycle failed", error);
        viewModel.pollFailed(error == null ? "unknown error" : String.valueOf(error.getMessage()));
        scheduleIndicator();
    }

    private void scheduleIndicator() {
        if (!paused) {
            viewModel.pollScheduled(Instant.now(clock).plusMillis((long) service.getPeriod().toMillis()));
        }
    }

    /** Starts polling at once; call on the FX thread. */
    public void start() {
        runNow();
    }

    /**
     * Starts a run immediately. {@code Service.restart()} alone is not enough while the service waits for its next
     * period: it cancels the task but not ScheduledService's pending delay timer, which would then fire a second run
     * (and trips an assertion with -ea). {@code cancel()} clears that timer first.
     */
    private void runNow() {
        service.cancel();
        service.reset();
        service.start();
    }

    /** Applies a new interval from the next wait on. */
    public void setInterval(java.time.Duration interval) {
        // A finite, positive period: ScheduledService treats 0 as "no wait" and Duration.INDEFINITE overflows.
        service.setPeriod(Duration.millis(Math.max(1000, interval.toMillis())));
    }

    /** Polls now unless a poll is already running; the regular rhythm continues from this poll. */
    public void refreshNow() {
        if (isPolling()) {
            return;
        }
        paused = false;
        viewModel.paused(false);
        runNow();
    }

    /**
     * Polls now even if a poll is running: that poll is cancelled and its result dropped. For a configuration
     * change, whose old servers must not come back with the poll that was under way.
     */
    public void restartNow() {
        paused = false;
        viewModel.paused(false);
        runNow();
    }

    public void pause() {
        paused = true;
        service.cancel();
        viewModel.paused(true);
    }

    public void resume() {
        paused = false;
        viewModel.paused(false);
        runNow();
    }

    public boolean isPaused() {
        return paused;
    }

    /** Whether a poll is running right now (for tests and the indicator). */
    public boolean isPolling() {
        return service.getState() == javafx.concurrent.Worker.State.RUNNING;
    }

    public void stop() {
        service.cancel();
    }
}
