package org.sessionwatch.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The document policy; the private-file policy is covered through ConfigStoreTest. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aDocumentReplacesTheOldContentAndLeavesNoTemporaryFile() throws IOException {
        Path file = Files.writeString(dir.resolve("sessions.csv"), "old");

        AtomicFiles.writeDocument(file, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(file).hasContent("new");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aDocumentThatFailsHalfWayLeavesTheOldContent() throws IOException {
        Path file = Files.writeString(dir.resolve("sessions.csv"), "old");

        assertThatThrownBy(() -> AtomicFiles.writeDocument(file, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(file).hasContent("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aDocumentIsNeverWrittenIntoADirectoryThatDoesNotExist() {
        Path missing = dir.resolve("typo").resolve("sessions.csv");

        assertThatThrownBy(() -> AtomicFiles.writeDocument(missing, out -> out.write(1)))
                .isInstanceOf(NoSuchFileException.class);
        assertThat(dir.resolve("typo")).doesNotExist();
    }

    @Test
    void aDocumentIsOwnerOnly() throws IOException {
        assumeThat(AtomicFiles.isPosix()).isTrue();
        Path file = dir.resolve("sessions.json");

        AtomicFiles.writeDocument(file, out -> out.write('{'));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aFailureIsExplainedInWordsNotByItsJavaClass() {
        assertThat(AtomicFiles.reason(new java.nio.file.AccessDeniedException("/etc/x"))).isEqualTo("permission denied");
        assertThat(AtomicFiles.reason(new NoSuchFileException("/x"))).isEqualTo("no such file or folder");
        assertThat(AtomicFiles.reason(new java.nio.file.FileAlreadyExistsException("/x")))
                .isEqualTo("a file of that name is in the way");
        assertThat(AtomicFiles.reason(new java.nio.file.FileSystemException("/x", null, "Read-only file system")))
                .isEqualTo("Read-only file system");
        assertThat(AtomicFiles.reason(new IOException("No space left on device"))).isEqualTo("No space left on device");
        assertThat(AtomicFiles.reason(new IOException())).isEqualTo("an input/output error");
    }
}
