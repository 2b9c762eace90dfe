package org.sessionwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.sessionwatch.config.AlertEvent;
import org.sessionwatch.config.AlertRule;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.netapi.UserFlags;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.tracking.SessionTracker;

/** Each event kind against scripted answers with known timings: fires once, cooldown holds, first poll silent. */
class AlertEngineTest {
    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");
    private static final NetApiError DOWN = new NetApiError(ErrorKind.UNREACHABLE, 53,
            "FS-ARCHIVE could not be reached.", null);

    private final SessionTracker tracker = new SessionTracker();
    private final List<Alert> alerts = new ArrayList<>();
    private int cycle;

    private void engine(boolean demo, AlertRule... rules) {
        AlertEngine engine = new AlertEngine(List.of(rules), demo);
        engine.subscribe(alerts::addAll);
        tracker.subscribe(engine);
    }

    private static Session s(String server, String client, String user, long active, long idle, long opens) {
        return Session.builder(server, InfoLevel.LEVEL_502).clientName(client).userName(user).activeSeconds(active)
                .idleSeconds(idle).openCount(opens).userFlags(0).build();
    }

    /** The time of poll {@code n}, 15 s apart. */
    private static Instant at(int n) {
        return T0.plusSeconds(15L * n);
    }

    private List<Alert> poll(ServerPollResult... results) {
        int before = alerts.size();
        tracker.completeCycle(new PollCycle(at(cycle++), List.of(results)));
        return List.copyOf(alerts.subList(before, alerts.size()));
    }

    private ServerPollResult ok(String server, Session... sessions) {
        return new ServerPollResult.Ok(server, InfoLevel.LEVEL_502, InfoLevel.LEVEL_502, List.of(sessions),
                Duration.ofMillis(10), at(cycle));
    }

    private ServerPollResult failed(String server) {
        return new ServerPollResult.Failed(server, InfoLevel.LEVEL_502, DOWN, Duration.ofMillis(10), at(cycle));
    }

    /** A session that started at poll {@code startPoll}, as seen at the current poll. */
    private Session since(String server, String client, String user, int startPoll, long idle, long opens) {
        return s(server, client, user, 15L * (cycle - startPoll) + 100, idle, opens);
    }

