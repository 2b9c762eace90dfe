package org.sessionwatch.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sessionwatch.format.HumanDurations.Style.COMPACT;
import static org.sessionwatch.format.HumanDurations.Style.SPACED;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class HumanDurationsTest {

    @Test
    void compactForTheTerminal() {
        assertThat(HumanDurations.ofSeconds(0, COMPACT)).isEqualTo("0s");
        assertThat(HumanDurations.ofSeconds(59, COMPACT)).isEqualTo("59s");
        assertThat(HumanDurations.ofSeconds(65, COMPACT)).isEqualTo("1m 05s");
        assertThat(HumanDurations.ofSeconds(3_599, COMPACT)).isEqualTo("59m 59s");
        assertThat(HumanDurations.ofSeconds(7_500, COMPACT)).isEqualTo("2h 05m");
        assertThat(HumanDurations.ofSeconds(90_000, COMPACT)).isEqualTo("1d 01h");
        assertThatThrownBy(() -> HumanDurations.ofSeconds(-1, COMPACT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spacedForTheWindow() {
        assertThat(HumanDurations.ofSeconds(45, SPACED)).isEqualTo("45 s");
        assertThat(HumanDurations.ofSeconds(190, SPACED)).isEqualTo("3 min 10 s");
        assertThat(HumanDurations.ofSeconds(7500, SPACED)).isEqualTo("2 h 05 min");
        assertThat(HumanDurations.ofSeconds(3 * 86_400 + 4 * 3600, SPACED)).isEqualTo("3 d 04 h");
        assertThat(HumanDurations.ofSeconds(4_294_967_295L, SPACED)).isEqualTo("49710 d 06 h");
        assertThatThrownBy(() -> HumanDurations.ofSeconds(-1, SPACED)).hasMessageContaining("-1 s is negative");
    }

    /** Equal exactly when the texts are: checked second by second across every boundary of the format. */
    @Test
    void theShownPartIsEqualExactlyWhenTheTextIs() {
        long[][] ranges = {{0, 4_000}, {86_000, 90_000}, {172_000, 176_000}, {4_294_960_000L, 4_294_967_295L}};
        for (long[] range : ranges) {
            for (long s = range[0]; s < range[1]; s++) {
                assertThat(HumanDurations.ofSeconds(HumanDurations.shownPart(s), SPACED))
                        .isEqualTo(HumanDurations.ofSeconds(s, SPACED));
                boolean sameText = HumanDurations.ofSeconds(s, SPACED).equals(HumanDurations.ofSeconds(s + 1, SPACED));
                assertThat(HumanDurations.shownPart(s) == HumanDurations.shownPart(s + 1))
                        .as("%d and %d s", s, s + 1).isEqualTo(sameText);
            }
        }
        assertThat(HumanDurations.shownPart(7_559)).isEqualTo(7_500);
        assertThat(HumanDurations.shownPart(90_000 + 3_599)).isEqualTo(90_000);
    }

    @Test
    void pollTimes() {
        assertThat(HumanDurations.ofPoll(Duration.ofMillis(999))).isEqualTo("999 ms");
        assertThat(HumanDurations.ofPoll(Duration.ofMillis(1_000))).isEqualTo("1.0 s");
        assertThat(HumanDurations.ofPoll(Duration.ofMillis(2_449))).isEqualTo("2.4 s");
    }
}
