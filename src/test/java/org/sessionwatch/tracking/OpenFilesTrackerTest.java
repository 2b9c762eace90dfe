package org.sessionwatch.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.OpenFilesResult;

class OpenFilesTrackerTest {
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
    private static final Instant T1 = T0.plusSeconds(15);
    private static final Instant T2 = T0.plusSeconds(30);

    private final OpenFilesTracker tracker = new OpenFilesTracker();

    private static OpenFile file(long id, String path, long locks) {
        return new OpenFile("FS01", FileInfoLevel.LEVEL_3, id, 3L, locks, path, "alice");
    }

    private static OpenFilesResult ok(OpenFile... files) {
        return new OpenFilesResult.Success("FS01", FileInfoLevel.LEVEL_3, List.of(files));
    }

    @Test
    void firstAnswerIsTheStartingStateAndLaterFilesAreNew() {
        FilesUpdate first = tracker.apply(T0, ok(file(1, "C:\\s\\a.xlsx", 0)));
        assertThat(first.events()).containsExactly(new FileEvent.Opened(T0, file(1, "C:\\s\\a.xlsx", 0), true));

        FilesUpdate second = tracker.apply(T1, ok(file(1, "C:\\s\\a.xlsx", 0), file(4026531841L, "C:\\s\\b.docx", 0)));
        assertThat(second.events()).containsExactly(
                new FileEvent.Opened(T1, file(4026531841L, "C:\\s\\b.docx", 0), false));
        assertThat(second.current()).extracting(OpenFile::id).containsExactly(1L, 4026531841L);
    }

    @Test
    void aFileGoneFromTheAnswerIsClosedWithItsFirstSighting() {
        tracker.apply(T0, ok(file(1, "C:\\s\\a.xlsx", 0), file(2, "C:\\s\\b.docx", 0)));
        tracker.apply(T1, ok(file(1, "C:\\s\\a.xlsx", 0), file(2, "C:\\s\\b.docx", 0)));

        FilesUpdate update = tracker.apply(T2, ok(file(1, "C:\\s\\a.xlsx", 0)));

        assertThat(update.events()).containsExactly(
                new FileEvent.Closed(T2, file(2, "C:\\s\\b.docx", 0), T0, FileEvent.Reason.CLOSED));
        assertThat(tracker.current("FS01")).containsExactly(file(1, "C:\\s\\a.xlsx", 0));
    }

    @Test
    void aReusedIdWithAnotherPathIsAnotherFile() {
        tracker.apply(T0, ok(file(7, "C:\\s\\old.txt", 0)));

        FilesUpdate update = tracker.apply(T1, ok(file(7, "C:\\s\\new.txt", 0)));

        assertThat(update.events()).containsExactly(
                new FileEvent.Opened(T1, file(7, "C:\\s\\new.txt", 0), false),
                new FileEvent.Closed(T1, file(7, "C:\\s\\old.txt", 0), T0, FileEvent.Reason.CLOSED));
    }

    @Test
    void changedLocksAreReportedWithBeforeAndAfter() {
        tracker.apply(T0, ok(file(1, "C:\\s\\a.xlsx", 0)));

        FilesUpdate update = tracker.apply(T1, ok(file(1, "C:\\s\\a.xlsx", 2)));

        assertThat(update.events()).containsExactly(
                new FileEvent.Changed(T1, file(1, "C:\\s\\a.xlsx", 0), file(1, "C:\\s\\a.xlsx", 2)));
    }

    @Test
    void aFailingServerKeepsItsFilesAndClosesNothingUntilItAnswersAgain() {
        tracker.apply(T0, ok(file(1, "C:\\s\\a.xlsx", 0), file(2, "C:\\s\\b.docx", 0)));
        NetApiError denied = new NetApiError(ErrorKind.TIMEOUT, 0, "FS01 did not answer", "Check the server");

        FilesUpdate failing = tracker.apply(T1, new OpenFilesResult.Failure("FS01", FileInfoLevel.LEVEL_3, denied));
        assertThat(failing.events()).isEmpty();
        assertThat(failing.current()).hasSize(2);

        FilesUpdate back = tracker.apply(T2, ok(file(2, "C:\\s\\b.docx", 0)));
        assertThat(back.events()).containsExactly(
                new FileEvent.Closed(T2, file(1, "C:\\s\\a.xlsx", 0), T0, FileEvent.Reason.CLOSED));
    }

    @Test
    void aServerThatNeverAnsweredHasNoFilesAndItsFirstAnswerIsInitial() {
        FilesUpdate unsupported = tracker.apply(T0, new OpenFilesResult.Unsupported("FS01", "sessions only"));
        assertThat(unsupported.events()).isEmpty();
        assertThat(unsupported.current()).isEmpty();

        FilesUpdate first = tracker.apply(T1, ok(file(1, "C:\\s\\a.xlsx", 0)));
        assertThat(first.events()).containsExactly(new FileEvent.Opened(T1, file(1, "C:\\s\\a.xlsx", 0), true));
    }

    @Test
    void levelTwoEntriesAreMatchedByIdAlone() {
        tracker.apply(T0, new OpenFilesResult.Success("FS01", FileInfoLevel.LEVEL_2,
                List.of(OpenFile.idOnly("FS01", 9), OpenFile.idOnly("FS01", 10))));

        FilesUpdate update = tracker.apply(T1, new OpenFilesResult.Success("FS01", FileInfoLevel.LEVEL_2,
                List.of(OpenFile.idOnly("FS01", 10))));

        assertThat(update.events()).containsExactly(
                new FileEvent.Closed(T1, OpenFile.idOnly("FS01", 9), T0, FileEvent.Reason.CLOSED));
    }

    @Test
    void removingAServerClosesItsFilesAndForgetsIt() {
        tracker.apply(T0, ok(file(1, "C:\\s\\a.xlsx", 0)));

        FilesUpdate removed = tracker.removeServer(T1, "FS01");

        assertThat(removed.events()).containsExactly(
                new FileEvent.Closed(T1, file(1, "C:\\s\\a.xlsx", 0), T0, FileEvent.Reason.SERVER_REMOVED));
        assertThat(tracker.servers()).isEmpty();
        assertThat(tracker.apply(T2, ok(file(1, "C:\\s\\a.xlsx", 0))).events())
                .containsExactly(new FileEvent.Opened(T2, file(1, "C:\\s\\a.xlsx", 0), true));
    }

    @Test
    void aSubscriberThatThrowsDoesNotStopTheOthers() {
        List<FilesUpdate> seen = new ArrayList<>();
        tracker.subscribe(update -> {
            throw new IllegalStateException("broken consumer");
        });
        tracker.subscribe(seen::add);

        tracker.apply(T0, ok(file(1, "C:\\s\\a.xlsx", 0)));

        assertThat(seen).hasSize(1);
    }

    @Test
    void aFileListedTwiceInOneAnswerIsOneFile() {
        FilesUpdate update = tracker.apply(T0, ok(file(1, "C:\\s\\a.xlsx", 0), file(1, "C:\\s\\a.xlsx", 0)));

        assertThat(update.events()).hasSize(1);
        assertThat(update.current()).hasSize(1);
    }
}