    @Test
    void aConnectFiresOnceAndTheFirstPollIsSilent() {
        engine(false, AlertRule.builder("alice connects", AlertEvent.SESSION_CONNECTED).user("ALICE").build());

        assertThat(poll(ok("FS01", since("FS01", "pc1", "alice", 0, 0, 0)))).as("starting state").isEmpty();
        assertThat(poll(ok("FS01", since("FS01", "pc1", "alice", 0, 0, 0), since("FS01", "pc2", "bob", 1, 0, 0))))
                .as("bob is not alice").isEmpty();
        List<Alert> fired = poll(ok("FS01", since("FS01", "pc1", "alice", 0, 0, 0),
                since("FS01", "pc2", "bob", 1, 0, 0), since("FS01", "pc9", "alice", 2, 0, 0)));

        assertThat(fired).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("alice connects");
            assertThat(a.text()).isEqualTo("FS01 pc9 alice connected");
            assertThat(a.server()).isEqualTo("FS01");
            assertThat(a.client()).isEqualTo("pc9");
            assertThat(a.user()).isEqualTo("alice");
            assertThat(a.time()).isEqualTo(at(2));
            assertThat(a.sessionId()).isPresent();
        });
        assertThat(poll(ok("FS01", since("FS01", "pc1", "alice", 0, 0, 0), since("FS01", "pc2", "bob", 1, 0, 0),
                since("FS01", "pc9", "alice", 2, 0, 0)))).as("still connected: no new alert").isEmpty();
    }

    @Test
    void theCooldownHoldsForTheSameSubjectAndNotForAnother() {
        engine(false, AlertRule.builder("alice connects", AlertEvent.SESSION_CONNECTED).user("alice").build());
        poll(ok("FS01"));

        assertThat(poll(ok("FS01", since("FS01", "pc1", "alice", 1, 0, 0)))).hasSize(1);
        assertThat(poll(ok("FS01"))).isEmpty();
        assertThat(poll(ok("FS01", since("FS01", "pc1", "alice", 3, 0, 0)))).as("reconnect 30 s later: cooldown")
                .isEmpty();
        assertThat(poll(ok("FS01", since("FS01", "pc1", "alice", 3, 0, 0), since("FS01", "pc2", "alice", 4, 0, 0))))
                .as("another client is another subject").hasSize(1);
        cycle += 20; // five minutes later
        poll(ok("FS01", since("FS01", "pc2", "alice", 4, 0, 0)));
        assertThat(poll(ok("FS01", since("FS01", "pc2", "alice", 4, 0, 0), since("FS01", "pc1", "alice", cycle, 0,
                0)))).as("cooldown over").hasSize(1);
    }

    @Test
    void sessionsOfOneUserConnectingTogetherMakeOneAlert() {
        engine(false, AlertRule.builder("alice connects", AlertEvent.SESSION_CONNECTED).user("alice").build());
        poll(ok("FS01"), ok("FS02"));

        List<Alert> fired = poll(ok("FS01", since("FS01", "pc1", "alice", 1, 0, 0), since("FS01", "pc2", "alice", 1,
                0, 0)), ok("FS02", since("FS02", "pc3", "alice", 1, 0, 0)));

        assertThat(fired).singleElement().extracting(Alert::text)
                .isEqualTo("3 sessions of alice connected: FS01 pc1, FS01 pc2, FS02 pc3");
    }

    @Test
    void endedSessionsFireAndSessionsOfARemovedServerDoNot() {
        engine(false, AlertRule.builder("left", AlertEvent.SESSION_ENDED).server("fs0?").build());
        poll(ok("FS01", since("FS01", "pc1", "alice", 0, 0, 0)), ok("FS02", since("FS02", "pc2", "bob", 0, 0, 0)));

        List<Alert> fired = poll(ok("FS01"));

        assertThat(fired).singleElement().extracting(Alert::text).asString()
                .startsWith("FS01 pc1 alice disconnected (was connected");
    }

    @Test
    void aServerFailingFiresAfterForMinutesOnceAndAFlappingServerDoesNotStorm() {
        engine(false, AlertRule.builder("archive down", AlertEvent.SERVER_FAILING).server("FS-ARCHIVE")
                .forMinutes(5).build(), AlertRule.builder("archive back", AlertEvent.SERVER_RECOVERED)
                .server("fs-archive").cooldownMinutes(0).build());
        poll(ok("FS-ARCHIVE"));

        List<Alert> fired = new ArrayList<>();
        for (int i = 0; i < 20; i++) { // failing from the first of these polls on: 4 min 45 s at the last
            fired.addAll(poll(failed("FS-ARCHIVE")));
        }
        assertThat(fired).as("not yet five minutes").isEmpty();
        assertThat(poll(failed("FS-ARCHIVE"))).singleElement().extracting(Alert::text)
                .isEqualTo("FS-ARCHIVE has been failing for 5m 00s: FS-ARCHIVE could not be reached.");
        for (int i = 0; i < 20; i++) {
            fired.addAll(poll(failed("FS-ARCHIVE")));
        }
        assertThat(fired).as("once per failure").isEmpty();
        assertThat(poll(ok("FS-ARCHIVE"))).singleElement().extracting(Alert::text)
                .isEqualTo("FS-ARCHIVE answers again (0 sessions)");

        // Flapping: one poll failing, one answering, for ten minutes: never five minutes in a row.
        List<Alert> flapping = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            flapping.addAll(poll(i % 2 == 0 ? failed("FS-ARCHIVE") : ok("FS-ARCHIVE")));
        }
        assertThat(flapping).allSatisfy(a -> assertThat(a.rule()).isEqualTo("archive back"));
    }

    @Test
    void aServerFailingWithoutForMinutesFiresOnTheFirstFailureAndRecoveryIsCooledDown() {
        engine(false, AlertRule.builder("any down", AlertEvent.SERVER_FAILING).build(),
                AlertRule.builder("any back", AlertEvent.SERVER_RECOVERED).build());
        poll(ok("FS01"));

        List<Alert> fired = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fired.addAll(poll(i % 2 == 0 ? failed("FS01") : ok("FS01")));
        }

        // 150 s of flapping with the default 5-minute cooldown: one "down" and one "back".
        assertThat(fired).extracting(Alert::rule).containsExactly("any down", "any back");
    }

    @Test
    void tooManySessionsFiresWhenTheCountCrossesTheThresholdAndAgainOnlyAfterItFell() {
        engine(false, AlertRule.builder("crowded", AlertEvent.SESSION_COUNT_ABOVE).server("FS-HQ-*").count(2)
                .cooldownMinutes(0).build());

        assertThat(poll(ok("FS-HQ-01", s("FS-HQ-01", "a", "u1", 9, 0, 0), s("FS-HQ-01", "b", "u2", 9, 0, 0))))
                .isEmpty();
        assertThat(poll(ok("FS-HQ-01", s("FS-HQ-01", "a", "u1", 24, 0, 0), s("FS-HQ-01", "b", "u2", 24, 0, 0),
                s("FS-HQ-01", "c", "u3", 5, 0, 0)), ok("FS-BRANCH", IntStream.range(0, 9)
                .mapToObj(i -> s("FS-BRANCH", "x" + i, "y", 1, 0, 0)).toArray(Session[]::new))))
                .singleElement().extracting(Alert::text).isEqualTo("FS-HQ-01 has 3 sessions, more than 2");
        assertThat(poll(ok("FS-HQ-01", s("FS-HQ-01", "a", "u1", 39, 0, 0), s("FS-HQ-01", "b", "u2", 39, 0, 0),
                s("FS-HQ-01", "c", "u3", 20, 0, 0)))).as("still above").isEmpty();
        assertThat(poll(ok("FS-HQ-01", s("FS-HQ-01", "a", "u1", 54, 0, 0)))).isEmpty();
        assertThat(poll(ok("FS-HQ-01", s("FS-HQ-01", "a", "u1", 69, 0, 0), s("FS-HQ-01", "d", "u4", 1, 0, 0),
                s("FS-HQ-01", "e", "u5", 1, 0, 0)))).as("crossed again").hasSize(1);
    }

    @Test
    void idleWithOpenFilesFiresOncePerSessionAlsoForTheStartingState() {
        engine(false, AlertRule.builder("forgotten", AlertEvent.IDLE_WITH_OPEN_FILES).idleMinutes(480).minOpens(2)
                .build());

        List<Alert> first = poll(ok("FS01", s("FS01", "pc1", "alice", 40_000, 8 * 3600, 40),
                s("FS01", "pc2", "bob", 40_000, 9 * 3600, 1), s("FS01", "pc3", "carol", 40_000, 60, 3)));
        assertThat(first).singleElement().extracting(Alert::text)
                .isEqualTo("FS01 pc1 alice idle 8h 00m with 40 open files");
        assertThat(poll(ok("FS01", s("FS01", "pc1", "alice", 40_015, 8 * 3600 + 15, 40),
                s("FS01", "pc2", "bob", 40_015, 9 * 3600 + 15, 1), s("FS01", "pc3", "carol", 40_015, 8 * 3600, 3))))
                .singleElement().extracting(Alert::user).isEqualTo("carol");
    }

    @Test
    void guestAndUnencryptedMatchTheSessionFlags() {
        engine(false, AlertRule.builder("guests", AlertEvent.SESSION_CONNECTED).guest(true).build(),
                AlertRule.builder("plain", AlertEvent.SESSION_CONNECTED).unencrypted(true).build());
        poll(ok("FS01"));
        Session guest = Session.builder("FS01", InfoLevel.LEVEL_502).clientName("kiosk").userName("guest")
                .activeSeconds(1).userFlags(UserFlags.GUEST).build();
        Session plain = Session.builder("FS01", InfoLevel.LEVEL_502).clientName("old").userName("bob")
                .activeSeconds(1).userFlags(UserFlags.NOENCRYPTION).build();
        Session unknownFlags = Session.builder("FS01", InfoLevel.LEVEL_10).clientName("x").userName("y")
                .activeSeconds(1).build();

        assertThat(poll(ok("FS01", guest, plain, unknownFlags))).extracting(Alert::rule, Alert::user)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("guests", "guest"),
                        org.assertj.core.groups.Tuple.tuple("plain", "bob"));
    }

    @Test
    void atMostTenAlertsAMinuteAndTheRestSummarised() {
        engine(false, AlertRule.builder("anyone", AlertEvent.SESSION_CONNECTED).cooldownMinutes(0).build());
        poll(ok("FS01"));

        List<Alert> burst = poll(ok("FS01", IntStream.range(0, 25)
                .mapToObj(i -> since("FS01", "pc" + i, "user" + i, 1, 0, 0)).toArray(Session[]::new)));

        assertThat(burst).hasSize(AlertEngine.MAX_PER_MINUTE);
        assertThat(burst.getLast().isSummary()).isTrue();
        assertThat(burst.getLast().text()).isEqualTo("16 more alerts held back (at most 10 a minute): anyone ×16");
        assertThat(poll(ok("FS01", since("FS01", "late", "zoe", 2, 0, 0)))).as("the minute is not over").isEmpty();
        cycle += 4;
        assertThat(poll(ok("FS01", since("FS01", "later", "max", cycle, 0, 0)))).extracting(Alert::isSummary)
                .containsExactly(true, false);
    }

    @Test
    void demoDataSaysSoInEveryAlert() {
        engine(true, AlertRule.builder("anyone", AlertEvent.SESSION_CONNECTED).build());
        poll(ok("FS-HQ-01"));

        assertThat(poll(ok("FS-HQ-01", since("FS-HQ-01", "10.1.1.1", "emma", 1, 0, 0)))).singleElement()
                .extracting(Alert::text).isEqualTo("Demo data: FS-HQ-01 10.1.1.1 emma connected");
    }

    @Test
    void disabledRulesAreSkippedAndFileRulesAreReportedAsInactive() {
        AlertRule files = AlertRule.builder("budget", AlertEvent.FILE_OPENED).pathGlob("*budget*.xlsx").build();
        AlertEngine engine = new AlertEngine(List.of(files, AlertRule.builder("off", AlertEvent.SESSION_CONNECTED)
                .enabled(false).build()), false);
        engine.subscribe(alerts::addAll);
        tracker.subscribe(engine);
        poll(ok("FS01"));
        poll(ok("FS01", since("FS01", "pc", "alice", 1, 0, 0)));

        assertThat(alerts).isEmpty();
        assertThat(engine.inactiveRules()).containsExactly(files);
    }

    @Test
    void matchingListsWhatARuleSelectsNowForTheSettingsTestButton() {
        poll(ok("FS01", s("FS01", "pc1", "alice", 50, 9 * 3600, 4), s("FS01", "pc2", "bob", 50, 10, 4)),
                ok("FS02", s("FS02", "pc3", "alice", 50, 9 * 3600, 0)));

        assertThat(AlertEngine.matching(AlertRule.builder("t", AlertEvent.SESSION_CONNECTED).user("alice").build(),
                tracker.sessions())).extracting(t -> t.server()).containsExactlyInAnyOrder("FS01", "FS02");
        assertThat(AlertEngine.matching(AlertRule.builder("t", AlertEvent.IDLE_WITH_OPEN_FILES).idleMinutes(60)
                .build(), tracker.sessions())).extracting(t -> t.session().clientName().orElseThrow())
                .containsExactly("pc1");
    }

    @Test
    void aFlappingServerNeitherEndsNorReconnectsItsSessionsAndItsLateFirstAnswerIsTheStartingState() {
        engine(false, AlertRule.builder("any connect", AlertEvent.SESSION_CONNECTED).cooldownMinutes(0).build(),
                AlertRule.builder("any end", AlertEvent.SESSION_ENDED).cooldownMinutes(0).build());
        poll(ok("FS01", since("FS01", "pc1", "alice", 0, 0, 0)), failed("FS02"));

        List<Alert> fired = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            fired.addAll(poll(i % 2 == 0 ? failed("FS01") : ok("FS01", since("FS01", "pc1", "alice", 0, 0, 0)),
                    i < 10 ? failed("FS02") : ok("FS02", since("FS02", "pc7", "zoe", 0, 0, 0))));
        }

        assertThat(fired).as("same sessions each time FS01 answers; FS02's first answer is its starting state")
                .isEmpty();
    }

    @Test
    void theCooldownHoldsForEndedSessionsAndConditionsThatComeBackQuickly() {
        engine(false, AlertRule.builder("left", AlertEvent.SESSION_ENDED).user("alice").build(),
                AlertRule.builder("crowded", AlertEvent.SESSION_COUNT_ABOVE).count(1).build(),
                AlertRule.builder("forgotten", AlertEvent.IDLE_WITH_OPEN_FILES).idleMinutes(60).build());
        Session bob = s("FS01", "pc2", "bob", 100, 10, 0);
        assertThat(poll(ok("FS01", since("FS01", "pc1", "alice", 0, 0, 0), s("FS01", "pc3", "carol", 9_000, 4_000,
                2)))).as("conditions are facts, true from the start").extracting(Alert::rule)
                .containsExactlyInAnyOrder("crowded", "forgotten");
        List<Alert> fired = new ArrayList<>();
        // alice leaves and comes back every 30 s; bob makes the count cross 1 each time; carol is active, then idle.
        for (int i = 0; i < 8; i++) {
            boolean out = i % 2 == 0;
            fired.addAll(poll(out ? ok("FS01", bob, s("FS01", "pc3", "carol", 9_000, out ? 5 : 4_000, 2))
                    : ok("FS01", since("FS01", "pc1", "alice", cycle, 0, 0), bob,
                    s("FS01", "pc3", "carol", 9_000, 4_000, 2))));
        }

        // Two minutes of flapping with the default five-minute cooldown: alice's end once; the conditions, false and
        // true again every 30 s, stay quiet for the subjects they fired for.
        assertThat(fired).extracting(Alert::rule).containsExactly("left");
    }
}
