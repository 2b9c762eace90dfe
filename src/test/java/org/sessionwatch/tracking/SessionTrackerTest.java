package org.sessionwatch.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.tracking.SessionEvent.Changed;
import org.sessionwatch.tracking.SessionEvent.Connected;
import org.sessionwatch.tracking.SessionEvent.EndReason;
import org.sessionwatch.tracking.SessionEvent.Ended;
import org.sessionwatch.tracking.SessionEvent.ServerFailing;
import org.sessionwatch.tracking.SessionEvent.ServerRecovered;

/** The one identity rule and the events it produces, against scripted answers with known timings. */
class SessionTrackerTest {
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
    private static final NetApiError DENIED = new NetApiError(ErrorKind.ACCESS_DENIED, 5, "Access denied", null);
    private static final NetApiError DOWN = new NetApiError(ErrorKind.UNREACHABLE, 53, "Unreachable", null);

    private final SessionTracker tracker = new SessionTracker();

    private static Session session(String server, String client, String user, long activeSeconds) {
        return session(server, client, user, activeSeconds, 0, 1);
    }

    private static Session session(String server, String client, String user, long activeSeconds, long idle,
                                   long opens) {
        return Session.builder(server, InfoLevel.LEVEL_502).clientName(client).userName(user)
                .activeSeconds(activeSeconds).idleSeconds(idle).openCount(opens).build();
    }

    /** Sessions pc0/u0 … pc{count-1}/u{count-1} on FS01, session i connected {@code active + i} seconds. */
    private static Session[] numbered(int count, long active) {
        return IntStream.range(0, count).mapToObj(i -> session("FS01", "pc" + i, "u" + i, active + i))
                .toArray(Session[]::new);
    }

    private static List<String> names(List<SessionEvent> events) {
        return events.stream().map(e -> e.getClass().getSimpleName()).toList();
    }

    private static ServerPollResult ok(String server, Instant answeredAt, Session... sessions) {
        return new ServerPollResult.Ok(server, InfoLevel.LEVEL_502, InfoLevel.LEVEL_502, List.of(sessions),
                Duration.ofMillis(20), answeredAt);
    }

    private static ServerPollResult failed(String server, Instant at, NetApiError error) {
        return new ServerPollResult.Failed(server, InfoLevel.LEVEL_502, error, Duration.ofMillis(20), at);
    }

    private List<SessionEvent> poll(Instant at, ServerPollResult... results) {
        return tracker.completeCycle(new PollCycle(at, List.of(results))).events();
    }

    @Test
    void theFirstAnswerIsTheStartingStateAndLaterOnesReportChanges() {
        List<SessionEvent> first = poll(T0, ok("FS01", T0, session("FS01", "pc1", "alice", 100),
                session("FS01", "pc2", "bob", 50)));

        assertThat(first).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(Connected.class,
                c -> assertThat(c.initial()).isTrue()));
        long aliceId = ((Connected) first.getFirst()).session().id();

        // alice only aged; bob opened two more files.
        Instant t1 = T0.plusSeconds(15);
        List<SessionEvent> second = poll(t1, ok("FS01", t1, session("FS01", "pc1", "alice", 115),
                session("FS01", "pc2", "bob", 65, 0, 3), session("FS01", "pc3", "carol", 2)));

