package org.sessionwatch.ui.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.sessionwatch.history.CoverageSpan;
import org.sessionwatch.history.HistoryInterval;
import org.sessionwatch.history.HistoryQuestion;
import org.sessionwatch.history.HistoryQuestion.HistoryAnswer;
import org.sessionwatch.history.HistoryRepository.Party;
import org.sessionwatch.netapi.ErrorKind;

/** The timeline's lanes, bars, colours and coverage gaps, without a toolkit. */
class TimelineTest {
    static final Instant NOW = Instant.parse("2026-11-30T18:00:00Z");
    static final Instant FROM = NOW.minus(Duration.ofDays(1));

    static HistoryInterval interval(long id, String server, Instant start, Instant end, String transport) {
        return new HistoryInterval(id, server, "PC-0412", "alice", Optional.of(start), start.plusSeconds(2),
                end == null ? NOW.minusSeconds(10) : end, Optional.ofNullable(end),
                end == null ? Optional.empty() : Optional.of(HistoryInterval.EndReason.DISCONNECTED),
                "Windows 11 Pro 22631", transport, 502, OptionalLong.of(3), OptionalLong.of(0));
    }

    static CoverageSpan span(String server, Instant from, Instant to, boolean answered) {
        return new CoverageSpan(server, from, to, answered,
                answered ? Optional.empty() : Optional.of(ErrorKind.ACCESS_DENIED), 10);
    }

    private static Timeline timeline(List<HistoryInterval> intervals, List<CoverageSpan> coverage) {
        return new Timeline(HistoryQuestion.of(Party.USER, "alice", Optional.empty(), FROM, NOW),
                new HistoryAnswer(intervals, coverage), NOW);
    }

    @Test
    void oneLanePerServerIgnoringCaseAndBarsInTimeOrder() {
        Instant nine = Instant.parse("2026-11-30T09:00:00Z");
        Timeline timeline = timeline(List.of(
                interval(3, "fs02", nine.plusSeconds(7200), null, "\\Device\\NetbiosSmb"),
                interval(1, "FS02", nine, nine.plusSeconds(600), "\\Device\\NetbiosSmb"),
                interval(2, "FS01", nine.plusSeconds(60), nine.plusSeconds(900), "TCP")), List.of());

        assertThat(timeline.lanes()).containsExactly("FS01", "fs02");
        assertThat(timeline.bars("FS02")).extracting(HistoryInterval::id).containsExactly(1L, 3L);
        assertThat(timeline.categories(Timeline.ColourBy.TRANSPORT)).containsExactly("\\Device\\NetbiosSmb", "TCP");
        assertThat(timeline.categories(Timeline.ColourBy.CLIENT_TYPE)).containsExactly("Windows 11 Pro 22631");
        assertThat(Timeline.barEnd(timeline.bars("FS02").get(1))).isEqualTo(NOW.minusSeconds(10));
        assertThat(timeline.subject()).isEqualTo("user alice");
    }

    @Test
    void gapsAreTimesNobodyWatchedOrTheServerFailedButNotThePollBetweenTwoOutcomes() {
        Instant a = FROM.plus(Duration.ofHours(2));
        List<CoverageSpan> coverage = List.of(
                span("FS01", a, a.plus(Duration.ofHours(3)), true),
                // an outcome change one poll later: continuous
                span("FS01", a.plus(Duration.ofHours(3)).plusSeconds(15), a.plus(Duration.ofHours(4)), false),
                span("FS01", a.plus(Duration.ofHours(4)).plusSeconds(15), a.plus(Duration.ofHours(6)), true),
                // the same outcome after a pause: SessionWatch was not running in between
                span("FS01", a.plus(Duration.ofHours(9)), NOW.minusSeconds(20), true));
        Timeline timeline = timeline(List.of(interval(1, "FS01", a, a.plusSeconds(60), "TCP")), coverage);

        assertThat(timeline.gaps("FS01")).extracting(Timeline.Gap::from, Timeline.Gap::to, Timeline.Gap::kind)
                .containsExactly(
                        tuple(FROM, a, Timeline.GapKind.NOT_WATCHED),
                        tuple(a.plus(Duration.ofHours(3)).plusSeconds(15), a.plus(Duration.ofHours(4)),
                                Timeline.GapKind.NOT_ANSWERING),
                        tuple(a.plus(Duration.ofHours(6)), a.plus(Duration.ofHours(9)),
                                Timeline.GapKind.NOT_WATCHED));
        assertThat(timeline.gaps("FS01").get(1).error()).hasValue("ACCESS_DENIED");
    }

    @Test
    void aServerNeverWatchedInTheRangeIsOneGapAndAStoppedWatchEndsInOne() {
        Instant a = FROM.plus(Duration.ofHours(1));
        Timeline timeline = timeline(List.of(interval(1, "FS01", a, a.plusSeconds(60), "TCP")),
                List.of(span("FS01", FROM.minusSeconds(60), a.plus(Duration.ofHours(1)), true)));

        assertThat(timeline.gaps("FS02")).extracting(Timeline.Gap::from, Timeline.Gap::to)
                .containsExactly(tuple(FROM, NOW));
        assertThat(timeline.gaps("FS01")).extracting(Timeline.Gap::from, Timeline.Gap::to, Timeline.Gap::kind)
                .containsExactly(tuple(a.plus(Duration.ofHours(1)), NOW, Timeline.GapKind.NOT_WATCHED));
    }
}
