package org.sessionwatch.netapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The value types a FileServer answers with: capabilities, open files and their permissions. */
class FileServerModelTest {

    @Test
    void capabilitiesNameEveryMissingOneWithAReason() {
        Capabilities sessionsOnly = Capabilities.sessionsOnly("the srvsvc backend");

        assertThat(sessionsOnly.supported()).containsExactly(Capability.LIST_SESSIONS);
        assertThat(sessionsOnly.supports(Capability.CLOSE_FILE)).isFalse();
        assertThat(sessionsOnly.reason(Capability.CLOSE_FILE))
                .contains("Closing files is not supported by the srvsvc backend yet.");
        assertThat(sessionsOnly.reason(Capability.LIST_SESSIONS)).isEmpty();
        assertThatIllegalStateException().isThrownBy(() -> sessionsOnly.whyNot(Capability.LIST_SESSIONS));

        assertThat(Capabilities.all().supported()).isEqualTo(EnumSet.allOf(Capability.class));
        assertThat(Capabilities.none("No netapi32 here.").supported()).isEmpty();
        assertThat(Capabilities.none("No netapi32 here.").whyNot(Capability.END_SESSION)).isEqualTo("No netapi32 here.");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Capabilities(Map.of(Capability.CLOSE_FILE, " ")))
                .withMessageContaining("CLOSE_FILE");
    }

    @Test
    void aFileIdIsUnsignedThirtyTwoBitAndNeverNegative() {
        // Samba builds ids as pid << 16 | file id: above 2^31, where an int would turn negative
        OpenFile samba = new OpenFile("FS01", FileInfoLevel.LEVEL_3, 0xF000_0001L, 0x3L, 0L,
                "C:\\share\\budget.xlsx", "alice");
        assertThat(samba.id()).isEqualTo(4_026_531_841L).isPositive();
        assertThat(new OpenFile("FS01", FileInfoLevel.LEVEL_3, 0xFFFF_FFFFL, 0L, 0L, null, null).id())
                .isEqualTo(4_294_967_295L);

        assertThatIllegalArgumentException().isThrownBy(() -> OpenFile.idOnly("FS01", -1))
                .withMessageContaining("-1");
        assertThatIllegalArgumentException().isThrownBy(() -> OpenFile.idOnly("FS01", 0x1_0000_0000L));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new OpenFile("FS01", FileInfoLevel.LEVEL_3, 1, -2L, 0L, null, null));
    }

    @Test
    void levelTwoCarriesTheIdOnlyAndAbsentIsNotZero() {
        OpenFile idOnly = OpenFile.idOnly("FS01", 7);

        assertThat(idOnly.level()).isEqualTo(FileInfoLevel.LEVEL_2);
        assertThat(idOnly.permissionBits()).isEmpty();
        assertThat(idOnly.lockCount()).isEmpty();
        assertThat(idOnly.pathName()).isEmpty();
        assertThat(idOnly.userName()).isEmpty();
        assertThat(idOnly.permissionSet()).isEmpty();
    }

    @Test
    void permissionBitsDecodeInDisplayOrder() {
        OpenFile file = new OpenFile("FS01", FileInfoLevel.LEVEL_3, 1, 0x1L | 0x2L | 0x40L | 0x100L, 2L, "p", "u");

        // 0x100 has no name: it is left out of the set and kept in the raw value
        assertThat(file.permissionSet()).containsExactly(FilePermission.READ, FilePermission.WRITE,
                FilePermission.ACL);
        assertThat(file.permissionBits()).hasValue(0x143L);
        assertThat(FilePermission.of(0x3F)).hasSize(6).doesNotContain(FilePermission.ACL);
    }

    @Test
    void anOpenFilesRequestDropsBlankFilters() {
        OpenFilesRequest request = new OpenFilesRequest("FS01", FileInfoLevel.LEVEL_3, " ", "", -1);

        assertThat(request.basePath()).isEmpty();
        assertThat(request.user()).isEmpty();
        assertThat(OpenFilesRequest.of("FS01").withLevel(FileInfoLevel.LEVEL_2).level()).isEqualTo(FileInfoLevel.LEVEL_2);
    }
}
