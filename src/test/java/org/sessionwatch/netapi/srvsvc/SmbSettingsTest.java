package org.sessionwatch.netapi.srvsvc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.hierynomus.mssmb2.SMB2Dialect;
import com.hierynomus.smbj.SmbConfig;

class SmbSettingsTest {

    @Test
    void requiresSigningOffersEncryptionAndTakesTimeoutsFromTheDeadline() {
        SmbConfig config = SmbSettings.build(Duration.ofSeconds(7), true, false);

        assertThat(config.isSigningRequired()).isTrue();
        assertThat(config.isEncryptData()).isTrue();
        assertThat(config.getSupportedDialects()).contains(SMB2Dialect.SMB_3_1_1, SMB2Dialect.SMB_2_0_2);
        assertThat(config.getTransactTimeout()).isEqualTo(7000);
        assertThat(config.getReadTimeout()).isEqualTo(7000);
        assertThat(config.getWriteTimeout()).isEqualTo(7000);
        assertThat(config.getSoTimeout()).as("a finite socket timeout would kill the idle kept connection").isZero();
    }

    @Test
    void signingCanBeRelaxedPerServer() {
        assertThat(SmbSettings.build(Duration.ofSeconds(7), false, false).isSigningRequired()).isFalse();
    }

    @Test
    void anAnonymousAttemptUsesSmb2WithoutSigning() {
        SmbConfig config = SmbSettings.build(Duration.ofSeconds(7), true, true);

        assertThat(config.isSigningRequired()).isFalse();
        assertThat(config.isEncryptData()).isFalse();
        assertThat(config.getSupportedDialects()).containsOnly(SMB2Dialect.SMB_2_1, SMB2Dialect.SMB_2_0_2);
    }
}
