package org.sessionwatch.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.sessionwatch.alerts.AlertEngine;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.history.HistoryRecorder;
import org.sessionwatch.tracking.SessionTracker;

/**
 * {@code --watch} recording into the history database (unless {@code --no-history}): a {@link HistoryRecorder}
 * subscribed to the run's tracker, whose problems are told on stderr while the watch goes on.
 */
final class HistoryRecording implements AutoCloseable {
    /** --watch and the window are what record, so the only runs --no-history can turn recording off for. */
    static final String NO_HISTORY_WITHOUT_WATCH = "--no-history goes with --watch, or alone for the window: only they"
            + " record history";

    private static final HistoryRecording NONE = new HistoryRecording(null);

    private final HistoryRecorder recorder;

    private HistoryRecording(HistoryRecorder recorder) {
        this.recorder = recorder;
    }

    /** History options that only {@code --history} takes; refused with the others. */
    static void refuseQueryOptions(CliOptions options) throws UsageException {
        for (Object[] option : new Object[][] {{"--at", options.at}, {"--since", options.since},
                {"--until", options.until}}) {
            if (option[1] != null) {
                throw new UsageException(option[0] + " belongs to --history queries");
            }
        }
        if (!options.watch() && options.noHistory) {
            throw new UsageException(NO_HISTORY_WITHOUT_WATCH);
        }
        if (!options.watch() && options.historyDb != null) {
            throw new UsageException("--history-db goes with --watch or --history; --once records no history");
        }
        if (options.noHistory && options.historyDb != null) {
            throw new UsageException("--no-history and --history-db contradict each other: use one");
        }
    }

    /**
     * Starts recording for a {@code --watch} run; nothing for {@code --once} or with {@code --no-history}. Made-up
     * sessions ({@code demoData}) never go into this computer's own history, where they would mix with the real
     * one; a file named with {@code --history-db} gets them (to try history out).
     */
    static HistoryRecording start(CliContext context, CliOptions options, AppConfig config, boolean demoData) {
        if (!options.watch() || options.noHistory) {
            return NONE;
        }
        if (demoData && options.historyDb == null) {
            context.err().println("Demo data is not recorded in this computer's history (--history-db FILE records"
                    + " it in that file).");
            return NONE;
        }
        Path file = options.historyDb != null ? options.historyDb : context.defaultHistoryFile().get();
        context.err().println("Recording history in " + file.toAbsolutePath() + " (--no-history to skip).");
        // A poll may finish up to its deadline late: two intervals plus the deadline still count as continuous.
        Duration maxGap = config.pollInterval().multipliedBy(2).plus(config.serverDeadline());
        // The recorder repeats its message with each change of state (recording, then stopped): say it once.
        AtomicReference<String> told = new AtomicReference<>();
        return new HistoryRecording(HistoryRecorder.start(file, config.historyRetention(), maxGap, context.clock(),
                status -> status.message().filter(message -> !message.equals(told.getAndSet(message)))
                        .ifPresent(message -> context.err().println("sessionwatch: history: " + message))));
    }

    void subscribeTo(SessionTracker tracker) {
        if (recorder != null) {
            tracker.subscribe(recorder);
        }
    }

    /** Keeps the alerts {@code engine} fires in the history database too (the window shows today's at start). */
    void keepAlertsOf(AlertEngine engine) {
        if (recorder != null) {
            engine.subscribe(recorder::append);
        }
    }

    /** Writes what is still queued and closes the database. */
    @Override
    public void close() {
        if (recorder != null) {
            recorder.close();
        }
    }
}
