package org.sessionwatch.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionwatch.history.HistoryRepository.Party;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.tracking.SessionTracker;

/** The tracker → history path against scripted poll cycles with known connect and disconnect times. */
class HistoryRecorderTest {
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(15);

    @TempDir
    Path folder;

    private final List<HistoryStatus> statuses = new CopyOnWriteArrayList<>();

    private final ScriptedEstate estate = new ScriptedEstate().server("FS01").server("FS02")
            .session("FS01", "10.0.0.1", "alice", T0.minusSeconds(3_600), null, 2)
            .session("FS01", "PC-0412", "Bob", T0.plusSeconds(37), T0.plusSeconds(131), 5)
            .session("FS02", "10.0.0.7", "carol", T0.minusSeconds(20), T0.plusSeconds(250), 1)
            .outage("FS02", T0.plusSeconds(60), T0.plusSeconds(120));

    private HistoryRecorder record(Path file, Instant from, Instant to) throws InterruptedException {
        HistoryRecorder recorder = HistoryRecorder.start(file, Duration.ofDays(90), INTERVAL.multipliedBy(3),
                Clock.fixed(to, ZoneOffset.UTC), statuses::add);
        SessionTracker tracker = new SessionTracker();
        tracker.subscribe(recorder);
        for (Instant t = from; !t.isAfter(to); t = t.plus(INTERVAL)) {
            tracker.completeCycle(estate.poll(t));
        }
        assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();
        return recorder;
    }

    private static List<HistoryInterval> rows(Path file, Function<HistoryRepository, List<HistoryInterval>> question)
            throws Exception {
        return query(file, question);
    }

    private static List<CoverageSpan> spans(Path file, Function<HistoryRepository, List<CoverageSpan>> question)
            throws Exception {
        return query(file, question);
    }

    private static <T> T query(Path file, Function<HistoryRepository, T> question) throws Exception {
        HistoryDatabase database = HistoryDatabase.open(file, HistoryDatabase.Mode.QUERY, T0);
        try (Connection connection = database.connect()) {
            return question.apply(new JdbcHistoryRepository(connection));
        }
    }

    @Test
    void intervalsStartWithinThreeSecondsAndEndWithinOnePollOfTheTruth() throws Exception {
        Path file = folder.resolve("history.db");
        try (HistoryRecorder recorder = record(file, T0, T0.plusSeconds(300))) {
            assertThat(recorder.status().state()).isEqualTo(HistoryStatus.State.RECORDING);
        }

        List<HistoryInterval> bob = rows(file, r -> r.intervals(Party.USER, "bob", Optional.empty(), null, null));
        assertThat(bob).singleElement().satisfies(i -> {
            assertThat(i.user()).isEqualTo("Bob");
            assertThat(i.client()).isEqualTo("PC-0412");
            assertThat(ChronoUnit.MILLIS.between(T0.plusSeconds(37), i.start().orElseThrow()))
                    .isCloseTo(0, within(3_000L));
            long late = ChronoUnit.MILLIS.between(T0.plusSeconds(131), i.end().orElseThrow());
            assertThat(late).isBetween(0L, INTERVAL.toMillis());
            assertThat(i.endReason()).hasValue(HistoryInterval.EndReason.DISCONNECTED);
            assertThat(i.maxOpens()).hasValue(5);
            assertThat(i.clientType()).isEqualTo("Windows 11 Pro 22631");
            assertThat(i.transport()).isEqualTo("\\Device\\NetbiosSmb");
            assertThat(i.level()).isEqualTo(502);
            assertThat(i.lastSeen()).isBefore(i.end().orElseThrow());
        });

        List<HistoryInterval> alice = rows(file, r -> r.intervals(Party.CLIENT, "10.0.0.1", Optional.of("fs01"),
                T0, T0.plusSeconds(300)));
        assertThat(alice).singleElement().satisfies(i -> {
            assertThat(i.isOpen()).isTrue();
            assertThat(ChronoUnit.MILLIS.between(T0.minusSeconds(3_600), i.start().orElseThrow()))
                    .isCloseTo(0, within(3_000L));
            assertThat(i.firstSeen()).isEqualTo(T0.plusMillis(200));
            assertThat(i.lastSeen()).isEqualTo(T0.plusSeconds(300).plusMillis(200));
        });
    }

