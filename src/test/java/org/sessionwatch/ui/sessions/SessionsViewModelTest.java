package org.sessionwatch.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.cycle;
import static org.sessionwatch.ui.testing.Cycles.failed;
import static org.sessionwatch.ui.testing.Cycles.ok;
import static org.sessionwatch.ui.testing.Cycles.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import javafx.beans.property.SimpleObjectProperty;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.ui.common.TaskExecutor;

/** The change computation of the table, on the tracker thread, and its application, run inline. */
class SessionsViewModelTest {
    private static final Instant START_A = T0.minusSeconds(7500);
    private static final Instant START_B = T0.minusSeconds(60);
    private static final Instant T1 = T0.plusSeconds(15);
    private static final Comparator<RowValues> BY_SERVER_AND_USER = Comparator
            .comparing(RowValues::server, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(RowValues::user, String.CASE_INSENSITIVE_ORDER);
    private static final Comparator<RowValues> BY_IDLE = Comparator.comparingLong(
            v -> v.session().idleSeconds().orElse(0));

    private final TableHarness table = new TableHarness();

    {
        table.sessions.sortBy(BY_SERVER_AND_USER, true);
    }

    private static Session alice(Instant seen, long idle) {
        return session("FS01", "alice", "10.0.0.5", START_A, seen, idle);
    }

    private static Session bob(Instant seen, long idle) {
        return session("FS01", "bob", "10.0.0.6", START_B, seen, idle);
    }

    private void assertListMatchesItsChanges() {
        assertThat(table.mirror).as("replaying the fired changes gives the list").containsExactlyElementsOf(table.rows());
    }

    @Test
    void firstPollAddsEveryRowSortedWithoutHighlighting() {
        table.poll(cycle(T0, ok("FS01", T0, bob(T0, 0), alice(T0, 5))));

        assertThat(table.users()).containsExactly("alice", "bob");
        assertThat(table.rows()).noneMatch(SessionRow::isFresh);
        assertThat(table.row("alice").connectedSince()).contains(START_A);
        assertThat(table.sessions.totalProperty().get()).isEqualTo(2);
        assertListMatchesItsChanges();
    }

    @Test
    void laterPollsUpdateRowsInPlaceWithoutAListChange() {
        table.poll(cycle(T0, ok("FS01", T0, alice(T0, 5), bob(T0, 0))));
        SessionRow alice = table.row("alice");
        List<RowValues> seen = new ArrayList<>();
        alice.valuesProperty().addListener((obs, old, now) -> seen.add(now));
        int changes = table.changes;

        table.poll(cycle(T1, ok("FS01", T1, alice(T1, 20), bob(T1, 0))));

        assertThat(table.row("alice")).isSameAs(alice);
        assertThat(alice.getSession().idleSeconds()).hasValue(20);
        assertThat(alice.getSession().activeSeconds()).hasValue(7515);
        assertThat(seen).as("an observed row hears of its new values").hasSize(1);
        assertThat(table.changes).as("sorted by server and user, aging rows do not move").isEqualTo(changes);
    }

    @Test
    void rowsThatOnlyAgedShowTheirNewConnectedTimeWithoutNewValuesOrAListChange() {
        table.poll(cycle(T0, ok("FS01", T0, alice(T0, 5), bob(T0, 0))));
        SessionRow alice = table.row("alice");
        SessionRow bob = table.row("bob");
        List<RowValues> seen = new ArrayList<>();
        alice.valuesProperty().addListener((obs, old, now) -> seen.add(now));
        int changes = table.changes;

        table.poll(cycle(T1, ok("FS01", T1, alice(T1, 5), bob(T1, 0))));

        assertThat(alice.getSession().activeSeconds()).as("observed").hasValue(7515);
        assertThat(alice.getSeenAt()).isEqualTo(T1);
        assertThat(bob.getSession().activeSeconds()).as("not observed").hasValue(75);
        assertThat(alice.getSession().idleSeconds()).hasValue(5);
        assertThat(alice.connectedSince()).contains(START_A);
        assertThat(seen).as("the observed row hears of its new age once").hasSize(1);
        assertThat(table.changes).as("no list change").isEqualTo(changes);

        // Another server's answer leaves these rows alone.
        table.answers(cycle(T1.plusSeconds(5), ok("FS02", T1.plusSeconds(5),
                session("FS02", "dave", "10.0.0.9", START_B, T1.plusSeconds(5), 0))));
        assertThat(seen).hasSize(1);

        // While the server fails, its rows keep the ages of its last answer.
        Instant t2 = T1.plusSeconds(15);
        table.poll(cycle(t2, failed("FS01", t2, ErrorKind.UNREACHABLE), ok("FS02", t2,
                session("FS02", "dave", "10.0.0.9", START_B, t2, 0))));
        assertThat(alice.isStale()).isTrue();
        assertThat(alice.getSession().activeSeconds()).hasValue(7515);
        assertThat(bob.getSession().activeSeconds()).hasValue(75);
        assertThat(table.row("dave").getSession().activeSeconds()).hasValue(90);
    }

    @Test
    void theConnectedOrderSortsByStartSoAgingMovesNoRow() {
        Comparator<RowValues> byAge = Comparator.comparingLong(RowValues::ageOrder);
        table.sessions.sortBy(byAge, false);
        table.poll(cycle(T0, ok("FS01", T0, alice(T0, 5), bob(T0, 0),
                session("FS01", "carol", "10.0.0.7", T0.minusSeconds(600), T0, 0))));
        assertThat(table.users()).containsExactly("bob", "carol", "alice");
        int changes = table.changes;

        table.poll(cycle(T1, ok("FS01", T1, alice(T1, 5), bob(T1, 0),
                session("FS01", "carol", "10.0.0.7", T0.minusSeconds(600), T1, 0))));

        assertThat(table.users()).containsExactly("bob", "carol", "alice");
        assertThat(table.changes).isEqualTo(changes);
        assertThat(table.rows()).extracting(r -> r.getSession().activeSeconds().getAsLong())
                .containsExactly(75L, 615L, 7515L);
    }

    @Test
    void churnAddsAndRemovesOnlyTheRowsThatCameAndWent() {
        table.poll(cycle(T0, ok("FS01", T0, alice(T0, 5), bob(T0, 0))));
        SessionRow alice = table.row("alice");
        SessionRow bob = table.row("bob");

        table.poll(cycle(T1, ok("FS01", T1, alice(T1, 0), session("FS01", "carol", "10.0.0.7", T1, T1, 0))));

        assertThat(table.rows()).containsExactly(alice, table.row("carol"));
        assertThat(bob.isEnded()).as("an ended row is marked so the details pane can say so").isTrue();
        assertThat(table.row("carol").isFresh()).as("a session that appeared later is highlighted").isTrue();
        assertListMatchesItsChanges();
    }

    @Test
    void answersOfSomeServersLeaveTheOtherServersRowsAlone() {
        table.poll(cycle(T0, ok("FS01", T0, alice(T0, 5)), ok("FS02", T0, session("FS02", "bob", "10.0.0.6",
                START_B, T0, 0))));
        SessionRow alice = table.row("alice");
        SessionRow bob = table.row("bob");

        table.answers(cycle(T1, ok("FS02", T1, session("FS02", "carol", "10.0.0.7", T1, T1, 0))));

        assertThat(table.rows()).containsExactly(alice, table.row("carol"));
        assertThat(alice.isEnded()).isFalse();
        assertThat(bob.isEnded()).isTrue();
        assertListMatchesItsChanges();
    }

    @Test
    void aFailedServerKeepsItsRowsMarkedStaleUntilItAnswers() {
        table.poll(cycle(T0, ok("FS01", T0, alice(T0, 5)), ok("FS02", T0,
                session("FS02", "bob", "10.0.0.6", START_B, T0, 0))));
        SessionRow alice = table.row("alice");

        table.poll(cycle(T1, failed("FS01", T1, ErrorKind.UNREACHABLE), ok("FS02", T1,
                session("FS02", "bob", "10.0.0.6", START_B, T1, 0))));
        assertThat(table.rows()).hasSize(2).contains(alice);
        assertThat(alice.isStale()).isTrue();
        assertThat(table.row("bob").isStale()).isFalse();

        Instant t2 = T1.plusSeconds(15);
        table.poll(cycle(t2, ok("FS01", t2, alice(t2, 5)), ok("FS02", t2,
                session("FS02", "bob", "10.0.0.6", START_B, t2, 0))));
        assertThat(alice.isStale()).isFalse();
    }

    @Test
    void aServerNoLongerPolledLosesItsRows() {
        table.poll(cycle(T0, ok("FS01", T0, alice(T0, 5)), ok("FS02", T0,
                session("FS02", "bob", "10.0.0.6", START_B, T0, 0))));

        table.poll(cycle(T1, ok("FS02", T1, session("FS02", "bob", "10.0.0.6", START_B, T1, 0))));

        assertThat(table.rows()).extracting(SessionRow::server).containsExactly("FS02");
        assertListMatchesItsChanges();
    }

    @Test
    void theHighlightEndsAfterAFewSeconds() {
        table.poll(cycle(T0, ok("FS01", T0)));
        table.poll(cycle(T1, ok("FS01", T1, session("FS01", "carol", "10.0.0.7", T1, T1, 0))));
        SessionRow carol = table.row("carol");

        table.sessions.expireHighlights(T1.plusSeconds(2));
        assertThat(carol.isFresh()).isTrue();
        table.sessions.expireHighlights(T1.plus(SessionsViewModel.FRESH_FOR));
        assertThat(carol.isFresh()).isFalse();
    }

    @Test
    void filtersAreEvaluatedOnTheTrackerThread() {
        List<Runnable> trackerThread = new ArrayList<>();
        FilterModel filters = new FilterModel();
        SessionsViewModel sessions = new SessionsViewModel(filters, new SimpleObjectProperty<>(), table.resolver,
                new TaskExecutor() {
                    @Override
                    public void execute(Runnable task) {
                        trackerThread.add(task);
                    }

                    @Override
                    public void shutdown() {
                    }
                }, Runnable::run);
        sessions.trackerUpdated(table.tracker.completeCycle(cycle(T0, ok("FS01", T0, alice(T0, 5), bob(T0, 0)))));

        filters.hide(FilterChip.Kind.USER, "bob");
        filters.quickSearchProperty().set("10.0.0");
        assertThat(sessions.visibleRows()).as("nothing is filtered on the calling thread").hasSize(2);

        trackerThread.forEach(Runnable::run);
        assertThat(sessions.visibleRows()).extracting(SessionRow::user).containsExactly("alice");
        assertThat(sessions.shownProperty().get()).isEqualTo(1);
        assertThat(sessions.totalProperty().get()).isEqualTo(2);
    }

    @Test
    void aSortByValuesThatChangeMovesTheRowsAndKeepsTheirIdentity() {
        table.sessions.sortBy(BY_IDLE, false);
        table.poll(cycle(T0, ok("FS01", T0, alice(T0, 5), bob(T0, 10),
                session("FS01", "carol", "10.0.0.7", START_B, T0, 20))));
        assertThat(table.users()).containsExactly("alice", "bob", "carol");
        SessionRow carol = table.row("carol");

        table.poll(cycle(T1, ok("FS01", T1, alice(T1, 30), bob(T1, 10),
                session("FS01", "carol", "10.0.0.7", START_B, T1, 0))));

        assertThat(table.users()).containsExactly("carol", "bob", "alice");
        assertThat(table.row("carol")).isSameAs(carol);
        assertListMatchesItsChanges();

        table.sessions.sortBy(null, true);
        assertThat(table.users()).as("no sort order keeps the current order").containsExactly("carol", "bob", "alice");
    }

    @Test
    void emptyStatesFollowTheSituation() {
        assertThat(table.sessions.getEmptyState()).isEqualTo(EmptyState.WAITING);
        table.sessions.setNoServers(true);
        assertThat(table.sessions.getEmptyState()).isEqualTo(EmptyState.NO_SERVERS);
        table.sessions.setNoServers(false);

        table.poll(cycle(T0, ok("FS01", T0)));
        assertThat(table.sessions.getEmptyState()).isEqualTo(EmptyState.NO_SESSIONS);

        table.poll(cycle(T1, ok("FS01", T1, alice(T1, 0))));
        assertThat(table.sessions.getEmptyState()).isEqualTo(EmptyState.NONE);

        table.filters.quickSearchProperty().set("nobody");
        assertThat(table.sessions.getEmptyState()).isEqualTo(EmptyState.NO_MATCH);
        table.filters.clear();
        assertThat(table.sessions.getEmptyState()).isEqualTo(EmptyState.NONE);
    }

    @Test
    void hostNamesAreLookedUpOnlyWhenSwitchedOn() {
        table.dns.put("10.0.0.5", "pc-alice");
        table.dns.put("10.0.0.7", "pc-carol");
        table.poll(cycle(T0, ok("FS01", T0, alice(T0, 0), bob(T0, 0))));
        assertThat(table.lookups).isEmpty();

        table.sessions.resolveHostNamesProperty().set(true);
        table.lookups.forEach(Runnable::run);
        table.lookups.clear();
        assertThat(table.rows()).extracting(SessionRow::getHostName).containsExactly("pc-alice", null);

        table.filters.quickSearchProperty().set("pc-");
        assertThat(table.users()).as("the search reads host names too").containsExactly("alice");
        table.filters.clear();

        table.poll(cycle(T1, ok("FS01", T1, alice(T1, 0), bob(T1, 0), session("FS01", "carol", "10.0.0.7", T1,
                T1, 0))));
        table.lookups.forEach(Runnable::run);
        assertThat(table.row("carol").getHostName()).isEqualTo("pc-carol");

        table.sessions.resolveHostNamesProperty().set(false);
        assertThat(table.rows()).allMatch(r -> r.getHostName() == null);
    }

    /** Random churn, ages, idle times, failures and filters: the fired changes always lead exactly to the list. */
    @Test
    void randomPollsKeepTheListSortedFilteredAndEqualToItsChanges() {
        Random random = new Random(9);
        table.sessions.sortBy(BY_IDLE.thenComparing(BY_SERVER_AND_USER), false);
        List<String[]> live = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < 150; i++) {
            live.add(new String[] {"FS0" + random.nextInt(3), "user" + next++, "0"});
        }
        for (int round = 0; round < 40; round++) {
            Instant at = T0.plusSeconds(15L * round);
            for (int k = 0; k < 8 && !live.isEmpty(); k++) {
                live.remove(random.nextInt(live.size()));
            }
            for (int k = 0; k < 8; k++) {
                live.add(new String[] {"FS0" + random.nextInt(3), "user" + next++, String.valueOf(15L * round)});
            }
            List<ServerPollResult> results = new ArrayList<>();
            for (String server : List.of("FS00", "FS01", "FS02")) {
                if (random.nextInt(10) == 0) {
                    results.add(failed(server, at, ErrorKind.TIMEOUT));
                    continue;
                }
                List<Session> sessions = new ArrayList<>();
                for (String[] s : live) {
                    if (s[0].equals(server)) {
                        sessions.add(session(server, s[1], "10.0.0." + s[1].hashCode() % 200,
                                T0.minusSeconds(600).plusSeconds(Long.parseLong(s[2])), at, random.nextInt(50)));
                    }
                }
                results.add(ok(server, at, sessions));
            }
            table.poll(new org.sessionwatch.polling.PollCycle(at, results));
            if (round % 7 == 3) {
                table.filters.hide(FilterChip.Kind.SERVER, "FS0" + random.nextInt(3));
            } else if (round % 7 == 5) {
                table.filters.clear();
            }

            assertListMatchesItsChanges();
            assertThat(table.rows()).extracting(SessionRow::getValues)
                    .isSortedAccordingTo(BY_IDLE.thenComparing(BY_SERVER_AND_USER));
            long expected = table.tracker.sessions().stream().filter(t -> table.filters.getPredicate()
                    .test(new RowValues(t, false, null))).count();
            assertThat(table.rows()).hasSize((int) expected).noneMatch(SessionRow::isEnded);
        }
    }
}
