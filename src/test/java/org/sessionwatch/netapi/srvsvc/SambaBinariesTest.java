package org.sessionwatch.netapi.srvsvc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Missing Samba skips the srvsvc tests on a workstation and fails them on CI. */
class SambaBinariesTest {

    @Test
    void skipsWithTheInstallHintOutsideCi() {
        assertThatThrownBy(() -> SambaBinaries.unavailable(SambaBinaries.INSTALL_HINT, false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("apt-get install samba smbclient");
    }

    @Test
    void failsOnCi() {
        assertThatThrownBy(() -> SambaBinaries.unavailable(SambaBinaries.INSTALL_HINT, true))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("CI=true")
                .hasMessageContaining("apt-get install samba smbclient");
    }
}
