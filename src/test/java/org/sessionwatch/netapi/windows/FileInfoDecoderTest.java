package org.sessionwatch.netapi.windows;

import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Memory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.FilePermission;
import org.sessionwatch.netapi.NetApiException;
import org.sessionwatch.netapi.OpenFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sessionwatch.netapi.FileInfoLevel.LEVEL_2;
import static org.sessionwatch.netapi.FileInfoLevel.LEVEL_3;

/** {@code FILE_INFO_3} and {@code FILE_INFO_2} buffers laid out from the layout table, read back. */
class FileInfoDecoderTest {

    private static final long DWORD_MAX = 4294967295L;

    private static List<OpenFile> decode(FileInfoLevel level, FileBuffer.Entry... entries) throws NetApiException {
        Memory buffer = FileBuffer.build(level, List.of(entries));
        return FileInfoDecoder.decode(buffer, entries.length, buffer.size(), "FS01", level);
    }

    @Test
    void everyLevel3FieldIsReadAndEveryDwordIsUnsigned() throws NetApiException {
        OpenFile file = decode(LEVEL_3, new FileBuffer.Entry(DWORD_MAX, DWORD_MAX, DWORD_MAX,
                "D:\\Shares\\Finance\\Q3 Bericht für Zoë.xlsx", "CORP\\alice")).getFirst();

        assertThat(file).isEqualTo(new OpenFile("FS01", LEVEL_3, DWORD_MAX, DWORD_MAX, DWORD_MAX,
                "D:\\Shares\\Finance\\Q3 Bericht für Zoë.xlsx", "CORP\\alice"));
        assertThat(file.permissionSet()).containsExactly(FilePermission.values());
    }

    @Test
    void permissionsAreTheLmaccessBits() throws NetApiException {
        OpenFile file = decode(LEVEL_3, new FileBuffer.Entry(1, 0x1 | 0x4 | 0x40, 0, "C:\\x", "bob")).getFirst();

        assertThat(file.permissionSet()).containsExactly(FilePermission.READ, FilePermission.CREATE,
                FilePermission.ACL);
        assertThat(file.permissionBits()).hasValue(0x45);
    }

    @Test
    void nullStringsAreAbsentAndEmptyStringsStayEmpty() throws NetApiException {
        List<OpenFile> files = decode(LEVEL_3, new FileBuffer.Entry(1, 0, 0, null, null),
                new FileBuffer.Entry(2, 0, 0, "", ""));

        assertThat(files.get(0).pathName()).isEmpty();
        assertThat(files.get(0).userName()).isEmpty();
        assertThat(files.get(1).pathName()).contains("");
        assertThat(files.get(1).userName()).contains("");
    }

    @Test
    void level2ReadsTheIdOnlyWithAStrideOfFourBytes() throws NetApiException {
        List<OpenFile> files = decode(LEVEL_2, FileBuffer.Entry.of(0x8000_0000L, "ignored", "ignored"),
                FileBuffer.Entry.of(3, null, null), FileBuffer.Entry.of(DWORD_MAX, null, null));

        assertThat(files).containsExactly(OpenFile.idOnly("FS01", 0x8000_0000L), OpenFile.idOnly("FS01", 3),
                OpenFile.idOnly("FS01", DWORD_MAX));
        assertThat(files).allSatisfy(f -> assertThat(f.level()).isEqualTo(LEVEL_2));
    }

    @Test
    void aPageLargerThanOneCopiedBlockIsReadWhole() throws NetApiException {
        // 64 KiB blocks hold 2048 FILE_INFO_3 entries on x64: 5000 spans three blocks, the last one partial
        List<FileBuffer.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            entries.add(new FileBuffer.Entry(0xFFFF_0000L + i, i % 128, i, "D:\\f" + i, "user" + i));
        }
        Memory buffer = FileBuffer.build(LEVEL_3, entries);

