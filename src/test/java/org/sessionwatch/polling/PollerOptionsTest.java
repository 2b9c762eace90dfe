package org.sessionwatch.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.config.AppConfig;

class PollerOptionsTest {

    @Test
    void defaultsAskLevel502WithATenSecondDeadline() {
        PollerOptions options = PollerOptions.defaults();

        assertThat(options.serverDeadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.requestedLevel()).isEqualTo(InfoLevel.LEVEL_502);
        assertThat(options.maxConcurrency()).as("network-bound: not tied to the core count").isEqualTo(64);
        assertThat(options.jitter()).isEqualTo(Duration.ofMillis(5));
        assertThat(options.preferredMaxLength()).isEqualTo(NetApiStatus.MAX_PREFERRED_LENGTH);
        assertThat(options.hide()).isEqualTo(SessionFilter.NONE);
        assertThat(options.reachabilityCheck()).isFalse();
    }

    @Test
    void takesDeadlineCheckAndHideOptionsFromTheConfiguration() {
        AppConfig config = AppConfig.builder().pollInterval(Duration.ofSeconds(30))
                .serverDeadline(Duration.ofSeconds(4)).hideOwnSession(true).hideAnonymous(true).reachabilityCheck(true)
                .build();

        PollerOptions options = PollerOptions.from(config);

        assertThat(options.serverDeadline()).isEqualTo(Duration.ofSeconds(4));
        assertThat(options.reachabilityCheck()).isTrue();
        assertThat(options.hide()).isEqualTo(new SessionFilter(true, false, true));
    }

    @Test
    void reachabilityTimeoutIsTheDeadlineCappedAtOneAndAHalfSeconds() {
        assertThat(PollerOptions.defaults().reachabilityTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(PollerOptions.defaults().withServerDeadline(Duration.ofMillis(300)).reachabilityTimeout())
                .isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void buildsTheRequestWithFiltersAndLevel() {
        EnumerationRequest request = PollerOptions.defaults().withFilters(" \\\\PC042 ", "  ")
                .withRequestedLevel(InfoLevel.LEVEL_10).requestFor("FS01");

        assertThat(request.server()).isEqualTo("FS01");
        assertThat(request.level()).isEqualTo(InfoLevel.LEVEL_10);
        assertThat(request.clientFilter()).isEqualTo("PC042");
        assertThat(request.userFilter()).isNull();
    }

    @Test
    void rejectsInvalidValuesNamingThem() {
        PollerOptions options = PollerOptions.defaults();

        assertThatThrownBy(() -> options.withServerDeadline(Duration.ZERO))
                .hasMessageContaining("deadline").hasMessageContaining("PT0S");
        assertThatThrownBy(() -> options.withMaxConcurrency(0)).hasMessageContaining("concurrency 0");
        assertThatThrownBy(() -> options.withPreferredMaxLength(0)).hasMessageContaining("length 0");
        assertThatThrownBy(() -> options.withJitter(Duration.ofMillis(-1))).hasMessageContaining("jitter");
        assertThat(options.withPreferredMaxLength(-1).preferredMaxLength()).isEqualTo(-1);
    }
}
