package org.sessionwatch.ui.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.history.TimelineTest.interval;
import static org.sessionwatch.ui.history.TimelineTest.span;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionwatch.export.HistoryFields;
import org.sessionwatch.history.CoverageSpan;
import org.sessionwatch.history.HistoryException;
import org.sessionwatch.history.HistoryInterval;
import org.sessionwatch.history.HistoryRepository;
import org.sessionwatch.ui.common.TaskExecutor;
import org.sessionwatch.ui.sessions.FilterChip;

/** The History tab's state and commands on plain JUnit: questions run inline, answers applied at once. */
class HistoryViewModelTest {
    private static final Instant NOW = TimelineTest.NOW;
    private static final ZoneId ZONE = ZoneOffset.ofHours(1);

    @TempDir
    Path folder;

    private final List<String> asked = new ArrayList<>();
    private RuntimeException failure;
    private final Instant nine = Instant.parse("2026-11-30T08:00:00Z");
    private final List<HistoryInterval> open = List.of(
            interval(1, "FS01", nine.minusSeconds(600), null, "TCP"),
            new HistoryInterval(2, "FS02", "PC-0007", "bob", Optional.of(nine.minusSeconds(60)), nine, nine,
                    Optional.empty(), Optional.empty(), "Windows 10", "TCP", 502, java.util.OptionalLong.empty(),
                    java.util.OptionalLong.empty()));
    private final List<CoverageSpan> coverage = List.of(span("FS01", nine.minusSeconds(900), nine, true),
            span("FS02", nine.minusSeconds(900), nine, false));

    private final HistoryRepository repository = new HistoryRepository() {
        @Override
        public List<HistoryInterval> openAt(Instant at, Optional<String> server) {
            asked.add("openAt " + at + " " + server.orElse("all"));
            return open;
        }

        @Override
        public List<HistoryInterval> intervals(Party party, String name, Optional<String> server, Instant since,
                                               Instant until) {
            asked.add(party + " " + name + " " + since + " " + until);
            return List.of(interval(7, "FS01", NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(3))
                    .plusSeconds(3600), "TCP"));
        }

        @Override
        public Optional<HistoryInterval> latestBefore(Party party, String name, Instant before) {
            return Optional.empty();
        }

        @Override
        public List<org.sessionwatch.history.FileInterval> filesOpenAt(Instant at, Optional<String> server) {
            return List.of();
        }