        List<OpenFile> files = FileInfoDecoder.decode(buffer, 5000, buffer.size(), "FS01", LEVEL_3);

        assertThat(files).hasSize(5000);
        for (int i : new int[] {0, 2047, 2048, 4095, 4096, 4999}) {
            assertThat(files.get(i)).isEqualTo(new OpenFile("FS01", LEVEL_3, 0xFFFF_0000L + i, (long) (i % 128),
                    (long) i, "D:\\f" + i, "user" + i));
        }
    }

    @ParameterizedTest
    @EnumSource(FileInfoLevel.class)
    void noEntriesNeedNoBuffer(FileInfoLevel level) throws NetApiException {
        assertThat(FileInfoDecoder.decode(null, 0, EntryArray.UNKNOWN_SIZE, "FS01", level)).isEmpty();
    }

    @Test
    void entriesWithoutABufferAreAProtocolError() {
        assertThatThrownBy(() -> FileInfoDecoder.decode(null, 2, EntryArray.UNKNOWN_SIZE, "FS01", LEVEL_3))
                .isInstanceOfSatisfying(NetApiException.class, e -> {
                    assertThat(e.error().kind()).isEqualTo(ErrorKind.PROTOCOL_ERROR);
                    assertThat(e.error().message()).contains("FS01", "2 entries", "no buffer");
                });
    }

    @Test
    void anEntryCountAbove2To31IsAProtocolErrorNotANegativeLoop() {
        Memory buffer = FileBuffer.build(LEVEL_2, List.of(FileBuffer.Entry.of(1, null, null)));

        assertThatThrownBy(() -> FileInfoDecoder.decode(buffer, -1, buffer.size(), "FS01", LEVEL_2))
                .isInstanceOfSatisfying(NetApiException.class,
                        e -> assertThat(e.error().message()).contains("4294967295 entries"));
    }

    @Test
    void anEntryCountTheBufferCannotHoldIsRefusedBeforeReading() {
        Memory buffer = FileBuffer.build(LEVEL_3, List.of(FileBuffer.Entry.of(1, "C:\\a", "bob")));
        int entrySize = FileInfoDecoder.Layout.of(LEVEL_3).entrySize();
        long holdsTwo = 2L * entrySize;

        assertThatThrownBy(() -> FileInfoDecoder.decode(buffer, 3, holdsTwo, "FS01", LEVEL_3))
                .isInstanceOfSatisfying(NetApiException.class, e -> assertThat(e.error().message())
                        .contains("FS01", "3 entries of " + entrySize + " bytes", "buffer of " + holdsTwo + " bytes"));
    }

    @Test
    void anEntryCountThatExactlyFillsTheReportedSizeIsRead() throws NetApiException {
        Memory buffer = FileBuffer.build(LEVEL_2, List.of(FileBuffer.Entry.of(1, null, null),
                FileBuffer.Entry.of(2, null, null)));

        assertThat(FileInfoDecoder.decode(buffer, 2, 2L * FileInfoDecoder.Layout.of(LEVEL_2).entrySize(), "FS01",
                LEVEL_2)).hasSize(2);
    }

    @Test
    void anUnterminatedPathIsAProtocolErrorNamingTheEntry() {
        Memory buffer = FileBuffer.build(LEVEL_3, List.of(FileBuffer.Entry.of(1, "C:\\a", "bob"),
                FileBuffer.Entry.of(2, "x".repeat(WideStrings.MAX_CHARS + 1), "bob")));

        assertThatThrownBy(() -> FileInfoDecoder.decode(buffer, 2, buffer.size(), "FS01", LEVEL_3))
                .isInstanceOfSatisfying(NetApiException.class, e -> {
                    assertThat(e.error().kind()).isEqualTo(ErrorKind.PROTOCOL_ERROR);
                    assertThat(e.error().message()).contains("FS01", "file entry 2 of 2 could not be read");
                });
    }
}
