package org.sessionwatch.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.cycle;
import static org.sessionwatch.ui.testing.Cycles.failed;
import static org.sessionwatch.ui.testing.Cycles.many;
import static org.sessionwatch.ui.testing.Cycles.ok;
import static org.sessionwatch.ui.testing.Cycles.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javafx.collections.ListChangeListener;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;

class SessionTableModelTest {
    private static final Instant START_A = T0.minusSeconds(7500);
    private static final Instant START_B = T0.minusSeconds(60);

    private final SessionTableModel model = new SessionTableModel();

    @Test
    void firstPollAddsEveryRowWithoutHighlighting() {
        model.apply(cycle(T0, ok("FS01", T0, session("FS01", "alice", "10.0.0.5", START_A, T0, 5),
                session("FS01", "bob", "10.0.0.6", START_B, T0, 0))));

        assertThat(model.rows()).extracting(SessionRow::user).containsExactly("alice", "bob");
        assertThat(model.rows()).noneMatch(SessionRow::isFresh);
        assertThat(model.rows().get(0).connectedSince()).contains(START_A);
    }

    @Test
    void laterPollsUpdateRowsInPlaceKeepingIdentity() {
        model.apply(cycle(T0, ok("FS01", T0, session("FS01", "alice", "10.0.0.5", START_A, T0, 5))));
        SessionRow alice = model.rows().get(0);
        List<ListChangeListener.Change<? extends SessionRow>> changes = new ArrayList<>();
        model.rows().addListener((ListChangeListener<SessionRow>) changes::add);

        Instant t1 = T0.plusSeconds(15);
        SessionTableModel.MergeResult result =
                model.apply(cycle(t1, ok("FS01", t1, session("FS01", "alice", "10.0.0.5", START_A, t1, 20))));

        assertThat(model.rows()).containsExactly(alice);
        assertThat(alice.getSession().idleSeconds()).hasValue(20);
        assertThat(alice.getSession().activeSeconds()).hasValue(7515);
        assertThat(result.updated()).isEqualTo(1);
        assertThat(changes).as("an in-place update fires no list change").isEmpty();
    }

    @Test
    void churnAddsAndRemovesOnlyTheRowsThatCameAndWent() {
        model.apply(cycle(T0, ok("FS01", T0, session("FS01", "alice", "10.0.0.5", START_A, T0, 5),
                session("FS01", "bob", "10.0.0.6", START_B, T0, 0))));
        SessionRow alice = model.rows().get(0);
        SessionRow bob = model.rows().get(1);

        Instant t1 = T0.plusSeconds(15);
        SessionTableModel.MergeResult result = model.apply(cycle(t1, ok("FS01", t1,
                session("FS01", "alice", "10.0.0.5", START_A, t1, 0),
                session("FS01", "carol", "10.0.0.7", t1.minusSeconds(2), t1, 0))));

        assertThat(model.rows()).hasSize(2).contains(alice).doesNotContain(bob);
        assertThat(result.added()).extracting(SessionRow::user).containsExactly("carol");
        assertThat(result.removed()).containsExactly(bob);
        assertThat(bob.isEnded()).as("an ended row is marked so the details pane can say so").isTrue();
        assertThat(result.added().get(0).isFresh()).as("a session that appeared later is highlighted").isTrue();
    }

    @Test
    void startJitterOfAFewSecondsIsTheSameSession() {
        model.apply(cycle(T0, ok("FS01", T0, session("FS01", "alice", "10.0.0.5", START_A, T0, 5))));
        SessionRow alice = model.rows().get(0);

        Instant t1 = T0.plusSeconds(15);
        // The server's answer arrives two seconds later than the connected time suggests.
        model.apply(cycle(t1, ok("FS01", t1.plusSeconds(2), session("FS01", "alice", "10.0.0.5", START_A, t1, 5))));

        assertThat(model.rows()).containsExactly(alice);
    }

    @Test
    void reconnectIsANewRow() {
        model.apply(cycle(T0, ok("FS01", T0, session("FS01", "alice", "10.0.0.5", START_A, T0, 5))));
        SessionRow before = model.rows().get(0);

        Instant t1 = T0.plusSeconds(15);
        model.apply(cycle(t1, ok("FS01", t1, session("FS01", "alice", "10.0.0.5", t1.minusSeconds(4), t1, 0))));

        assertThat(model.rows()).hasSize(1).doesNotContain(before);
        assertThat(before.isEnded()).isTrue();
        assertThat(model.rows().get(0).connectedSince()).contains(t1.minusSeconds(4));
    }

    @Test
    void twoSessionsOfTheSameUserAndClientStayTwoRows() {
        model.apply(cycle(T0, ok("FS01", T0, session("FS01", "alice", "10.0.0.5", START_A, T0, 5),
                session("FS01", "alice", "10.0.0.5", START_B, T0, 1))));
        List<SessionRow> before = List.copyOf(model.rows());

        Instant t1 = T0.plusSeconds(15);
        model.apply(cycle(t1, ok("FS01", t1, session("FS01", "alice", "10.0.0.5", START_B, t1, 1),
                session("FS01", "alice", "10.0.0.5", START_A, t1, 5))));

        assertThat(model.rows()).containsExactlyElementsOf(before);
        assertThat(before.get(0).connectedSince()).contains(START_A);
    }

