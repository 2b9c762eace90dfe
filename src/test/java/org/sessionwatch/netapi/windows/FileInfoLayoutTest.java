package org.sessionwatch.netapi.windows;

import java.util.List;
import java.util.stream.Stream;

import com.sun.jna.Memory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.sessionwatch.netapi.FileInfoLevel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code FILE_INFO_3} and {@code FILE_INFO_2} layouts for both pointer sizes. The JNA structures can only be
 * measured in this process (x64 here), so the table's x86 column is checked another way: every structure of the table
 * is laid out again from its member types with the C rules Windows uses (each member at its natural alignment, the
 * size rounded up to the largest), for 8-byte and for 4-byte pointers. That arithmetic, the mingw-w64 compile of the
 * same table (.ci/windows-layout-check, x86_64 and i686) and the JNA structures of this process must all agree.
 */
class FileInfoLayoutTest {

    /** Offsets and size of {@code struct} computed from its member types for {@code pointerSize}-byte pointers. */
    private static int[] naturalLayout(DocumentedLayout.Struct struct, int pointerSize) {
        List<DocumentedLayout.Member> members = struct.members();
        int[] result = new int[members.size() + 1];
        int offset = 0;
        int largest = 1;
        for (int i = 0; i < members.size(); i++) {
            int size = members.get(i).type().equals("LMSTR") ? pointerSize : 4;
            offset = (offset + size - 1) / size * size;
            result[i] = offset;
            offset += size;
            largest = Math.max(largest, size);
        }
        result[members.size()] = (offset + largest - 1) / largest * largest;
        return result;
    }

    static Stream<DocumentedLayout.Struct> structs() {
        return DocumentedLayout.structs().values().stream();
    }

    @ParameterizedTest
    @MethodSource("structs")
    void theTableIsTheNaturalLayoutForBothPointerSizes(DocumentedLayout.Struct struct) {
        int[] x64 = naturalLayout(struct, 8);
        int[] x86 = naturalLayout(struct, 4);
        for (int i = 0; i < struct.members().size(); i++) {
            DocumentedLayout.Member member = struct.members().get(i);
            assertThat(member.x64()).as("%s x64", member.name()).isEqualTo(x64[i]);
            assertThat(member.x86()).as("%s x86", member.name()).isEqualTo(x86[i]);
        }
        assertThat(struct.sizeX64()).as("sizeof(%s) x64", struct.name()).isEqualTo(x64[x64.length - 1]);
        assertThat(struct.sizeX86()).as("sizeof(%s) x86", struct.name()).isEqualTo(x86[x86.length - 1]);
    }

    @Test
    void fileInfo3IsPaddedBeforeItsPointersOnlyWhenPointersAreEightBytes() {
        DocumentedLayout.Struct fileInfo3 = DocumentedLayout.struct("FILE_INFO_3");

        assertThat(naturalLayout(fileInfo3, 8)).containsExactly(0, 4, 8, 16, 24, 32);
        assertThat(naturalLayout(fileInfo3, 4)).containsExactly(0, 4, 8, 12, 16, 20);
        assertThat(naturalLayout(DocumentedLayout.struct("FILE_INFO_2"), 8)).containsExactly(0, 4);
        assertThat(naturalLayout(DocumentedLayout.struct("FILE_INFO_2"), 4)).containsExactly(0, 4);
    }

    @Test
    void theDecoderReadsLevel3AtTheTablesOffsetsForThisProcess() {
        DocumentedLayout.Struct expected = DocumentedLayout.struct("FILE_INFO_3");
        FileInfoDecoder.Layout layout = FileInfoDecoder.Layout.of(FileInfoLevel.LEVEL_3);

        assertThat(layout.level()).isEqualTo(FileInfoLevel.LEVEL_3);
        assertThat(layout.entrySize()).isEqualTo(expected.sizeForRunningProcess());
        assertThat(List.of(layout.id(), layout.permissions(), layout.locks(), layout.path(), layout.user()))
                .containsExactlyElementsOf(expected.members().stream()
                        .map(DocumentedLayout.Member::forRunningProcess).toList());
    }

    @Test
    void theDecoderReadsLevel2AtTheTablesOffsetsForThisProcess() {
        DocumentedLayout.Struct expected = DocumentedLayout.struct("FILE_INFO_2");
        FileInfoDecoder.Layout layout = FileInfoDecoder.Layout.of(FileInfoLevel.LEVEL_2);

        assertThat(layout.entrySize()).isEqualTo(expected.sizeForRunningProcess());
        assertThat(layout.id()).isEqualTo(expected.members().getFirst().forRunningProcess());
    }

    @Test
    void thePointerConstructorReadsAnEntryTheStandInWrote() {
        Memory buffer = FileBuffer.build(FileInfoLevel.LEVEL_3, List.of(
                new FileBuffer.Entry(0xF000_0001L, 0x23, 4, "D:\\Shares\\budget.xlsx", "alice")));

        LmShare.FILE_INFO_3 entry = new LmShare.FILE_INFO_3(buffer);

        assertThat(Integer.toUnsignedLong(entry.fi3_id)).isEqualTo(0xF000_0001L);
        assertThat(entry.fi3_permissions).isEqualTo(0x23);
        assertThat(entry.fi3_num_locks).isEqualTo(4);
        assertThat(WideStrings.read(entry.fi3_pathname)).isEqualTo("D:\\Shares\\budget.xlsx");
        assertThat(WideStrings.read(entry.fi3_username)).isEqualTo("alice");
        assertThat(new LmShare.FILE_INFO_2(buffer).fi2_id).isEqualTo(0xF000_0001);
    }
}