        @Override
        public List<CoverageSpan> coverage(Optional<String> server, Instant from, Instant to) {
            return coverage;
        }
    };

    private final HistoryReader reader = new HistoryReader() {
        @Override
        public <T> T read(Function<HistoryRepository, T> question) {
            if (failure != null) {
                throw failure;
            }
            return question.apply(repository);
        }
    };

    private final HistoryViewModel model = new HistoryViewModel(reader, TaskExecutor.currentThread(), Runnable::run,
            Clock.fixed(NOW, ZoneOffset.UTC), ZONE);

    @Test
    void showAtListsWhoWasOpenThenAndSaysWhichServersAnswered() {
        model.dateProperty().set(LocalDate.of(2026, 11, 30));
        model.timeProperty().set("9:00");
        model.serverProperty().set(" ");

        model.showAt();

        assertThat(asked).containsExactly("openAt 2026-11-30T08:00:00Z all");
        assertThat(model.shownRows()).extracting(HistoryRow::user).containsExactly("alice", "bob");
        assertThat(model.tableSummaryProperty().get()).isEqualTo("2 sessions were open on all servers at Mon 30 Nov"
                + " 2026 09:00. 1 server was answering then; not answering: FS02.");
        assertThat(model.busyProperty().get()).isFalse();

        model.filters().showOnly(FilterChip.Kind.USER, "BOB");
        assertThat(model.shownRows()).extracting(HistoryRow::server).containsExactly("FS02");
    }

    @Test
    void aTimeThatIsNoTimeIsExplainedAndNothingIsAsked() {
        model.timeProperty().set("nine-ish");

        model.showAt();

        assertThat(asked).isEmpty();
        assertThat(model.problemProperty().get()).contains("'nine-ish' is not a time of day");
    }

    @Test
    void shortcutsPickTheirTimeInTheWindowsZone() {
        model.serverProperty().set("FS02");

        model.showAt(HistoryViewModel.Shortcut.YESTERDAY_9);

        assertThat(asked).containsExactly("openAt 2026-11-29T08:00:00Z FS02");
        assertThat(model.timeProperty().get()).isEqualTo("09:00");
        model.showAt(HistoryViewModel.Shortcut.HOUR_AGO);
        assertThat(asked).last().isEqualTo("openAt 2026-11-30T17:00:00Z FS02");
    }

    @Test
    void aFailingReadIsShownInPlainWords() {
        failure = new HistoryException("No history has been recorded in /x/history.db yet: run sessionwatch --watch");

        model.showAt();

        assertThat(model.problemProperty().get()).startsWith("No history has been recorded");
        assertThat(model.shownRows()).isEmpty();
    }

    @Test
    void aTimelineReadsThirtyDaysAndZoomsBetweenAnHourAndFiveWeeks() {
        model.open(HistoryRepository.Party.USER, "alice");

        assertThat(model.openRequestsProperty().get()).isEqualTo(1);
        assertThat(asked).containsExactly("USER alice 2026-10-31T18:00:00Z 2026-11-30T18:00:00Z");
        assertThat(model.getTimeline().lanes()).containsExactly("FS01");
        // Nothing in the last day: the view fits the one interval, with a margin.
        Instant start = NOW.minus(Duration.ofDays(3));
        assertThat(model.viewFromProperty().get()).isBefore(start);
        assertThat(model.viewToProperty().get()).isAfter(start.plusSeconds(3600));

        for (int i = 0; i < 20; i++) {
            model.zoom(0.5, 0.5);
        }
        assertThat(Duration.between(model.viewFromProperty().get(), model.viewToProperty().get()))
                .isEqualTo(Duration.ofHours(1));
        for (int i = 0; i < 20; i++) {
            model.zoom(2, 0);
        }
        assertThat(Duration.between(model.viewFromProperty().get(), model.viewToProperty().get()))
                .isEqualTo(Duration.ofDays(35));
        Instant from = model.viewFromProperty().get();
        model.pan(-0.5);
        assertThat(model.viewFromProperty().get()).isEqualTo(from.minus(Duration.ofDays(35).dividedBy(2)));
        assertThat(model.timelineSummaryProperty().get()).isEqualTo("1 session of user alice on 1 server in the last"
                + " 30 days.");
    }

    @Test
    void exportWritesTheShownRowsInTheShapesOfHistoryCsvAndJson() throws Exception {
        model.dateProperty().set(LocalDate.of(2026, 11, 30));
        model.timeProperty().set("09:00");
        model.showAt();
        model.filters().hide(FilterChip.Kind.USER, "bob");

        Path csv = folder.resolve("at.csv");
        model.export(HistoryViewModel.Shown.TABLE, csv);
        Path json = folder.resolve("at.json");
        model.export(HistoryViewModel.Shown.TABLE, json);

        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).isEqualTo(HistoryFields.csv(List.of(open.get(0))));
        assertThat(Files.readString(json, StandardCharsets.UTF_8))
                .startsWith("{\"query\":{\"at\":\"2026-11-30T08:00:00Z\",\"server\":null,\"user\":null")
                .contains("\"user\":\"alice\"").doesNotContain("\"user\":\"bob\"")
                .contains("\"coverage\":[{\"server\":\"FS01\"");
        assertThat(model.problemProperty().get()).isEmpty();

        model.export(HistoryViewModel.Shown.TIMELINE, folder.resolve("t.csv"));
        assertThat(model.problemProperty().get()).contains("Open a user's or client's timeline first");
    }
}
