package org.sessionwatch.netapi.srvsvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
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

    @Test
    void aMachineWithoutSambaOrRootSkipsTheClassWithTheReason() {
        Optional<String> noSamba = SambaBinaries.missing(false, "root");
        assertThat(noSamba).hasValueSatisfying(reason -> assertThat(reason).contains("apt-get install samba"));
        ConditionEvaluationResult skipped = SambaServer.condition(noSamba, false);
        assertThat(skipped.isDisabled()).isTrue();
        assertThat(skipped.getReason()).hasValueSatisfying(reason -> assertThat(reason).contains("smbd"));

        Optional<String> notRoot = SambaBinaries.missing(true, "alice");
        assertThat(SambaServer.condition(notRoot, false).getReason())
                .hasValueSatisfying(reason -> assertThat(reason).contains("must run as root"));
        assertThat(SambaBinaries.missing(true, "root")).isEmpty();
        assertThat(SambaServer.condition(Optional.empty(), false).isDisabled()).isFalse();
    }

    @Test
    void onCiTheClassRunsSoThatAMissingSambaFailsIt() {
        assertThat(SambaServer.condition(SambaBinaries.missing(false, "root"), true).isDisabled()).isFalse();
    }
}