    @Test
    void carolsIntervalSurvivesHerServersOutageAndCoverageTellsTheOutageApart() throws Exception {
        Path file = folder.resolve("history.db");
        record(file, T0, T0.plusSeconds(300)).close();

        assertThat(rows(file, r -> r.intervals(Party.USER, "carol", Optional.empty(), null, null)))
                .singleElement().satisfies(i -> assertThat(i.end()).isPresent());
        List<CoverageSpan> fs02 = spans(file, r -> r.coverage(Optional.of("FS02"), null, null));
        assertThat(fs02).extracting(CoverageSpan::answered, s -> s.error().orElse(null), CoverageSpan::polls)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, null, 4L),
                        org.assertj.core.groups.Tuple.tuple(false, ErrorKind.UNREACHABLE, 4L),
                        org.assertj.core.groups.Tuple.tuple(true, null, 13L));
        assertThat(fs02.get(1).from()).isEqualTo(T0.plusSeconds(60).plusMillis(200));
        assertThat(fs02.get(1).to()).isEqualTo(T0.plusSeconds(105).plusMillis(200));
        assertThat(spans(file, r -> r.coverage(Optional.of("FS01"), null, null))).singleElement()
                .satisfies(s -> assertThat(s.polls()).isEqualTo(21));
    }

    @Test
    void openAtListsWhoWasOnAServerAtThatTime() throws Exception {
        Path file = folder.resolve("history.db");
        record(file, T0, T0.plusSeconds(300)).close();

        assertThat(rows(file, r -> r.openAt(T0.plusSeconds(100), Optional.of("FS01"))))
                .extracting(HistoryInterval::user).containsExactly("alice", "Bob");
        assertThat(rows(file, r -> r.openAt(T0.plusSeconds(200), Optional.of("FS01"))))
                .extracting(HistoryInterval::user).containsExactly("alice");
        assertThat(rows(file, r -> r.openAt(T0.plusSeconds(100), Optional.empty())))
                .extracting(HistoryInterval::server, HistoryInterval::user)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FS01", "alice"),
                        org.assertj.core.groups.Tuple.tuple("FS01", "Bob"),
                        org.assertj.core.groups.Tuple.tuple("FS02", "carol"));
    }

    @Test
    void aRestartContinuesTheIntervalsStillOpenInsteadOfSplittingThem() throws Exception {
        Path file = folder.resolve("history.db");
        record(file, T0, T0.plusSeconds(90)).close();
        record(file, T0.plusSeconds(180), T0.plusSeconds(300)).close();

        assertThat(rows(file, r -> r.intervals(Party.USER, "alice", Optional.empty(), null, null)))
                .singleElement().satisfies(i -> assertThat(i.isOpen()).isTrue());
        // Bob was connected when the first run stopped and gone when the second started: seen until the stop.
        assertThat(rows(file, r -> r.intervals(Party.USER, "bob", Optional.empty(), null, null)))
                .singleElement().satisfies(i -> {
                    assertThat(i.endReason()).hasValue(HistoryInterval.EndReason.UNOBSERVED);
                    assertThat(i.end()).hasValue(T0.plusSeconds(90).plusMillis(200));
                });
    }

    @Test
    void opensAreSampledOnlyWhenTheyChange() throws Exception {
        ScriptedEstate busy = new ScriptedEstate().server("FS01")
                .session("FS01", "pc1", "dave", T0.minusSeconds(10), T0.plusSeconds(50), 1)
                .session("FS01", "pc1", "dave", T0.plusSeconds(52), null, 9);
        Path file = folder.resolve("history.db");
        try (HistoryRecorder recorder = HistoryRecorder.start(file, Duration.ofDays(90), INTERVAL.multipliedBy(3),
                Clock.systemUTC(), statuses::add)) {
            SessionTracker tracker = new SessionTracker();
            tracker.subscribe(recorder);
            for (int i = 0; i <= 8; i++) {
                tracker.completeCycle(busy.poll(T0.plusSeconds(15L * i)));
            }
            assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();
        }
        HistoryDatabase database = HistoryDatabase.open(file, HistoryDatabase.Mode.QUERY, T0);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM session_sample")) {
            rows.next();
            assertThat(rows.getLong(1)).as("steady open counts leave no samples").isZero();
        }
        assertThat(rows(file, r -> r.intervals(Party.USER, "dave", Optional.empty(), null, null)))
                .extracting(i -> i.maxOpens().orElse(-1)).containsExactly(1L, 9L);
    }

    @Test
    void aDamagedFileIsMovedAsideAndANewOneStarted() throws Exception {
        Path file = folder.resolve("history.db");
        Files.write(file, "this is not a database, but it is long enough to look like a header.....".repeat(100)
                .getBytes());
        try (HistoryRecorder recorder = record(file, T0, T0.plusSeconds(30))) {
            assertThat(recorder.status().state()).isEqualTo(HistoryStatus.State.RECORDING);
            assertThat(recorder.status().message()).hasValueSatisfying(m -> assertThat(m)
                    .contains("was damaged").contains("history.db.corrupt-"));
        }
        try (var listing = Files.list(folder)) {
            assertThat(listing.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.matches("history\\.db\\.corrupt-\\d{8}T\\d{6}Z"));
        }
        assertThat(rows(file, r -> r.intervals(Party.USER, "alice", Optional.empty(), null, null))).hasSize(1);
    }

    @Test
    void aDatabaseThatCannotBeCreatedIsReportedAndUpdatesAreIgnored() throws Exception {
        Path blocker = Files.writeString(folder.resolve("not-a-folder"), "x");
        HistoryRecorder recorder = HistoryRecorder.start(blocker.resolve("history.db"), Duration.ofDays(90),
                INTERVAL, Clock.systemUTC(), statuses::add);
        SessionTracker tracker = new SessionTracker();
        tracker.subscribe(recorder);
        tracker.completeCycle(estate.poll(T0));
        recorder.close();

        assertThat(recorder.status().state()).isEqualTo(HistoryStatus.State.STOPPED);
        assertThat(recorder.status().message()).hasValueSatisfying(m -> assertThat(m)
                .startsWith("History is not being recorded: Cannot create the history folder")
                .endsWith("Polling goes on without it."));
        assertThat(statuses).extracting(HistoryStatus::state).contains(HistoryStatus.State.STOPPED);
    }
}
