package org.sessionwatch.ui.main;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;
import javafx.util.Duration;

import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.PollSource;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.tracking.SessionTracker;
import org.sessionwatch.ui.common.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link PollSource#poll()} every poll interval on a background executor. Each server's result goes, as soon
 * as it is known, to the single tracker thread, which feeds the {@link SessionTracker} (results that queued up
 * meanwhile go in together: 500 fast servers cost a few updates, not 500); the cycle's end closes the cycle there.
 * The tracker's subscribers (the table, the server list) take it from there; the FX thread only hears that a poll
 * started, ended or failed.
 *
 * <p>{@code ScheduledService}'s period is measured from the start of one run to the start of the next, which is
 * exactly {@code AppConfig.pollInterval}. A run that takes longer than the period is followed by the next at once,
 * never overlapped.
 */
public final class PollScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(PollScheduler.class);

    private final PollSource source;
    private final StatusViewModel status;
    private final Clock clock;
    private final SessionTracker tracker;
    private final TaskExecutor trackerThread;
    private final Consumer<Runnable> fxThread;
    private final ScheduledService<Polled> service;
    private boolean paused;
    /**
     * The least time between two applications of a cycle's answers as they arrive. Each costs the tracker thread passes
     * over the table's rows and the FX thread a change of the visible list, however few answers it brings: answers
     * that arrive within this time of the last ones are applied together. A cycle's end is applied at once, and so
     * are its first answers unless the previous cycle ended less than this time before (a "Refresh now" right after
     * a poll). With 500 servers answering over a few hundred milliseconds, the answers came in dozens of small
     * batches (BENCHMARKS.md, responsiveness).
     */
    static final long DRAIN_SPACING_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** Numbers the tasks, so answers of a cancelled task are not applied as part of the next one. */
    private final AtomicLong cycleNumber = new AtomicLong();
    /**
     * Numbers the times polling was (re)started ({@link #runNow}: the first poll, Refresh now, a restart, resume); a
     * run its period starts keeps the number. A cycle's end is applied unless polling was restarted since it began.
     */
    private final AtomicLong startNumber = new AtomicLong();
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    /** When the tracker thread last applied answers ({@link System#nanoTime}). */
    private volatile long lastDrainNanos = System.nanoTime() - DRAIN_SPACING_NANOS;
    /** Tracker thread only: the cycle being applied and its servers already applied. */
    private long appliedCycle;
    private final Set<String> appliedServers = new HashSet<>();

    /**
     * @param trackerThread the one thread that calls the tracker
     * @param fxThread      runs status updates on the FX thread ({@code Platform::runLater})
     */
    public PollScheduler(PollSource source, Executor executor, java.time.Duration interval, StatusViewModel status,
                         Clock clock, SessionTracker tracker, TaskExecutor trackerThread,
                         Consumer<Runnable> fxThread) {
        this.source = Objects.requireNonNull(source, "source");
        this.status = status;
        this.clock = clock;
        this.tracker = tracker;
        this.trackerThread = trackerThread;
        this.fxThread = fxThread;
        this.service = new ScheduledService<>() {
            @Override
            protected Task<Polled> createTask() {
                return new Task<>() {
                    @Override
                    protected Polled call() {
                        // Numbered when it runs: ScheduledService creates the next task long before its period ends.
                        long cycle = cycleNumber.incrementAndGet();
                        long start = startNumber.get();
                        return new Polled(cycle, start, source.poll(result -> answered(cycle, result)));
                    }
                };
            }
        };
        service.setExecutor(executor);
        setInterval(interval);
        service.setOnRunning(e -> status.pollStarted());
        service.setOnSucceeded(this::succeeded);
        service.setOnFailed(this::failed);
    }

    /**
     * FX thread: the cycle is complete; the tracker thread closes it after its answers still queued. The next run may
     * have begun meanwhile (in team mode one follows the other at once): its answers wait until this cycle is closed.
     */
    private void succeeded(WorkerStateEvent event) {
        Polled polled = (Polled) event.getSource().getValue();
        PollCycle cycle = polled.cycle();
        long number = polled.number();
        long start = polled.start();
        trackerThread.execute(() -> {
            if (start != startNumber.get()) {
                return; // polling was restarted since (a new configuration): this end no longer describes the servers
            }
            apply(number);
            tracker.completeCycle(cycle);
            appliedServers.clear();
            fxThread.accept(() -> status.cycleApplied(cycle));
        });
        scheduleIndicator();
    }

    /** Background thread: queues one server's result for the tracker thread. */
    private void answered(long cycle, ServerPollResult result) {
        answers.add(new Answer(cycle, result));
        if (drainScheduled.compareAndSet(false, true)) {
            long wait = lastDrainNanos + DRAIN_SPACING_NANOS - System.nanoTime();
            if (wait <= 0) {
                trackerThread.execute(this::drain);
            } else {
                CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS, trackerThread::execute)
                        .execute(this::drain);
            }
        }
    }

    /** Tracker thread: applies the queued results of the running cycle; those of a cancelled cycle are dropped. */
    private void drain() {
        drainScheduled.set(false);
        lastDrainNanos = System.nanoTime();
        apply(cycleNumber.get());
    }

    /**
     * Tracker thread: applies the queued results of cycle {@code number}; those of older cycles (cancelled, or closed
     * already) are dropped, those of a newer one stay queued for it.
     */
    private void apply(long number) {
        if (appliedCycle != number) {
            appliedCycle = number;
            appliedServers.clear();
        }
        List<ServerPollResult> fresh = new ArrayList<>();
        for (Iterator<Answer> queued = answers.iterator(); queued.hasNext(); ) {
            Answer answer = queued.next();
            if (answer.cycle() > number) {
                continue;
            }
            queued.remove();
            if (answer.cycle() == number && appliedServers.add(answer.result().server())) {
                fresh.add(answer.result());
            }
        }
        if (!fresh.isEmpty()) {
            Instant at = fresh.stream().map(ServerPollResult::finishedAt).max(Instant::compareTo).orElseThrow();
            tracker.apply(at, fresh);
            int answeredSoFar = appliedServers.size();
            fxThread.accept(() -> status.answered(answeredSoFar));
        }
    }

    private record Answer(long cycle, ServerPollResult result) {
    }

    /** A finished cycle, the number its task ran as and the start of polling it belongs to. */
    private record Polled(long number, long start, PollCycle cycle) {
    }

    private void failed(WorkerStateEvent event) {
        Throwable error = event.getSource().getException();
        LOG.error("A poll cycle failed", error);
        status.pollFailed(error == null ? "unknown error" : String.valueOf(error.getMessage()));
        scheduleIndicator();
    }

    private void scheduleIndicator() {
        if (!paused) {
            status.pollScheduled(Instant.now(clock).plusMillis((long) service.getPeriod().toMillis()));
        }
    }

    /**
     * Starts polling at once, the first time it is called; later calls change nothing (the window calls it when it
     * opens, the app already before it builds the window). Call on the FX thread.
     */
    public void start() {
        if (startNumber.get() == 0) {
            runNow();
        }
    }

    /**
     * Starts a run immediately. {@code Service.restart()} alone is not enough while the service waits for its next
     * period: it cancels the task but not ScheduledService's pending delay timer, which would then fire a second run
     * (and trips an assertion with -ea). {@code cancel()} clears that timer first.
     */
    private void runNow() {
        startNumber.incrementAndGet();
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
        source.retryRefusedNow(); // the person asks: servers that refused every level are asked again too
        if (isPolling()) {
            return;
        }
        paused = false;
        status.paused(false);
        runNow();
    }

    /**
     * Polls now even if a poll is running: that poll is cancelled and its result dropped. For a configuration
     * change, whose old servers must not come back with the poll that was under way.
     */
    public void restartNow() {
        paused = false;
        status.paused(false);
        runNow();
    }

    public void pause() {
        paused = true;
        service.cancel();
        status.paused(true);
    }

    public void resume() {
        paused = false;
        status.paused(false);
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
