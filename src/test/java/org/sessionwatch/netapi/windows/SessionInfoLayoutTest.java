package org.sessionwatch.netapi.windows;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Structure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.SessionField;

import static org.assertj.core.api.Assertions.assertThat;

class SessionInfoLayoutTest {

    @ParameterizedTest
    @EnumSource(InfoLevel.class)
    void structureHasTheHeaderFieldNamesInHeaderOrder(InfoLevel level) {
        Class<?> type = SessionInfoLayout.structureFor(level).getClass();

        assertThat(type.getSimpleName()).isEqualTo("SESSION_INFO_" + level.code());
        assertThat(type.getAnnotation(Structure.FieldOrder.class).value())
                .containsExactlyElementsOf(DocumentedLayout.headerNames(level));
        assertThat(instanceFields(type).map(Field::getName))
                .containsExactlyInAnyOrderElementsOf(DocumentedLayout.headerNames(level));
    }

    @ParameterizedTest
    @EnumSource(InfoLevel.class)
    void dwordsAreFourByteIntsAndStringsArePointers(InfoLevel level) {
        for (Field field : instanceFields(SessionInfoLayout.structureFor(level).getClass()).toList()) {
            boolean isString = field.getName().endsWith("name") || field.getName().endsWith("transport");
            assertThat(field.getType()).as(field.getName())
                    .isEqualTo(isString ? com.sun.jna.Pointer.class : int.class);
        }
    }

    @Test
    void thisBuildRunsOnA64BitJvmSoTheX64TablesBelowAreTheOnesChecked() {
        // the CI machines are x64; on a 32-bit JVM the same tests check the x86 tables instead
        assertThat(Native.POINTER_SIZE).isIn(4, 8);
        if (Native.POINTER_SIZE == 8) {
            assertThat(new LmShare.SESSION_INFO_502().size()).isEqualTo(48);
            assertThat(new LmShare.SESSION_INFO_10().size()).isEqualTo(24);
        }
    }

    @ParameterizedTest
    @EnumSource(InfoLevel.class)
    void structureSizeAndOffsetsMatchTheWindowsAbi(InfoLevel level) {
        DocumentedLayout.Layout expected = DocumentedLayout.forRunningProcess(level);
        LmShare.SessionInfoStructure structure = SessionInfoLayout.structureFor(level);

        assertThat(structure.size()).isEqualTo(expected.size());
        for (Map.Entry<SessionField, Integer> field : expected.offsets().entrySet()) {
            String name = SessionInfoLayout.headerFieldName(level, field.getKey());
            assertThat(structure.offsetOf(name)).as(name).isEqualTo(field.getValue());
        }
    }

    @ParameterizedTest
    @EnumSource(InfoLevel.class)
    void decoderLayoutIsTheDocumentedOne(InfoLevel level) {
        DocumentedLayout.Layout expected = DocumentedLayout.forRunningProcess(level);
        SessionInfoLayout layout = SessionInfoLayout.of(level);

        assertThat(layout.level()).isEqualTo(level);
        assertThat(layout.entrySize()).isEqualTo(expected.size());
        assertThat(layout.offsets()).containsExactlyInAnyOrderEntriesOf(expected.offsets());
        assertThat(layout.offsets().keySet()).isEqualTo(level.fields());
        for (SessionField field : SessionField.values()) {
            assertThat(layout.offsetOf(field).isPresent()).as(field.name()).isEqualTo(level.carries(field));
        }
    }

    @Test
    void x64TablesAgreeWithTheHeaderArithmetic() {
        // cross-check the hand-written table: 8-byte pointers, 4-byte DWORDs, size rounded to 8
        assertThat(DocumentedLayout.x64(InfoLevel.LEVEL_502).offsets().values())
                .containsExactly(0, 8, 16, 20, 24, 28, 32, 40);
        assertThat(DocumentedLayout.x64(InfoLevel.LEVEL_502).size()).isEqualTo(48);
        assertThat(DocumentedLayout.x86(InfoLevel.LEVEL_502).size()).isEqualTo(32);
    }

    @Test
    void pointerConstructorReadsAnEntryWrittenAtTheDocumentedOffsets() {
        Memory buffer = SessionBuffer.build(InfoLevel.LEVEL_502, java.util.List.of(new SessionBuffer.Entry(
                "\\\\10.1.2.3", "alice", 7, 0xFFFF_FFFFL, 42, 2, "Windows", "\\Device\\NetbiosSmb")));

        LmShare.SESSION_INFO_502 entry = new LmShare.SESSION_INFO_502(buffer);

        assertThat(WideStrings.read(entry.sesi502_cname)).isEqualTo("\\\\10.1.2.3");
        assertThat(WideStrings.read(entry.sesi502_username)).isEqualTo("alice");
        assertThat(entry.sesi502_num_opens).isEqualTo(7);
        assertThat(Integer.toUnsignedLong(entry.sesi502_time)).isEqualTo(4294967295L);
        assertThat(entry.sesi502_idle_time).isEqualTo(42);
        assertThat(entry.sesi502_user_flags).isEqualTo(2);
        assertThat(WideStrings.read(entry.sesi502_cltype_name)).isEqualTo("Windows");
        assertThat(WideStrings.read(entry.sesi502_transport)).isEqualTo("\\Device\\NetbiosSmb");
    }

    /** The structure's own data fields (JNA's Structure adds public static ALIGN_* constants). */
    private static Stream<Field> instanceFields(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers()));
    }
}