        assertThat(names(second)).containsExactly("Connected", "Changed");
        Connected carol = (Connected) second.getFirst();
        assertThat(carol.initial()).isFalse();
        assertThat(carol.session().since()).hasValue(t1.minusSeconds(2));
        Changed bob = (Changed) second.get(1);
        assertThat(bob.before().session().openCount()).hasValue(1);
        assertThat(bob.after().session().openCount()).hasValue(3);
        assertThat(bob.at()).isEqualTo(t1);
        assertThat(tracker.sessions()).hasSize(3).filteredOn(s -> s.id() == aliceId).singleElement()
                .satisfies(alice -> {
                    assertThat(alice.session().activeSeconds()).as("aged from its start").hasValue(115);
                    assertThat(alice.seenAt()).isEqualTo(t1);
                    assertThat(alice.since()).hasValue(T0.minusSeconds(100));
                });
    }

    @Test
    void aConnectedTimeThatAdvancedByThePollGapIsNoEvent() {
        poll(T0, ok("FS01", T0, session("FS01", "pc1", "alice", 100)));

        for (int i = 1; i <= 5; i++) {
            Instant at = T0.plusSeconds(15L * i);
            assertThat(poll(at, ok("FS01", at, session("FS01", "pc1", "alice", 100 + 15L * i)))).isEmpty();
        }
        // A start 1 s off (the server counts whole seconds) is rounding: still nothing to report.
        Instant t6 = T0.plusSeconds(90);
        assertThat(poll(t6, ok("FS01", t6, session("FS01", "pc1", "alice", 189)))).isEmpty();

        // The values consumers get when it ends are those of the last answer that contained it.
        Instant t7 = T0.plusSeconds(105);
        assertThat(poll(t7, ok("FS01", t7))).singleElement().isInstanceOfSatisfying(Ended.class, ended -> {
            assertThat(ended.last().seenAt()).isEqualTo(t6);
            assertThat(ended.last().session().activeSeconds()).hasValue(190);
            assertThat(ended.at()).isEqualTo(t7);
        });
    }

    @Test
    void idleTimeAndOpenFilesAreChangesWithTheValuesBeforeAndAfter() {
        poll(T0, ok("FS01", T0, session("FS01", "pc1", "alice", 100, 5, 1)));
        Instant t1 = T0.plusSeconds(15);
        poll(t1, ok("FS01", t1, session("FS01", "pc1", "alice", 115, 5, 1)));

        Instant t2 = T0.plusSeconds(30);
        assertThat(poll(t2, ok("FS01", t2, session("FS01", "pc1", "alice", 130, 900, 1)))).singleElement()
                .isInstanceOfSatisfying(Changed.class, idle -> {
                    assertThat(idle.before().session().idleSeconds()).hasValue(5);
                    assertThat(idle.before().session().activeSeconds()).as("as of the previous answer").hasValue(115);
                    assertThat(idle.before().seenAt()).isEqualTo(t1);
                    assertThat(idle.after().session().idleSeconds()).hasValue(900);
                    assertThat(idle.after().session().activeSeconds()).hasValue(130);
                    assertThat(idle.after().seenAt()).isEqualTo(t2);
                });
        Instant t3 = T0.plusSeconds(45);
        assertThat(poll(t3, ok("FS01", t3, session("FS01", "pc1", "alice", 145, 900, 0)))).singleElement()
                .isInstanceOfSatisfying(Changed.class, opens -> {
                    assertThat(opens.before().session().openCount()).hasValue(1);
                    assertThat(opens.after().session().openCount()).hasValue(0);
                });
    }

    @Test
    void aStartThatJumpedByMoreThanTheToleranceIsAnEndAndAConnect() {
        List<SessionEvent> first = poll(T0, ok("FS01", T0, session("FS01", "pc1", "alice", 100)));
        long id = ((Connected) first.getFirst()).session().id();

        // 15 s later 115 was expected; 111 puts the start 4 s later.
        Instant t1 = T0.plusSeconds(15);
        List<SessionEvent> events = poll(t1, ok("FS01", t1, session("FS01", "pc1", "alice", 111)));

        assertThat(names(events)).containsExactly("Ended", "Connected");
        Ended ended = (Ended) events.getFirst();
        Connected connected = (Connected) events.get(1);
        assertThat(ended.last().id()).isEqualTo(id);
        assertThat(ended.reason()).isEqualTo(EndReason.DISCONNECTED);
        assertThat(connected.session().id()).isNotEqualTo(id);
        assertThat(connected.session().since()).hasValue(t1.minusSeconds(111));
    }

    @Test
    void aStartThatDriftsSlowlyIsFollowedWithoutAFalseReconnect() {
        poll(T0, ok("FS01", T0, session("FS01", "pc1", "alice", 100)));
        List<SessionEvent> all = new ArrayList<>();
        // The server's clock gains 1 s on ours every poll: after 20 polls the start is 20 s away from the first one.
        for (int i = 1; i <= 20; i++) {
            Instant at = T0.plusSeconds(15L * i);
            all.addAll(poll(at, ok("FS01", at, session("FS01", "pc1", "alice", 100 + 16L * i))));
        }

        assertThat(all).isNotEmpty().allSatisfy(e -> assertThat(e).isInstanceOf(Changed.class));
        assertThat(((Changed) all.getLast()).after().since()).hasValue(T0.minusSeconds(120));
    }

    @Test
    void startsThreeSecondsApartAreOneSessionFourSecondsApartAreAReconnect() {
        poll(T0, ok("FS01", T0, session("FS01", "pc1", "alice", 100)));

        // 15 s later the connected time should be 115; 112 means the start moved 3 s later: still the same session.
        Instant t1 = T0.plusSeconds(15);
        assertThat(poll(t1, ok("FS01", t1, session("FS01", "pc1", "alice", 112))))
                .singleElement().isInstanceOf(Changed.class);

        // Another 15 s: 127 expected, 123 is 4 s off the last start: the old session ended, a new one connected.
        Instant t2 = t1.plusSeconds(15);
        List<SessionEvent> reconnect = poll(t2, ok("FS01", t2, session("FS01", "pc1", "alice", 123)));
        assertThat(reconnect).extracting(e -> e.getClass().getSimpleName()).containsExactly("Ended", "Connected");
        assertThat(((Ended) reconnect.getFirst()).reason()).isEqualTo(EndReason.DISCONNECTED);
        assertThat(((Connected) reconnect.get(1)).initial()).isFalse();
    }

    @Test
    void theToleranceHoldsTheOtherWayToo() {
        poll(T0, ok("FS01", T0, session("FS01", "pc1", "alice", 100)));
        Instant t1 = T0.plusSeconds(15);

        // 118 is a start 3 s earlier: same session; 119 next time would be 4 s earlier than the last start.
        assertThat(poll(t1, ok("FS01", t1, session("FS01", "pc1", "alice", 118)))).singleElement()
                .isInstanceOf(Changed.class);
        Instant t2 = t1.plusSeconds(15);
        assertThat(poll(t2, ok("FS01", t2, session("FS01", "pc1", "alice", 137))))
                .extracting(e -> e.getClass().getSimpleName()).containsExactly("Ended", "Connected");
    }

    @Test
    void anUnknownStartMatchesAKnownOneAndKeepsIt() {
        poll(T0, ok("FS01", T0, session("FS01", "pc1", "alice", 100)));
        Session levelZero = Session.builder("FS01", InfoLevel.LEVEL_0).clientName("pc1").build();
        Session levelOne = Session.builder("FS01", InfoLevel.LEVEL_1).clientName("PC1").userName("ALICE").build();
        Instant t1 = T0.plusSeconds(600);

        List<SessionEvent> events = poll(t1, ok("FS01", t1, levelOne));

        assertThat(events).singleElement().isInstanceOfSatisfying(Changed.class, changed ->
                assertThat(changed.after().since()).hasValue(T0.minusSeconds(100)));
        // A level-0 session has no user: it is another key, so alice's session ends and the anonymous one appears.
        assertThat(poll(t1.plusSeconds(15), ok("FS01", t1.plusSeconds(15), levelZero)))
                .extracting(e -> e.getClass().getSimpleName()).containsExactly("Ended", "Connected");
    }

    @Test
    void sessionsSharingAKeyAreMatchedByTheClosestStart() {
        // alice reconnected from pc1 before her old session timed out: two sessions, same key, starts 600 s apart.
        poll(T0, ok("FS01", T0, session("FS01", "pc1", "alice", 700), session("FS01", "pc1", "alice", 100)));
        List<Long> ids = tracker.sessions().stream().map(TrackedSession::id).sorted().toList();
        Instant t1 = T0.plusSeconds(15);

        // The answer lists them in the other order, the old one skewed by the whole tolerance: each keeps its id.
        List<SessionEvent> events = poll(t1, ok("FS01", t1, session("FS01", "pc1", "alice", 115),
                session("FS01", "pc1", "alice", 718)));

        // The young one only aged (no event); the old one's start moved 3 s, within the tolerance.
        assertThat(events).singleElement().isInstanceOf(Changed.class);
        assertThat(events).extracting(e -> ((Changed) e).before().session().activeSeconds().getAsLong(),
                        e -> ((Changed) e).after().session().activeSeconds().getAsLong())
                .containsExactly(tuple(700L, 718L));
        assertThat(tracker.sessions().stream().map(TrackedSession::id).sorted().toList()).isEqualTo(ids);
    }

    @Test
    void pagingSkewOfALargeServerIsNoReconnect() {
        // A large server pages for about 2 s: the answer is stamped when its last page arrived, so early entries
        // look up to 2 s older than they are, differently from poll to poll.
        poll(T0, ok("FS01", T0, numbered(300, 1000)));
        Instant t1 = T0.plusSeconds(15);
        List<Session> skewed = IntStream.range(0, 300)
                .mapToObj(i -> session("FS01", "pc" + i, "u" + i, 1000 + i + 15 - (i < 150 ? 2 : 0))).toList();

        List<SessionEvent> events = poll(t1, ok("FS01", t1, skewed.toArray(Session[]::new)));

        // No reconnects; the skewed half is told its start moved by 2 s, the other half only aged.
        assertThat(events).hasSize(150).allSatisfy(e -> assertThat(e).isInstanceOf(Changed.class));
    }

    @Test
    void aServerThatAnswersInAnotherOrderKeepsEverySession() {
        List<Long> ids = poll(T0, ok("FS01", T0, numbered(50, 1000))).stream()
                .map(e -> ((Connected) e).session().id()).sorted().toList();
        Instant t1 = T0.plusSeconds(15);
        List<Session> reversed = new ArrayList<>(List.of(numbered(50, 1015)));
        java.util.Collections.reverse(reversed);

        // Reversed: the same sessions by key, nothing to report.
        assertThat(poll(t1, ok("FS01", t1, reversed.toArray(Session[]::new)))).isEmpty();
        assertThat(tracker.sessions().stream().map(TrackedSession::id).sorted().toList()).isEqualTo(ids);
    }

    @Test
    void sessionsEndingAndAppearingInTheMiddleOfTheAnswerAreTheOnlyEvents() {
        poll(T0, ok("FS01", T0, numbered(20, 1000)));
        Instant t1 = T0.plusSeconds(15);
        List<Session> next = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            if (i == 3 || i == 4 || i == 11) {
                continue;
            }
            if (i == 8) {
                next.add(session("FS01", "pc-new", "newcomer", 5));
            }
            next.add(session("FS01", "pc" + i, "u" + i, 1015 + i));
        }

        List<SessionEvent> events = poll(t1, ok("FS01", t1, next.toArray(Session[]::new)));

        assertThat(names(events)).containsExactly("Ended", "Ended", "Ended", "Connected");
        assertThat(events.subList(0, 3)).extracting(e -> ((Ended) e).last().key().user())
                .containsExactly("u3", "u4", "u11");
        assertThat(((Connected) events.get(3)).session().key().user()).isEqualTo("newcomer");
        assertThat(tracker.sessions()).hasSize(18);
    }

    @Test
    void aFailingServerKeepsItsSessionsAndRecoversWithoutFalseEnds() {
        poll(T0, ok("FS01", T0, session("FS01", "pc1", "alice", 100), session("FS01", "pc2", "bob", 100)));

        Instant t1 = T0.plusSeconds(15);
        assertThat(poll(t1, failed("FS01", t1, DOWN))).singleElement().isInstanceOfSatisfying(ServerFailing.class,
                f -> assertThat(f.error()).isEqualTo(DOWN));
        assertThat(tracker.isFailing("FS01")).isTrue();
        assertThat(tracker.sessions()).hasSize(2);
        Instant t2 = t1.plusSeconds(15);
        assertThat(poll(t2, failed("FS01", t2, DOWN))).isEmpty();
        Instant t3 = t2.plusSeconds(15);
        assertThat(poll(t3, failed("FS01", t3, DENIED))).singleElement().isInstanceOf(ServerFailing.class);

        Instant t4 = t3.plusSeconds(15);
        List<SessionEvent> back = poll(t4, ok("FS01", t4, session("FS01", "pc1", "alice", 160)));

        assertThat(names(back)).containsExactly("ServerRecovered", "Ended");
        assertThat(((ServerRecovered) back.getFirst()).sessions()).isEqualTo(1);
        Ended bob = (Ended) back.get(1);
        assertThat(bob.last().key().user()).isEqualTo("bob");
        assertThat(bob.last().seenAt()).as("its last answer was the one before the failure").isEqualTo(T0);
        assertThat(tracker.isFailing("FS01")).isFalse();
    }

    @Test
    void aFlappingServerDoesNotStorm() {
        poll(T0, ok("FS01", T0, session("FS01", "pc1", "alice", 100)));
        List<SessionEvent> all = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            Instant at = T0.plusSeconds(15L * i);
            all.addAll(poll(at, i % 2 == 1 ? failed("FS01", at, DOWN)
                    : ok("FS01", at, session("FS01", "pc1", "alice", 100 + 15L * i))));
        }

        assertThat(all.stream().filter(ServerFailing.class::isInstance)).hasSize(10);
        assertThat(all.stream().filter(ServerRecovered.class::isInstance)).hasSize(10);
        assertThat(all.stream().filter(e -> e instanceof Connected || e instanceof Ended)).isEmpty();
    }

    @Test
    void aServerThatFailsFirstStillGetsAnInitialStateWhenItAnswers() {
        assertThat(poll(T0, failed("FS01", T0, DENIED))).singleElement().isInstanceOf(ServerFailing.class);

        Instant t1 = T0.plusSeconds(15);
        List<SessionEvent> events = poll(t1, ok("FS01", t1, session("FS01", "pc1", "alice", 5)));

        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("ServerRecovered", "Connected");
        assertThat(((Connected) events.get(1)).initial()).isTrue();
    }

    @Test
    void aServerLeftOutOfACompletedCycleHasItsSessionsEnded() {
        poll(T0, ok("FS01", T0, session("FS01", "pc1", "alice", 100)),
                ok("FS02", T0, session("FS02", "pc9", "zoe", 10)));

        Instant t1 = T0.plusSeconds(15);
        List<SessionEvent> events = poll(t1, ok("FS01", t1.plusMillis(300), session("FS01", "pc1", "alice", 115)));

        assertThat(events).filteredOn(Ended.class::isInstance).singleElement()
                .isInstanceOfSatisfying(Ended.class, ended -> {
                    assertThat(ended.reason()).isEqualTo(EndReason.SERVER_REMOVED);
                    assertThat(ended.server()).isEqualTo("FS02");
                    assertThat(ended.at()).isEqualTo(t1.plusMillis(300));
                });
        assertThat(tracker.sessions()).extracting(TrackedSession::server).containsExactly("FS01");
    }

    @Test
    void resultsStreamedDuringACycleAreNotAppliedTwiceWhenItCompletes() {
        ServerPollResult fs01 = ok("FS01", T0, session("FS01", "pc1", "alice", 100));
        ServerPollResult fs02 = ok("FS02", T0.plusSeconds(2), session("FS02", "pc2", "bob", 100));

        TrackerUpdate early = tracker.apply(T0, List.of(fs01));
        TrackerUpdate end = tracker.completeCycle(new PollCycle(T0, List.of(fs01, fs02)));

        assertThat(early.events()).singleElement().isInstanceOf(Connected.class);
        assertThat(early.cycleComplete()).isFalse();
        assertThat(end.results()).containsExactly(fs02);
        assertThat(end.events()).singleElement().satisfies(e -> assertThat(e.server()).isEqualTo("FS02"));
        assertThat(end.cycleComplete()).isTrue();
        assertThat(tracker.sessions()).hasSize(2);
    }

    @Test
    void anUnchangedSessionProducesNoEvent() {
        Session quiet = Session.builder("NAS", InfoLevel.LEVEL_0).clientName("pc1").build();
        poll(T0, ok("NAS", T0, quiet));

        assertThat(poll(T0.plusSeconds(15), ok("NAS", T0.plusSeconds(15), quiet))).isEmpty();
    }

    @Test
    void subscribersGetEveryUpdateInOrderAndOneThatFailsDoesNotStopTheOthers() {
        List<TrackerUpdate> seen = new ArrayList<>();
        tracker.subscribe(update -> {
            throw new IllegalStateException("broken consumer");
        });
        tracker.subscribe(seen::add);

        TrackerUpdate a = tracker.apply(T0, List.of(ok("FS01", T0, session("FS01", "pc1", "alice", 1))));
        TrackerUpdate b = tracker.completeCycle(new PollCycle(T0, List.of(ok("FS02", T0))));

        assertThat(seen).containsExactly(a, b);
    }

    @Test
    void aHundredThousandSessionsWithOnePercentChurn() {
        int servers = 500;
        int perServer = 200;
        List<ServerPollResult> first = new ArrayList<>();
        for (int s = 0; s < servers; s++) {
            String name = "FS" + s;
            first.add(ok(name, T0, IntStream.range(0, perServer)
                    .mapToObj(i -> session(name, "pc" + i, "user" + i, 1000 + i)).toArray(Session[]::new)));
        }
        assertThat(tracker.completeCycle(new PollCycle(T0, first)).events()).hasSize(100_000);

        // Next cycle: on every server the first two sessions are gone and two new ones came; the rest aged 15 s.
        Instant t1 = T0.plusSeconds(15);
        List<ServerPollResult> second = new ArrayList<>();
        for (int s = 0; s < servers; s++) {
            String name = "FS" + s;
            List<Session> sessions = new ArrayList<>();
            for (int i = 2; i < perServer; i++) {
                sessions.add(session(name, "pc" + i, "user" + i, 1015 + i));
            }
            sessions.add(session(name, "new1", "user0", 3));
            sessions.add(session(name, "new2", "user1", 4));
            second.add(ok(name, t1, sessions.toArray(Session[]::new)));
        }
        List<SessionEvent> events = tracker.completeCycle(new PollCycle(t1, second)).events();

        assertThat(events.stream().filter(Ended.class::isInstance)).hasSize(1_000);
        assertThat(events.stream().filter(Connected.class::isInstance)).hasSize(1_000);
        assertThat(events.stream().filter(Changed.class::isInstance)).as("the others only aged").isEmpty();
        assertThat(tracker.sessions()).hasSize(100_000).filteredOn(s -> s.key().user().equals("user7"))
                .allSatisfy(s -> assertThat(s.session().activeSeconds()).hasValue(1022));
    }
}
