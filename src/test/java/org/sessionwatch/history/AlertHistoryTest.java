package org.sessionwatch.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionwatch.alerts.Alert;
import org.sessionwatch.config.AlertEvent;

/** Fired alerts go into the history database on the recorder's writer thread and come back by time. */
class AlertHistoryTest {
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    @TempDir
    Path folder;

    private static Alert alert(Instant at, String rule, String text) {
        return new Alert(at, rule, AlertEvent.SESSION_CONNECTED, "FS01", "10.0.0.5", "alice", text,
                OptionalLong.of(7));
    }

    private HistoryRecorder recorder(Path file) {
        return HistoryRecorder.start(file, Duration.ofDays(90), Duration.ofMinutes(1), Clock.fixed(T0,
                ZoneOffset.UTC), status -> { });
    }

    private static List<Alert> read(HistoryRecorder recorder, Instant from, Instant until) throws Exception {
        return recorder.fired(from, until).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void appendedAlertsAreReadBackInFiringOrderWithinTheRangeAndOutliveTheRun() throws Exception {
        Path file = folder.resolve("history.db");
        Alert summary = new Alert(T0.plusSeconds(30), Alert.SUMMARY_RULE, null, null, null, null,
                "3 more alerts held back (at most 10 a minute): anyone ×3", OptionalLong.empty());
        try (HistoryRecorder recorder = recorder(file)) {
            recorder.append(List.of(alert(T0.minusSeconds(3_600), "early", "yesterday's"),
                    alert(T0, "alice connects", "FS01 10.0.0.5 alice connected")));
            recorder.append(List.of(summary));

            assertThat(read(recorder, T0, T0.plusSeconds(60))).extracting(Alert::rule, Alert::text)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("alice connects",
                                    "FS01 10.0.0.5 alice connected"),
                            org.assertj.core.groups.Tuple.tuple(Alert.SUMMARY_RULE, summary.text()));
        }
        try (HistoryRecorder again = recorder(file)) {
            List<Alert> kept = read(again, T0.minusSeconds(7_200), T0.plusSeconds(60));
            assertThat(kept).hasSize(3);
            assertThat(kept.get(1)).satisfies(a -> {
                assertThat(a.time()).isEqualTo(T0);
                assertThat(a.event()).isEqualTo(AlertEvent.SESSION_CONNECTED);
                assertThat(a.server()).isEqualTo("FS01");
                assertThat(a.client()).isEqualTo("10.0.0.5");
                assertThat(a.user()).isEqualTo("alice");
                assertThat(a.sessionId()).as("tracker ids belong to the run that fired them").isEmpty();
            });
            assertThat(kept.get(2).isSummary()).isTrue();
        }
    }

    @Test
    void aReadWhenHistoryCannotBeOpenedFailsWithTheReasonInsteadOfHanging() throws Exception {
        Path notAFolder = folder.resolve("file");
        java.nio.file.Files.writeString(notAFolder, "x");
        try (HistoryRecorder recorder = recorder(notAFolder.resolve("history.db"))) {
            assertThat(recorder.fired(T0, T0.plusSeconds(1)).toCompletableFuture())
                    .failsWithin(30, TimeUnit.SECONDS).withThrowableThat()
                    .havingRootCause().isInstanceOf(HistoryException.class)
                    .withMessageContaining("History is not being recorded");
        }
    }

    @Test
    void overlongTextsAreCutRatherThanFailingTheWrite() throws Exception {
        try (HistoryRecorder recorder = recorder(folder.resolve("history.db"))) {
            recorder.append(List.of(alert(T0, "long", "x".repeat(5_000))));
            assertThat(read(recorder, T0, T0.plusSeconds(1))).singleElement()
                    .satisfies(a -> assertThat(a.text()).hasSize(AlertHistory.MAX_TEXT).endsWith("…"));
        } catch (CompletionException e) {
            throw new AssertionError(e);
        }
    }
}
