package org.sessionwatch.netapi.windows;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every structure of the layout table, SESSION_INFO and FILE_INFO alike, against its JNA structure in {@link LmShare}:
 * header names in header order, DWORD as a 4-byte int and LMSTR as a pointer, size and offsets for this process. The
 * table itself is checked against mingw-w64's lm.h by .ci/windows-layout-check.
 */
class LayoutTableTest {

    static Stream<DocumentedLayout.Struct> structs() {
        return DocumentedLayout.structs().values().stream();
    }

    @ParameterizedTest
    @MethodSource("structs")
    void theJnaStructureMatchesTheTable(DocumentedLayout.Struct expected) throws ReflectiveOperationException {
        Class<?> type = Class.forName(LmShare.class.getName() + "$" + expected.name());
        LmShare.SessionInfoStructure structure =
                (LmShare.SessionInfoStructure) type.getDeclaredConstructor().newInstance();

        assertThat(type.getAnnotation(Structure.FieldOrder.class).value())
                .containsExactlyElementsOf(expected.members().stream().map(DocumentedLayout.Member::name).toList());
        assertThat(structure.size()).isEqualTo(expected.sizeForRunningProcess());
        for (DocumentedLayout.Member member : expected.members()) {
            Field field = type.getField(member.name());
            assertThat(field.getType()).as(member.name())
                    .isEqualTo(member.type().equals("LMSTR") ? Pointer.class : int.class);
            assertThat(structure.offsetOf(member.name())).as(member.name()).isEqualTo(member.forRunningProcess());
        }
    }

    @Test
    void theTableCoversEverySessionLevelAndTheFileStructures() {
        assertThat(DocumentedLayout.structs().keySet()).containsExactly("SESSION_INFO_0", "SESSION_INFO_1",
                "SESSION_INFO_2", "SESSION_INFO_10", "SESSION_INFO_502", "FILE_INFO_2", "FILE_INFO_3");
    }

    @Test
    void fileInfo3HasItsPaddingBeforeThePointersOnX64() {
        DocumentedLayout.Struct fileInfo3 = DocumentedLayout.struct("FILE_INFO_3");
        assertThat(fileInfo3.members()).extracting(DocumentedLayout.Member::x64).containsExactly(0, 4, 8, 16, 24);
        assertThat(fileInfo3.members()).extracting(DocumentedLayout.Member::x86).containsExactly(0, 4, 8, 12, 16);
        assertThat(fileInfo3.sizeX64()).isEqualTo(32);
        assertThat(fileInfo3.sizeX86()).isEqualTo(20);
    }

    @Test
    void theCiCheckReadsTheSameTable() throws Exception {
        // the C side is generated from this very file; a rename on either side must be noticed here
        String script = Files.readString(Path.of(".ci/windows-layout-check"));
        assertThat(script).contains("src/test/resources/org/sessionwatch/netapi/windows/" + DocumentedLayout.TABLE);
        assertThat(Path.of("src/test/resources/org/sessionwatch/netapi/windows", DocumentedLayout.TABLE))
                .isRegularFile();
        assertThat(Files.readString(Path.of(".ci/run"))).contains(".ci/windows-layout-check");
    }
}
