package org.sessionwatch.ui.main;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javafx.application.Platform;
import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;
import javafx.util.Duration;

import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.PollSource;
import org.sessionwatch.polling.ServerPollResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link PollSource#poll()} every poll interval on a background executor and hands each cycle to the view
 * model on the FX thread. The task does nothing but call the source: merging and every property change happen in
 * the FX-thread handlers, where the table lives. Servers that answer while the cycle still waits for slower ones are
 * shown at once, in batches, and the cycle's end only adds the rest.
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
    /** Numbers the tasks, so answers of a cancelled task are not shown in the next one. */
    private final AtomicLong cycleNumber = new AtomicLong();
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean showScheduled = new AtomicBoolean();
    /** FX thread only: servers of the running cycle already shown by {@link #showAnswers()}. */
    private final Set<String> shownThisCycle = new HashSet<>();

    public PollScheduler(PollSource source, Executor executor, java.time.Duration interval, MainViewModel viewModel,
                         Clock clock) {
        Objects.requireNonNull(source, "source");
        this.viewModel = viewModel;
        this.clock = clock;
        this.service = new ScheduledService<>() {
            @Override
            protected Task<PollCycle> createTask() {
                long cycle = cycleNumber.incrementAndGet();
                return new Task<>() {
                    @Override
                    protected PollCycle call() {
                        return source.poll(result -> answered(cycle, result));
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
        showAnswers();
        viewModel.apply((PollCycle) event.getSource().getValue(), Set.copyOf(shownThisCycle));
        shownThisCycle.clear();
        scheduleIndicator();
    }

    /**
     * Background thread: queues one server's result and asks the FX thread to show what has arrived. Results that
     * arrive together are shown in one merge, so 500 fast servers cost a few merges, not 500.
     */
    private void answered(long cycle, ServerPollResult result) {
        answers.add(new Answer(cycle, result));
        if (showScheduled.compareAndSet(false, true)) {
            Platform.runLater(this::showAnswers);
        }
    }

    /** FX thread: shows the queued results of the running cycle; those of a cancelled cycle are dropped. */
    private void showAnswers() {
        showScheduled.set(false);
        long current = cycleNumber.get();
        List<ServerPollResult> fresh = new ArrayList<>();
        for (Answer answer = answers.poll(); answer != null; answer = answers.poll()) {
            if (answer.cycle() == current && shownThisCycle.add(answer.result().server())) {
                fresh.add(answer.result());
            }
        }
        viewModel.applyAnswers(fresh);
    }

    private record Answer(long cycle, ServerPollResult result) {
    }

    private void failed(WorkerStateEvent event) {
        shownThisCycle.clear();
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
        shownThisCycle.clear();
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
