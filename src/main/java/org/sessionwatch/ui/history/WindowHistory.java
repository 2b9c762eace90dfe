package org.sessionwatch.ui.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.sessionwatch.config.AppConfig;
import org.sessionwatch.history.HistoryDatabase;
import org.sessionwatch.history.HistoryException;
import org.sessionwatch.history.HistoryRecorder;
import org.sessionwatch.history.HistoryRepository;
import org.sessionwatch.history.HistoryStatus;
import org.sessionwatch.tracking.FilesUpdate;
import org.sessionwatch.tracking.TrackerUpdate;

/**
 * The window's history: records what the window polls into the history file (a {@link HistoryRecorder} subscribed to
 * the tracker through {@link #accept}), says what it is doing for the status bar, and reads the same file for the
 * History tab and the details pane.
 *
 * <p>Demo data is never recorded: the simulated fleet's invented sessions would be mixed into the real history of the
 * same file. Recording also stops with the "Record history" setting off or {@code --no-history}; the file can still
 * be read. The live table never depends on any of this: the tracker thread only hands updates to a queue.
 */
public final class WindowHistory implements Consumer<TrackerUpdate>, HistoryReader, AutoCloseable {

    /** Why nothing is recorded, when nothing is. */
    private enum Off {
        NO_FILE("History is off: no history file was chosen."),
        COMMAND_LINE("History is off for this run (--no-history). Earlier history can still be read."),
        SETTING("History is off (Settings). Turn on \"Record who was connected when\" to record it."),
        DEMO("History is not recorded while the window shows demo data, so that invented sessions never mix with"
                + " your servers' real history. Add your servers in Settings to record it.");

        private final String detail;

        Off(String detail) {
            this.detail = detail;
        }
    }

    /** The recorder's settings; a change restarts it. */
    private record Plan(Path file, Duration retention, Duration maxGap) {
    }

    private volatile Optional<Path> file = Optional.empty();
    private boolean offByCommandLine;
    private AppConfig config;
    private boolean demo;
    private final Clock clock;
    private final Consumer<Runnable> fxThread;
    private final Executor background;
    private final ReadOnlyObjectWrapper<HistoryIndicator> indicator;
    private volatile HistoryRecorder recorder;
    private volatile Consumer<HistoryRecorder> whenRecording = recorder -> { };
    private Plan plan;
    /** Why nothing is recorded now, or null while a recorder is wanted. */
    private volatile Off off = Off.NO_FILE;
    private volatile HistoryDatabase readable;

    /**
     * History with no file yet (nothing recorded or read) until {@link #use} names one.
     *
     * @param background where the recorder is started and stopped (stopping waits for its last writes)
     * @param fxThread   where status changes are shown
     */
    public WindowHistory(Clock clock, Executor background, Consumer<Runnable> fxThread) {
        this.clock = clock;
        this.background = background;
        this.fxThread = fxThread;
        this.indicator = new ReadOnlyObjectWrapper<>(this, "indicator", off(Off.NO_FILE));
    }

    /**
     * Names the history file (the OS's data folder, or {@code --history-db}) and whether this run records
     * ({@code --no-history} reads the file but records nothing). FX thread.
     */
    public void use(Path historyFile, boolean offByCommandLine) {
        this.file = Optional.of(historyFile.toAbsolutePath());
        this.offByCommandLine = offByCommandLine;
        this.readable = null;
        if (config != null) {
            configure(config, demo);
        }
    }

