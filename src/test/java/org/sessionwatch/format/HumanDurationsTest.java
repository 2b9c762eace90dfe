package org.sessionwatch.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sessionwatch.format.HumanDurations.Precision.MINUTES;
import static org.sessionwatch.format.HumanDurations.Precision.TWO_UNITS;
import static org.sessionwatch.format.HumanDurations.Style.COMPACT;
import static org.sessionwatch.format.HumanDurations.Style.SPACED;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sessionwatch.format.HumanDurations.Precision;

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

    @Test
    void toTheMinuteForTheLiveTable() {
        assertThat(HumanDurations.ofSeconds(59, SPACED, MINUTES)).isEqualTo("59 s");
        assertThat(HumanDurations.ofSeconds(60, SPACED, MINUTES)).isEqualTo("1 min");
        assertThat(HumanDurations.ofSeconds(190, SPACED, MINUTES)).isEqualTo("3 min");
        assertThat(HumanDurations.ofSeconds(3_599, COMPACT, MINUTES)).isEqualTo("59m");
        assertThat(HumanDurations.ofSeconds(7_559, SPACED, MINUTES)).isEqualTo("2 h 05 min");
        assertThat(HumanDurations.ofSeconds(3 * 86_400 + 4 * 3600 + 59, SPACED, MINUTES)).isEqualTo("3 d 04 h");
        assertThat(HumanDurations.ofSeconds(190, SPACED)).isEqualTo(HumanDurations.ofSeconds(190, SPACED, TWO_UNITS));
        assertThatThrownBy(() -> HumanDurations.ofSeconds(-1, SPACED, MINUTES)).hasMessageContaining("-1 s is negative");
    }

    /** Equal exactly when the texts are: checked second by second across every boundary of the format. */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void theShownPartIsEqualExactlyWhenTheTextIs(Precision precision) {
        long[][] ranges = {{0, 4_000}, {86_000, 90_000}, {172_000, 176_000}, {4_294_960_000L, 4_294_967_295L}};
        for (long[] range : ranges) {
            for (long s = range[0]; s < range[1]; s++) {
                String text = HumanDurations.ofSeconds(s, SPACED, precision);
                assertThat(HumanDurations.ofSeconds(HumanDurations.shownPart(s, precision), SPACED, precision))
                        .isEqualTo(text);
                boolean sameText = text.equals(HumanDurations.ofSeconds(s + 1, SPACED, precision));
                assertThat(HumanDurations.shownPart(s, precision) == HumanDurations.shownPart(s + 1, precision))
                        .as("%d and %d s", s, s + 1).isEqualTo(sameText);
            }
        }
        assertThat(HumanDurations.shownPart(7_559, precision)).isEqualTo(7_500);
        assertThat(HumanDurations.shownPart(90_000 + 3_599, precision)).isEqualTo(90_000);
        assertThat(HumanDurations.shownPart(190, precision)).isEqualTo(precision == MINUTES ? 180 : 190);
    }

    @Test
    void pollTimes() {
        assertThat(HumanDurations.ofPoll(Duration.ofMillis(999))).isEqualTo("999 ms");
        assertThat(HumanDurations.ofPoll(Duration.ofMillis(1_000))).isEqualTo("1.0 s");
        assertThat(HumanDurations.ofPoll(Duration.ofMillis(2_449))).isEqualTo("2.4 s");
    }
}
