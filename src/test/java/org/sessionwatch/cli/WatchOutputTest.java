package org.sessionwatch.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.alerts.Alert;
import org.sessionwatch.tracking.SessionEvent;
import org.sessionwatch.tracking.SessionKey;
import org.sessionwatch.tracking.SessionTracker;
import org.sessionwatch.tracking.TrackedSession;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code --watch} prints for the tracker's events of consecutive cycles (the identity rule itself is tested in
 * {@code SessionTrackerTest}). */
class WatchOutputTest {
    private static final Instant T0 = Instant.parse("2026-11-24T16:00:00Z");

    /** A session that started {@code startOffset} seconds after T0, seen at {@code at}. */
    private static Session session(String client, String user, long startOffset, Instant at) {
        long active = Duration.between(T0.plusSeconds(startOffset), at).toSeconds();
        return Session.builder("FS01", InfoLevel.LEVEL_10).clientName(client).userName(user)
                .activeSeconds(active).idleSeconds(1).build();
    }

    private static PollCycle ok(Instant at, Session... sessions) {
        return new PollCycle(at, List.of(new ServerPollResult.Ok("FS01", InfoLevel.LEVEL_502, InfoLevel.LEVEL_10,
                List.of(sessions), Duration.ofMillis(20), at)));
    }

    private static PollCycle failed(Instant at, NetApiError error) {
        return new PollCycle(at, List.of(new ServerPollResult.Failed("FS01", InfoLevel.LEVEL_502, error,
                Duration.ofMillis(20), at)));
    }

    private final SessionTracker tracker = new SessionTracker();

    /** The printed events of one more cycle, as CliRun's watch loop prints them. */
    private List<SessionEvent> next(PollCycle cycle) {
        return tracker.completeCycle(cycle).events().stream().filter(WatchOutput::printed).toList();
    }

    private static TrackedSession tracked(Session session, Instant since) {
        return new TrackedSession(1, SessionKey.of(session), since == null ? SessionKey.UNKNOWN_START
                : since.getEpochSecond(), session, InfoLevel.LEVEL_502, T0);
    }

    private static List<String> lines(List<SessionEvent> events) {
        return events.stream().map(WatchOutput::text).toList();
    }

    @Test
    void firstPollListsWhatIsPresentThenOnlyChangesArePrinted() {
        Instant t1 = T0.plusSeconds(100);
        assertThat(lines(next(ok(t1, session("10.0.0.1", "alice", 10, t1), session("10.0.0.2", "bob", 50, t1)))))
                .containsExactly(
                        "2026-11-24T16:01:40Z = PRESENT    FS01 10.0.0.1 alice (connected 1m 30s, idle 1s, level 10)",
                        "2026-11-24T16:01:40Z = PRESENT    FS01 10.0.0.2 bob (connected 50s, idle 1s, level 10)");

        // 15 s later, with one second of jitter on alice's derived start: nothing changed.
        Instant t2 = t1.plusSeconds(15);
        assertThat(next(ok(t2, session("10.0.0.1", "alice", 11, t2), session("10.0.0.2", "bob", 50, t2))))
                .isEmpty();

        // bob leaves, carol arrives.
        Instant t3 = t2.plusSeconds(15);
        assertThat(lines(next(ok(t3, session("10.0.0.1", "alice", 10, t3), session("10.0.0.3", "carol", 125, t3)))))
                .containsExactly(
                        "2026-11-24T16:02:10Z - DISCONNECT FS01 10.0.0.2 bob (was connected 1m 05s, idle 1s, level 10)",
                        "2026-11-24T16:02:10Z + CONNECT    FS01 10.0.0.3 carol (connected 5s, idle 1s, level 10)");
    }

