package org.sessionwatch.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sessionwatch.files.AtomicFiles;
import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FileApiStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ActionLogTest {

    private static final Instant AT = Instant.parse("2026-11-30T20:15:00Z");

    @TempDir
    Path directory;

    @Test
    void liesNextToTheConfiguration() {
        assertThat(ActionLog.nextTo(directory.resolve("config.json")).file())
                .isEqualTo(directory.resolve("actions.log").toAbsolutePath());
    }

    @Test
    void appendsOneJsonLinePerActionWithEveryKeyAndReadsThemBack() throws Exception {
        ActionLog log = new ActionLog(directory.resolve("actions.log"));
        ActionRecord closed = ActionRecord.closeFile(AT, "CORP\\anna", "FS01", 2_622_423_041L,
                "D:\\Shares\\Finance\\budget.xlsx", "bob", new ActionResult.Done(), false);
        ActionRecord denied = ActionRecord.endSession(AT.plusSeconds(5), "CORP\\anna", "FS01", "10.0.0.5", "bob",
                FileApiStatus.endSessionResult(5, "FS01", "10.0.0.5", "bob"), true);

        log.append(closed);
        log.append(denied);

        List<String> lines = Files.readAllLines(log.file(), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        List<String> keys = new ArrayList<>();
        first.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("at", "actor", "action", "server", "fileId", "path", "client", "user",
                "outcome", "detail", "errorKind", "code", "demo");
        assertThat(first.get("fileId").asLong()).isEqualTo(2_622_423_041L);
        assertThat(first.get("at").asText()).isEqualTo("2026-11-30T20:15:00Z");
        assertThat(first.get("client").isNull()).isTrue();
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertThat(second.get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(second.get("errorKind").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(second.get("code").asLong()).isEqualTo(5);
        assertThat(second.get("demo").asBoolean()).isTrue();
        assertThat(log.read()).isEqualTo(new ActionLog.Contents(List.of(closed, denied), List.of()));
    }

    @Test
    void recordsEveryOutcomeWithItsSentence() {
        ActionRecord gone = ActionRecord.closeFile(AT, "anna", "FS01", 7, null, null,
                new ActionResult.AlreadyGone("File 7 is no longer open on FS01."), false);
        ActionRecord unsupported = ActionRecord.endSession(AT, "anna", "FS01", null, "bob",
                new ActionResult.Unsupported("Ending sessions is not supported by the test backend yet."), false);

        assertThat(gone.outcome()).isEqualTo(ActionRecord.Outcome.ALREADY_GONE);
        assertThat(gone.detail()).isEqualTo("File 7 is no longer open on FS01.");
        assertThat(gone.errorKind()).isNull();
        assertThat(unsupported.outcome()).isEqualTo(ActionRecord.Outcome.UNSUPPORTED);
        assertThat(unsupported.detail()).contains("not supported");
    }

    @Test
    void isReadableByItsOwnerOnlyEvenWhenItExistedWithWiderRights() throws Exception {
        assumeTrue(AtomicFiles.isPosix(), "POSIX permissions");
        Path file = directory.resolve("actions.log");
        Files.writeString(file, "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        new ActionLog(file).append(record(1));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Path fresh = directory.resolve("sub/dir/actions.log");
        new ActionLog(fresh).append(record(2));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.getParent())))
                .as("a folder it creates").isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("sub"))))
                .isEqualTo("rwx------");
    }

    @Test
    void concurrentWritersNeverInterleaveLines() throws Exception {
        Path file = directory.resolve("actions.log");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                // Separate ActionLog objects, as the window and a CLI run would have.
                writers.add(pool.submit(() -> {
                    ActionLog log = new ActionLog(file);
                    for (int i = 0; i < 50; i++) {
                        log.append(record(writer * 1000 + i));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        ActionLog.Contents contents = new ActionLog(file).read();
        assertThat(contents.unreadableLines()).isEmpty();
        assertThat(contents.records()).hasSize(200);
        assertThat(contents.records()).extracting(ActionRecord::fileId).doesNotHaveDuplicates();
    }

    @Test
    void aLineCutShortByACrashIsReportedByNumberAndTheRestIsRead() throws Exception {
        ActionLog log = new ActionLog(directory.resolve("actions.log"));
        log.append(record(1));
        Files.writeString(log.file(), "{\"at\":\"2026-11-30T20:", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(log.file(), "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        log.append(record(3));

        ActionLog.Contents contents = log.read();

        assertThat(contents.records()).extracting(ActionRecord::fileId).containsExactly(1L, 3L);
        assertThat(contents.unreadableLines()).containsExactly(2);
    }

    @Test
    void readRecentGivesTheLastRecordsOldestFirstAndReportsEveryDamagedLine() throws Exception {
        ActionLog log = new ActionLog(directory.resolve("actions.log"));
        log.append(record(1));
        // Bytes that are not UTF-8, then a line of valid JSON that is not a record.
        Files.write(log.file(), new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'},
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(log.file(), "{\"at\":\"yesterday\"}\n", java.nio.file.StandardOpenOption.APPEND);
        for (long id = 2; id <= 5; id++) {
            log.append(record(id));
        }

        ActionLog.Contents recent = log.readRecent(3);

        assertThat(recent.records()).extracting(ActionRecord::fileId).containsExactly(3L, 4L, 5L);
        assertThat(recent.unreadableLines()).containsExactly(2, 3);
        assertThat(log.readRecent(0).records()).isEmpty();
        assertThat(log.read().records()).extracting(ActionRecord::fileId).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void checkWritableCreatesAnEmptyOwnerOnlyLogAndFailsWhereNoneCanBe() throws Exception {
        ActionLog log = new ActionLog(directory.resolve("new/actions.log"));

        log.checkWritable();

        assertThat(log.file()).exists().isEmptyFile();
        if (AtomicFiles.isPosix()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log.file())))
                    .isEqualTo("rw-------");
        }
        Path notAFolder = Files.writeString(directory.resolve("plain-file"), "");
        org.assertj.core.api.Assertions.assertThatIOException()
                .isThrownBy(() -> new ActionLog(notAFolder.resolve("actions.log")).checkWritable());
    }

    @Test
    void aMissingLogIsEmpty() throws Exception {
        assertThat(new ActionLog(directory.resolve("none.log")).read().records()).isEmpty();
    }

    @Test
    void namesTheActorWithItsWindowsDomain() {
        Map<String, String> env = Map.of("USERDOMAIN", "CORP");

        assertThat(ActionLog.localAccount("Windows 11", env::get, "anna")).isEqualTo("CORP\\anna");
        assertThat(ActionLog.localAccount("Linux", env::get, "anna")).isEqualTo("anna");
        assertThat(ActionLog.localAccount("Windows 11", k -> null, "anna")).isEqualTo("anna");
    }

    @Test
    void aRefusalKeepsItsKindAndCodeButNoRemedyOrCredential() {
        ActionRecord refused = ActionRecord.closeFile(AT, "anna", "FS01", 7, null, null,
                FileApiStatus.closeResult(5, "FS01", 7), false);

        assertThat(refused.errorKind()).isEqualTo(ErrorKind.ACCESS_DENIED);
        assertThat(refused.code()).isEqualTo(5);
        assertThat(ActionLog.toJson(refused)).doesNotContainIgnoringCase("password");
    }

    private static ActionRecord record(long id) {
        return ActionRecord.closeFile(AT, "anna", "FS01", id, null, null, new ActionResult.Done(), false);
    }
}
