package org.sessionwatch.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.Capabilities;
import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;
import org.sessionwatch.polling.ServerActions;

class OpenFilesWatchTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC);

    /** Answers FS01 with one file at once, FS02 only when the test completes its future; FS03 cannot list files. */
    private static final class Actions implements ServerActions {
        final Map<String, Integer> asked = new ConcurrentHashMap<>();
        final CompletableFuture<OpenFilesResult> slow = new CompletableFuture<>();

        @Override
        public List<String> servers() {
            return List.of("FS01", "FS02", "FS03");
        }

        @Override
        public Capabilities capabilities(String server) {
            return server.equals("FS03") ? Capabilities.none("sessions only") : Capabilities.all();
        }

        @Override
        public CompletableFuture<OpenFilesResult> listOpenFiles(OpenFilesRequest request) {
            asked.merge(request.server(), 1, Integer::sum);
            if (request.server().equals("FS02")) {
                return slow;
            }
            return CompletableFuture.completedFuture(new OpenFilesResult.Success(request.server(),
                    FileInfoLevel.LEVEL_3, List.of(new OpenFile(request.server(), FileInfoLevel.LEVEL_3, 1, 1L, 0L,
                    "C:\\s\\a.xlsx", "alice"))));
        }

        @Override
        public CompletableFuture<ActionResult> closeFile(String server, long fileId) {
            throw new AssertionError("not asked");
        }

        @Override
        public CompletableFuture<ActionResult> endSession(String server, String client, String user) {
            throw new AssertionError("not asked");
        }
    }

    @Test
    void everyServerThatCanListFilesIsAskedOnceAndItsAnswerReachesTheTracker() {
        Actions actions = new Actions();
        OpenFilesTracker tracker = new OpenFilesTracker();
        List<FilesUpdate> updates = new ArrayList<>();
        tracker.subscribe(updates::add);
        OpenFilesWatch watch = new OpenFilesWatch(() -> actions, tracker, Runnable::run, CLOCK);

        CompletableFuture<Void> round = watch.listAll();

        assertThat(actions.asked).containsOnlyKeys("FS01", "FS02");
        assertThat(updates).extracting(FilesUpdate::server).containsExactly("FS01");
        assertThat(updates.get(0).events()).hasSize(1);
        assertThat(round).isNotDone();

        actions.slow.complete(new OpenFilesResult.Success("FS02", FileInfoLevel.LEVEL_3, List.of()));

        assertThat(round).isDone();
        assertThat(updates).extracting(FilesUpdate::server).containsExactly("FS01", "FS02");
    }

    @Test
    void aServerStillAnsweringIsNotAskedAgain() {
        Actions actions = new Actions();
        OpenFilesWatch watch = new OpenFilesWatch(() -> actions, new OpenFilesTracker(), Runnable::run, CLOCK);

        watch.listAll();
        watch.listAll();

        assertThat(actions.asked).containsEntry("FS01", 1).containsEntry("FS02", 1);

        actions.slow.complete(new OpenFilesResult.Success("FS02", FileInfoLevel.LEVEL_3, List.of()));
        watch.listAll();

        assertThat(actions.asked).containsEntry("FS01", 2);
    }
}
