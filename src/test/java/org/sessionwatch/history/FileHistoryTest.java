package org.sessionwatch.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.OpenFilesResult;
import org.sessionwatch.tracking.OpenFilesTracker;

/** Open files kept like sessions: the open-files tracker's events through the recorder into a real SQLite file. */
class FileHistoryTest {
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    @TempDir
    Path folder;

    private static OpenFile file(long id, String path, String user, long locks) {
        return new OpenFile("FS01", FileInfoLevel.LEVEL_3, id, 3L, locks, path, user);
    }

    private static OpenFilesResult answer(OpenFile... files) {
        return new OpenFilesResult.Success("FS01", FileInfoLevel.LEVEL_3, List.of(files));
    }

    private static List<FileInterval> files(HistoryDatabase database, Instant at, Optional<String> server) {
        return database.read(h -> h.filesOpenAt(at, server));
    }

    @Test
    void filesAreKeptFromTheirFirstToTheirLastSightingAndAskedByTime() throws Exception {
        Path file = folder.resolve("history.db");
        OpenFile report = file(7, "D:\\Shares\\Finance\\report.xlsx", "alice", 0);
        OpenFile notes = file(9, "D:\\Shares\\Team\\notes.docx", "bob", 1);
        try (HistoryRecorder recorder = HistoryRecorder.start(file, Duration.ofDays(90), Duration.ofMinutes(1),
                Clock.fixed(T0, ZoneOffset.UTC), status -> { })) {
            OpenFilesTracker tracker = new OpenFilesTracker();
            tracker.subscribe(recorder::acceptFiles);
            tracker.apply(T0, answer(report));
            tracker.apply(T0.plusSeconds(30), answer(file(7, report.path(), "alice", 2), notes));
            tracker.apply(T0.plusSeconds(60), answer(notes));
            tracker.apply(T0.plusSeconds(90), answer(notes));
            assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();

            HistoryDatabase database = HistoryDatabase.open(file, HistoryDatabase.Mode.QUERY, T0);
            assertThat(files(database, T0.plusSeconds(45), Optional.of("fs01")))
                    .extracting(FileInterval::path, FileInterval::user, FileInterval::isOpen)
                    .containsExactly(tuple("D:\\Shares\\Finance\\report.xlsx", "alice", false),
                            tuple("D:\\Shares\\Team\\notes.docx", "bob", true));
            assertThat(files(database, T0.plusSeconds(75), Optional.empty()))
                    .extracting(FileInterval::fileId).containsExactly(9L);
            FileInterval closed = files(database, T0, Optional.empty()).getFirst();
            assertThat(closed.firstSeen()).isEqualTo(T0);
            assertThat(closed.lastSeen()).as("the last answer that listed it").isEqualTo(T0.plusSeconds(30));
            assertThat(closed.end()).hasValue(T0.plusSeconds(60));
            assertThat(closed.maxLocks()).hasValue(2);
            assertThat(closed.endReason()).hasValue(HistoryInterval.EndReason.DISCONNECTED);
        }

        // Recording stopped with notes.docx still open: it ends at its server's last answer, not later.
        HistoryDatabase database = HistoryDatabase.open(file, HistoryDatabase.Mode.QUERY, T0);
        assertThat(files(database, T0.plusSeconds(90), Optional.empty())).isEmpty();
        assertThat(files(database, T0.plusSeconds(89), Optional.empty()))
                .filteredOn(f -> f.fileId() == 9).singleElement()
                .satisfies(f -> assertThat(f.endReason()).hasValue(HistoryInterval.EndReason.UNOBSERVED));
    }
}
