package org.sessionwatch.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionwatch.history.HistoryRepository.Party;
import org.sessionwatch.tracking.SessionTracker;

/**
 * Retention on a real file: what ended before the cutoff goes, in batches, while writes keep being recorded; what is
 * newer (or still open) stays.
 */
class HistoryRetentionTest {
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant LATER = T0.plus(Duration.ofDays(3));
    private static final Duration INTERVAL = Duration.ofSeconds(15);

    @TempDir
    Path folder;

    private final ScriptedEstate estate = new ScriptedEstate().server("FS01").server("FS02")
            .session("FS01", "10.0.0.1", "alice", T0.minusSeconds(3_600), null, 2)
            .session("FS01", "PC-0412", "bob", T0.plusSeconds(37), T0.plusSeconds(131), 5)
            .session("FS02", "10.0.0.7", "carol", T0.minusSeconds(20), T0.plusSeconds(250), 1)
            .session("FS02", "10.0.0.8", "dave", LATER.minusSeconds(60), null, 1);

    private static void poll(HistoryRecorder recorder, ScriptedEstate estate, Instant from, Instant to) {
        SessionTracker tracker = new SessionTracker();
        tracker.subscribe(recorder);
        for (Instant t = from; !t.isAfter(to); t = t.plus(INTERVAL)) {
            tracker.completeCycle(estate.poll(t));
        }
    }

    private static List<HistoryInterval> intervalsOf(HistoryDatabase database, String user) {
        return database.read(h -> h.intervals(Party.USER, user, Optional.empty(), null, null));
    }

    @Test
    void expiredIntervalsAndCoverageGoWhileNewWritesAreKept() throws Exception {
        Path file = folder.resolve("history.db");
        try (HistoryRecorder old = HistoryRecorder.start(file, Duration.ofDays(90), INTERVAL.multipliedBy(3),
                Clock.fixed(T0.plusSeconds(300), ZoneOffset.UTC), status -> { })) {
            poll(old, estate, T0, T0.plusSeconds(300));
            assertThat(old.flush(Duration.ofSeconds(30))).isTrue();
        }

        // Two days' retention, three days later: the first morning has expired, except alice, who is still there.
        HistoryRecorder recorder = HistoryRecorder.start(file, Duration.ofDays(2), INTERVAL.multipliedBy(3),
                Clock.fixed(LATER.plusSeconds(300), ZoneOffset.UTC), status -> { }, Duration.ZERO);
        try {
            poll(recorder, estate, LATER, LATER.plusSeconds(300));
            assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (recorder.metrics().retentionDeleted() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            recorder.close();
        }

        HistoryDatabase database = HistoryDatabase.open(file, HistoryDatabase.Mode.QUERY, LATER);
        assertThat(intervalsOf(database, "bob")).isEmpty();
        assertThat(intervalsOf(database, "carol")).isEmpty();
        List<HistoryInterval> alice = intervalsOf(database, "alice");
        assertThat(alice).as("continued after the restart, so not expired").hasSize(1);
        assertThat(alice.getFirst().start()).contains(T0.minusSeconds(3_600));
        assertThat(intervalsOf(database, "dave")).hasSize(1);
        List<CoverageSpan> coverage = database.read(h -> h.coverage(Optional.empty(), null, null));
        assertThat(coverage).isNotEmpty().allSatisfy(span -> assertThat(span.to()).isAfter(LATER.minusSeconds(1)));
        // two old coverage spans, bob and carol (and their samples, if any)
        assertThat(recorder.metrics().retentionDeleted()).isGreaterThanOrEqualTo(4);
        assertThat(recorder.metrics().retentionMaxBatchNanos()).isPositive();
    }
}