    @Test
    void startsWithinThreeSecondsAreTheSameSessionAndFourSecondsApartAreAReconnect() {
        Instant t1 = T0.plusSeconds(100);
        next(ok(t1, session("pc", "alice", 10, t1)));
        Instant t2 = t1.plusSeconds(15);
        assertThat(next(ok(t2, session("PC", "ALICE", 13, t2)))).as("3 s jitter, other case").isEmpty();
        Instant t3 = t2.plusSeconds(15);
        List<SessionEvent> events = next(ok(t3, session("pc", "alice", 17, t3)));
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(SessionEvent.Ended.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(SessionEvent.Connected.class,
                c -> assertThat(c.session().since()).contains(T0.plusSeconds(17)));
    }

    @Test
    void twoSessionsOfOneUserFromOneClientAreTrackedSeparately() {
        Instant t1 = T0.plusSeconds(1000);
        next(ok(t1, session("pc", "alice", 10, t1), session("pc", "alice", 500, t1)));
        Instant t2 = t1.plusSeconds(15);
        List<SessionEvent> events = next(ok(t2, session("pc", "alice", 500, t2)));
        assertThat(events).singleElement().isInstanceOfSatisfying(SessionEvent.Ended.class,
                d -> assertThat(d.last().since()).contains(T0.plusSeconds(10)));
    }

    @Test
    void aFailingServerIsReportedOnceAndItsSessionsAreNotDisconnected() {
        Instant t1 = T0.plusSeconds(100);
        next(ok(t1, session("pc1", "alice", 10, t1), session("pc2", "bob", 20, t1)));

        Instant t2 = t1.plusSeconds(15);
        assertThat(lines(next(failed(t2, Fixtures.timeout())))).containsExactly(
                "2026-11-24T16:01:55Z ! FAILING    FS01 FS04 did not answer in time.");
        assertThat(next(failed(t2.plusSeconds(15), Fixtures.timeout()))).as("same failure again").isEmpty();
        assertThat(next(failed(t2.plusSeconds(30), Fixtures.accessDenied()))).as("new reason")
                .singleElement().isInstanceOf(SessionEvent.ServerFailing.class);

        // Back, and meanwhile bob left: compared with the last picture, not with the failures.
        Instant t5 = t2.plusSeconds(45);
        assertThat(lines(next(ok(t5, session("pc1", "alice", 10, t5))))).containsExactly(
                "2026-11-24T16:02:40Z * RECOVERED  FS01 answering again (1 session)",
                "2026-11-24T16:02:40Z - DISCONNECT FS01 pc2 bob (was connected 1m 20s, idle 1s, level 10)");
    }

    @Test
    void aServerFailingFromTheStartListsItsSessionsAsPresentWhenItFirstAnswers() {
        assertThat(next(failed(T0, Fixtures.accessDenied()))).singleElement()
                .isInstanceOf(SessionEvent.ServerFailing.class);
        Instant t2 = T0.plusSeconds(15);
        List<SessionEvent> events = next(ok(t2, session("pc", "alice", 1, t2)));
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(SessionEvent.ServerRecovered.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(SessionEvent.Connected.class, c -> assertThat(c.initial()).isTrue());
    }

    @Test
    void withoutActiveTimesOnlyTheNumberOfSessionsPerClientAndUserCanChange() {
        Session zero = Session.builder("FS01", InfoLevel.LEVEL_0).clientName("pc").build();
        next(ok(T0, zero));
        assertThat(next(ok(T0.plusSeconds(15), zero))).isEmpty();
        List<SessionEvent> events = next(ok(T0.plusSeconds(30), zero, zero));
        assertThat(events).singleElement().isInstanceOfSatisfying(SessionEvent.Connected.class,
                c -> assertThat(c.session().since()).isEmpty());
        assertThat(lines(events)).containsExactly("2026-11-24T16:00:30Z + CONNECT    FS01 pc - (level 0)");
    }

    @Test
    void aServerFallingBackToLevelZeroKeepsItsAnonymousSessions() {
        Instant t1 = T0.plusSeconds(100);
        next(ok(t1, session("scanner", null, 10, t1)));
        Session withoutTime = Session.builder("FS01", InfoLevel.LEVEL_0).clientName("scanner").build();

        assertThat(next(ok(t1.plusSeconds(15), withoutTime))).as("same server, client and (no) user").isEmpty();
        Instant t3 = t1.plusSeconds(30);
        assertThat(next(ok(t3, session("scanner", null, 10, t3)))).isEmpty();
        assertThat(next(ok(t3.plusSeconds(15), session("pc", null, 10, t3.plusSeconds(15))))).hasSize(2);
    }

    @Test
    void startsAreTakenAtTheAnswerTimeLikeTheWindowDoes() {
        Instant t1 = T0.plusSeconds(100);
        Instant answered = t1.plusSeconds(4);
        Session late = Session.builder("FS01", InfoLevel.LEVEL_10).clientName("pc").userName("alice")
                .activeSeconds(94).idleSeconds(1).build();
        PollCycle slow = new PollCycle(t1, List.of(new ServerPollResult.Ok("FS01", InfoLevel.LEVEL_502,
                InfoLevel.LEVEL_10, List.of(late), Duration.ofSeconds(4), answered)));

        assertThat(next(slow)).singleElement().isInstanceOfSatisfying(SessionEvent.Connected.class,
                p -> assertThat(p.session().since()).contains(T0.plusSeconds(10)));
    }

    @Test
    void eventsAsJsonLinesAndCsv() throws Exception {
        Instant t1 = T0.plusSeconds(100);
        SessionEvent connect = new SessionEvent.Connected(t1, tracked(session("10.0.0.1", "alice", 10, t1),
                T0.plusSeconds(10)), false);
        JsonNode json = new ObjectMapper().readTree(WatchOutput.json(connect));
        assertThat(json.get("at").asText()).isEqualTo("2026-11-24T16:01:40Z");
        assertThat(json.get("event").asText()).isEqualTo("CONNECT");
        assertThat(json.get("user").asText()).isEqualTo("alice");
        assertThat(json.get("since").asText()).isEqualTo("2026-11-24T16:00:10Z");
        assertThat(json.get("opens").isNull()).isTrue();

        SessionEvent failing = new SessionEvent.ServerFailing(t1, "FS03", Fixtures.accessDenied(),
                InfoLevel.LEVEL_502);
        JsonNode failure = new ObjectMapper().readTree(WatchOutput.json(failing));
        assertThat(failure.get("status").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(failure.get("error").get("code").asInt()).isEqualTo(5);

        assertThat(WatchOutput.csv(connect)).isEqualTo(
                "2026-11-24T16:01:40Z,CONNECT,FS01,10.0.0.1,alice,,90,1,,,,10,2026-11-24T16:00:10Z,\r\n");
        assertThat(WatchOutput.csv(new SessionEvent.ServerRecovered(t1, "FS03", 4)))
                .isEqualTo("2026-11-24T16:01:40Z,RECOVERED,FS03,,,,,,,,,,,\r\n");
        assertThat(WatchOutput.CSV_HEADER).containsExactly("at", "event", "server", "client", "user", "opens",
                "activeSeconds", "idleSeconds", "userFlags", "clientType", "transport", "level", "since", "error");
    }

    @Test
    void alertsAsTextJsonLinesAndCsv() throws Exception {
        Alert alert = new Alert(T0, "alice connects", org.sessionwatch.config.AlertEvent.SESSION_CONNECTED, "FS01",
                "10.0.0.1", "alice", "FS01 10.0.0.1 alice connected", java.util.OptionalLong.of(7));
        Alert summary = new Alert(T0, Alert.SUMMARY_RULE, null, null, null, null, "3 more alerts held back",
                java.util.OptionalLong.empty());

        assertThat(WatchOutput.text(alert))
                .isEqualTo("2026-11-24T16:00:00Z ! ALERT      alice connects: FS01 10.0.0.1 alice connected");
        JsonNode json = new ObjectMapper().readTree(WatchOutput.json(alert));
        assertThat(json.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("time", "event", "rule", "server", "client", "user", "text");
        assertThat(json.get("event").asText()).isEqualTo("ALERT");
        assertThat(json.get("time").asText()).isEqualTo("2026-11-24T16:00:00Z");
        JsonNode summaryJson = new ObjectMapper().readTree(WatchOutput.json(summary));
        assertThat(summaryJson.get("server").isNull()).isTrue();
        assertThat(summaryJson.get("user").isNull()).isTrue();
        assertThat(WatchOutput.csv(alert)).isEqualTo(
                "2026-11-24T16:00:00Z,ALERT,FS01,10.0.0.1,alice,,,,,,,,,alice connects: FS01 10.0.0.1 alice connected"
                        + "\r\n");
    }

    @Test
    void controlCharactersFromTheNetworkNeverReachTheTerminal() {
        Session evil = Session.builder("FS01", InfoLevel.LEVEL_10).clientName("pc\u001b[2J").userName("a\nb").build();
        String line = WatchOutput.text(new SessionEvent.Connected(T0, tracked(evil, null), false));
        assertThat(line).isEqualTo("2026-11-24T16:00:00Z + CONNECT    FS01 pc?[2J a?b (level 10)");
    }
}