    @Test
    void failedServerKeepsItsRowsMarkedStaleAndRecovers() {
        model.apply(cycle(T0, ok("FS01", T0, session("FS01", "alice", "10.0.0.5", START_A, T0, 5)),
                ok("FS02", T0, session("FS02", "bob", "10.0.0.6", START_B, T0, 0))));
        SessionRow alice = model.rows().get(0);

        Instant t1 = T0.plusSeconds(15);
        SessionTableModel.MergeResult result = model.apply(cycle(t1, failed("FS01", t1, ErrorKind.UNREACHABLE),
                ok("FS02", t1, session("FS02", "bob", "10.0.0.6", START_B, t1, 0))));

        assertThat(model.rows()).hasSize(2).contains(alice);
        assertThat(alice.isStale()).isTrue();
        assertThat(result.stale()).isEqualTo(1);
        assertThat(model.countStale()).isEqualTo(1);

        Instant t2 = T0.plusSeconds(30);
        model.apply(cycle(t2, ok("FS01", t2, session("FS01", "alice", "10.0.0.5", START_A, t2, 5)),
                ok("FS02", t2, session("FS02", "bob", "10.0.0.6", START_B, t2, 0))));
        assertThat(model.rows()).contains(alice);
        assertThat(alice.isStale()).isFalse();
    }

    @Test
    void serverNoLongerPolledLosesItsRows() {
        model.apply(cycle(T0, ok("FS01", T0, session("FS01", "alice", "10.0.0.5", START_A, T0, 5)),
                ok("FS02", T0, session("FS02", "bob", "10.0.0.6", START_B, T0, 0))));

        Instant t1 = T0.plusSeconds(15);
        model.apply(cycle(t1, ok("FS02", t1, session("FS02", "bob", "10.0.0.6", START_B, t1, 0))));

        assertThat(model.rows()).extracting(SessionRow::server).containsExactly("FS02");
    }

    @Test
    void levelZeroSessionsMatchWithoutAStartTime() {
        Session level0 = Session.builder("FS01", InfoLevel.LEVEL_0).clientName("\\\\10.0.0.9").build();
        model.apply(cycle(T0, new org.sessionwatch.polling.ServerPollResult.Ok("FS01", InfoLevel.LEVEL_502,
                InfoLevel.LEVEL_0, List.of(level0), java.time.Duration.ZERO, T0)));
        SessionRow row = model.rows().get(0);

        model.apply(cycle(T0.plusSeconds(15), new org.sessionwatch.polling.ServerPollResult.Ok("FS01",
                InfoLevel.LEVEL_502, InfoLevel.LEVEL_0, List.of(level0), java.time.Duration.ZERO, T0.plusSeconds(15))));

        assertThat(model.rows()).containsExactly(row);
        assertThat(row.connectedSince()).isEmpty();
    }

    @Test
    void highlightExpiresAfterAFewSeconds() {
        model.apply(cycle(T0, ok("FS01", T0)));
        Instant t1 = T0.plusSeconds(15);
        model.apply(cycle(t1, ok("FS01", t1, session("FS01", "carol", "10.0.0.7", t1, t1, 0))));
        SessionRow carol = model.rows().get(0);

        model.expireHighlights(t1.plusSeconds(2));
        assertThat(carol.isFresh()).isTrue();
        model.expireHighlights(t1.plus(SessionTableModel.FRESH_FOR));
        assertThat(carol.isFresh()).isFalse();
    }

    @Test
    void hundredThousandSessionsWithOnePercentChurnMergeFast() {
        model.apply(cycle(T0, ok("FS01", T0, many("FS01", 0, 100_000, T0))));
        SessionRow survivor = model.rows().get(50_000);

        long best = Long.MAX_VALUE;
        for (int round = 1; round <= 3; round++) {
            Instant t = T0.plusSeconds(15L * round);
            // 1% churn per round: the first 1,000 of the previous window end, 1,000 new ones start.
            List<Session> sessions = many("FS01", 1000 * round, 100_000, t);
            long started = System.nanoTime();
            SessionTableModel.MergeResult result = model.apply(cycle(t, ok("FS01", t, sessions)));
            best = Math.min(best, System.nanoTime() - started);
            assertThat(result.added()).hasSize(1000);
            assertThat(result.removed()).hasSize(1000);
            assertThat(result.updated()).isEqualTo(99_000);
        }
        assertThat(model.rows()).hasSize(100_000).contains(survivor);
        System.out.printf("Merge of 100,000 sessions with 1%% churn: best of 3 = %d ms%n", best / 1_000_000);
        // Generous bound for a shared two-core machine; the figure is printed above.
        assertThat(best / 1_000_000).isLessThan(1_500);
    }
}
