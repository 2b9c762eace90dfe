package org.sessionwatch.ui.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.history.CoverageSpan;
import org.sessionwatch.history.HistoryRecorder;
import org.sessionwatch.history.HistoryException;

/** When the window records history, and what its status bar says about it. */
class WindowHistoryTest {
    private static final AppConfig REAL = AppConfig.defaults().withServers(List.of(ServerConfig.of("FS01")));

    @TempDir
    Path folder;

    private final WindowHistory history = new WindowHistory(Clock.systemUTC(), Runnable::run, Runnable::run);

    @AfterEach
    void close() {
        history.close();
    }

    private void awaitState(HistoryIndicator.State state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (history.getIndicator().state() != state && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(history.getIndicator().state()).isEqualTo(state);
    }

    @Test
    void withoutAFileNothingIsRecordedOrRead() {
        history.configure(REAL, false);

        assertThat(history.getIndicator()).extracting(HistoryIndicator::state, HistoryIndicator::text)
                .containsExactly(HistoryIndicator.State.OFF, "History: off");
        assertThat(history.recorder()).isEmpty();
        assertThatThrownBy(() -> history.read(h -> h.coverage(Optional.empty(), null, null)))
                .isInstanceOf(HistoryException.class).hasMessageContaining("no history file");
    }

    /** The details pane and the History tab ask the file: with demo data and no file yet, they say why it is empty. */
    @Test
    void readingWhileNothingWasEverRecordedSaysWhy() {
        Path file = folder.resolve("history.db");
        history.configure(AppConfig.defaults(), true);
        history.use(file, false);

        assertThatThrownBy(() -> history.read(h -> h.coverage(Optional.empty(), null, null)))
                .isInstanceOf(HistoryException.class)
                .hasMessageStartingWith("Nothing has been recorded yet. History is not recorded while the window"
                        + " shows demo data");
        assertThat(Files.exists(file)).as("asking creates no file").isFalse();
    }

    @Test
    void realServersAreRecordedAndTheDemoFleetNever() throws Exception {
        Path file = folder.resolve("history.db");
        history.configure(REAL, false);
        history.use(file, false);

        awaitState(HistoryIndicator.State.RECORDING);
        assertThat(history.recorder()).isPresent();
        assertThat(history.getIndicator().detail()).contains(file.toString());
        assertThat(Files.exists(file)).isTrue();

        history.configure(AppConfig.defaults(), true);

        assertThat(history.recorder()).as("stopped before demo data arrives").isEmpty();
        assertThat(history.getIndicator().state()).isEqualTo(HistoryIndicator.State.OFF);
        assertThat(history.getIndicator().detail()).contains("demo data");
        // Still readable: the History tab shows what was recorded before.
        List<CoverageSpan> coverage = history.read(h -> h.coverage(Optional.empty(), null, null));
        assertThat(coverage).isEmpty();
    }

    @Test
    void eachRecorderStartedIsHandedToTheWindowSoItsAlertsAndOpenFilesAreKeptThere() throws Exception {
        List<HistoryRecorder> started = new java.util.ArrayList<>();
        history.whenRecording(started::add);
        history.use(folder.resolve("history.db"), false);

        history.configure(REAL, false);
        awaitState(HistoryIndicator.State.RECORDING);
        assertThat(history.isRecording()).isTrue();
        assertThat(started).containsExactly(history.recorder().orElseThrow());

        history.configure(REAL.toBuilder().recordHistory(false).build(), false);
        assertThat(history.isRecording()).isFalse();
        history.configure(REAL, false);
        awaitState(HistoryIndicator.State.RECORDING);
        assertThat(started).as("a new recorder after the setting came back on").hasSize(2)
                .last().isSameAs(history.recorder().orElseThrow());
    }

    @Test
    void theSettingAndNoHistoryTurnRecordingOffAndSaySo() throws Exception {
        history.use(folder.resolve("history.db"), false);
        history.configure(REAL.toBuilder().recordHistory(false).build(), false);

        assertThat(history.recorder()).isEmpty();
        assertThat(history.getIndicator().detail()).contains("Settings");

        history.use(folder.resolve("history.db"), true);
        history.configure(REAL, false);
        assertThat(history.recorder()).isEmpty();
        assertThat(history.getIndicator().detail()).contains("--no-history");
    }

    @Test
    void aFileThatCannotBeCreatedIsReportedAsNotRecording() throws Exception {
        Path blocker = folder.resolve("blocker");
        Files.writeString(blocker, "a file where the folder should be");
        history.use(blocker.resolve("history.db"), false);
        history.configure(REAL, false);

        awaitState(HistoryIndicator.State.FAILING);
        assertThat(history.getIndicator().text()).isEqualTo("History: not recording");
        assertThat(history.getIndicator().detail()).contains("Polling goes on");
    }
}