    /** Starts, restarts or stops recording for a configuration. FX thread. */
    public void configure(AppConfig config, boolean demo) {
        this.config = config;
        this.demo = demo;
        Off off = file.isEmpty() ? Off.NO_FILE : offByCommandLine ? Off.COMMAND_LINE
                : !config.recordHistory() ? Off.SETTING : demo ? Off.DEMO : null;
        this.off = off;
        // A poll may end up to its deadline late: two intervals plus the deadline still count as continuous.
        Plan wanted = off != null ? null : new Plan(file.orElseThrow(), config.historyRetention(),
                config.pollInterval().multipliedBy(2).plus(config.serverDeadline()));
        if (java.util.Objects.equals(wanted, plan)) {
            if (off != null) {
                indicator.set(off(off));
            }
            return;
        }
        plan = wanted;
        HistoryRecorder previous = recorder;
        recorder = null;
        if (off != null) {
            indicator.set(off(off));
        }
        background.execute(() -> {
            if (previous != null) {
                // Writes what is queued and closes the open intervals before another recorder opens the file.
                previous.close();
            }
            if (wanted != null) {
                recorder = HistoryRecorder.start(wanted.file(), wanted.retention(), wanted.maxGap(), clock,
                        status -> fxThread.accept(() -> show(status)));
                whenRecording.accept(recorder);
            }
        });
    }

    /**
     * Called with each recorder this history starts, on the thread that started it (the window keeps its fired alerts
     * in it). Set once, before {@link #use}.
     */
    public void whenRecording(Consumer<HistoryRecorder> listener) {
        this.whenRecording = java.util.Objects.requireNonNull(listener, "listener");
    }

    /** Whether a recorder runs now (then the open files are watched too, to keep them). */
    public boolean isRecording() {
        return recorder != null;
    }

    /** Tracker thread: queues the update for the recorder, if one runs; never blocks. */
    @Override
    public void accept(TrackerUpdate update) {
        HistoryRecorder current = recorder;
        if (current != null) {
            current.accept(update);
        }
    }

    /**
     * Open-files tracker thread: queues an open-files answer's changes for the recorder, if one runs (subscribe this
     * to the window's {@code OpenFilesTracker}); never blocks.
     */
    public void acceptFiles(FilesUpdate update) {
        HistoryRecorder current = recorder;
        if (current != null) {
            current.acceptFiles(update);
        }
    }

    public ReadOnlyObjectProperty<HistoryIndicator> indicatorProperty() {
        return indicator.getReadOnlyProperty();
    }

    public HistoryIndicator getIndicator() {
        return indicator.get();
    }

    /** The running recorder, for tests that wait for its writes; empty while not recording. */
    public Optional<HistoryRecorder> recorder() {
        return Optional.ofNullable(recorder);
    }

    /** Reads the history file (off the FX thread); the file is opened once, on the first question. */
    @Override
    public <T> T read(Function<HistoryRepository, T> question) {
        HistoryDatabase database = readable;
        if (database == null) {
            Path path = file.orElseThrow(() -> new HistoryException(Off.NO_FILE.detail));
            Off reason = off;
            if (reason != null && !Files.exists(path)) {
                // Nothing was ever recorded, and nothing is now: say why rather than how one would record.
                throw new HistoryException("Nothing has been recorded yet. " + reason.detail);
            }
            database = HistoryDatabase.open(path, HistoryDatabase.Mode.QUERY, clock.instant());
            readable = database;
        }
        return database.read(question);
    }

    private void show(HistoryStatus status) {
        if (plan == null || !plan.file().equals(status.file())) {
            return; // a recorder stopped on purpose reports its end after the indicator says why
        }
        String where = "Recording who was connected when into " + status.file() + ".";
        indicator.set(switch (status.state()) {
            case STARTING -> new HistoryIndicator(HistoryIndicator.State.RECORDING, "History: starting", where);
            case RECORDING -> new HistoryIndicator(HistoryIndicator.State.RECORDING, "History: recording",
                    status.message().map(m -> where + " " + m).orElse(where));
            case FAILING, STOPPED -> new HistoryIndicator(HistoryIndicator.State.FAILING, "History: not recording",
                    status.message().orElse("History stopped. Restart SessionWatch to record again."));
        });
    }

    private static HistoryIndicator off(Off reason) {
        return new HistoryIndicator(HistoryIndicator.State.OFF, "History: off", reason.detail);
    }

    /** Stops recording, waiting for the last writes (call off the FX thread, or at exit). */
    @Override
    public void close() {
        HistoryRecorder current = recorder;
        recorder = null;
        if (current != null) {
            current.close();
        }
    }
}
