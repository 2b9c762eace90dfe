package org.sessionwatch.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.cycle;
import static org.sessionwatch.ui.testing.Cycles.failed;
import static org.sessionwatch.ui.testing.Cycles.ok;
import static org.sessionwatch.ui.testing.Cycles.session;

import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.ui.servers.ServerHealthModel;
import org.sessionwatch.ui.sessions.DetailsViewModel;
import org.sessionwatch.ui.sessions.FilterChip;
import org.sessionwatch.ui.sessions.FilterModel;
import org.sessionwatch.ui.sessions.SessionRow;
import org.sessionwatch.ui.sessions.SessionTableModel;

class MainViewModelTest {
    private final MainViewModel vm = new MainViewModel(new SessionTableModel(), new FilterModel(),
            new DetailsViewModel(ZoneOffset.UTC), new ServerHealthModel(), ZoneOffset.UTC);

    private void pollTwoSessions() {
        vm.apply(cycle(T0, ok("FS01", T0, session("FS01", "alice", "10.0.0.5", T0.minusSeconds(60), T0, 0),
                session("FS01", "bob", "10.0.0.6", T0.minusSeconds(60), T0, 0)), failed("FS02", T0, ErrorKind.TIMEOUT)));
    }

    @Test
    void demoModeIsInTheTitle() {
        assertThat(vm.titleProperty().get()).isEqualTo("SessionWatch");
        vm.setDemo(true);
        assertThat(vm.titleProperty().get()).isEqualTo("SessionWatch — Demo data");
        assertThat(vm.demoProperty().get()).isTrue();
    }

    @Test
    void statusBarCountsVisibleTotalAndServers() {
        pollTwoSessions();
        assertThat(vm.sessionCountsProperty().get()).isEqualTo("2 sessions");
        assertThat(vm.serverCountsProperty().get()).isEqualTo("1 server OK · 1 failing");
        assertThat(vm.serversFailingProperty().get()).isTrue();
        assertThat(vm.failingServersTextProperty().get()).isEqualTo("FS02: Timed out");
        assertThat(vm.lastPollProperty().get()).isEqualTo("Last poll 09:00:00 (2.0 s)");

        vm.filters().hide(FilterChip.Kind.USER, "bob");
        assertThat(vm.sessionCountsProperty().get()).isEqualTo("Showing 1 of 2 sessions");
        assertThat(vm.pollCountProperty().get()).isEqualTo(1);
    }

    @Test
    void emptyStatesFollowTheSituation() {
        assertThat(vm.getEmptyState()).isEqualTo(EmptyState.WAITING);
        vm.setNoServers(true);
        assertThat(vm.getEmptyState()).isEqualTo(EmptyState.NO_SERVERS);
        vm.setNoServers(false);

        vm.apply(cycle(T0, ok("FS01", T0)));
        assertThat(vm.getEmptyState()).isEqualTo(EmptyState.NO_SESSIONS);

        pollTwoSessions();
        assertThat(vm.getEmptyState()).isEqualTo(EmptyState.NONE);

        vm.filters().quickSearchProperty().set("nobody");
        assertThat(vm.getEmptyState()).isEqualTo(EmptyState.NO_MATCH);
        vm.filters().clear();
        assertThat(vm.getEmptyState()).isEqualTo(EmptyState.NONE);
    }

    @Test
    void detailsKeepAnEndedSessionWhileThePollDropsItFromTheTable() {
        pollTwoSessions();
        SessionRow bob = vm.sessions().rows().get(1);
        vm.tableSelectionChanged(bob);

        vm.apply(cycle(T0.plusSeconds(15), ok("FS01", T0.plusSeconds(15),
                session("FS01", "alice", "10.0.0.5", T0.minusSeconds(60), T0.plusSeconds(15), 0))));
        // The table clears its selection after the merge; the details pane keeps the ended session.
        vm.tableSelectionChanged(null);

        assertThat(vm.details().getRow()).isSameAs(bob);
        assertThat(vm.detailsShowEndedSession()).isTrue();
        assertThat(vm.details().statusProperty().get()).startsWith("Ended:");

        SessionRow alice = vm.sessions().rows().get(0);
        vm.tableSelectionChanged(alice);
        assertThat(vm.details().getRow()).isSameAs(alice);
        vm.tableSelectionChanged(null);
        assertThat(vm.details().getRow()).isNull();
    }

    @Test
    void pollIndicatorCountsDownAndShowsPollingAndPaused() {
        vm.pollStarted();
        assertThat(vm.pollIndicatorProperty().get()).isEqualTo("Polling…");
        assertThat(vm.pollStatusProperty().get()).isEqualTo(PollStatus.POLLING);

        vm.pollScheduled(T0.plusSeconds(15));
        vm.tick(T0.plusMillis(2500));
        assertThat(vm.pollIndicatorProperty().get()).isEqualTo("Next poll in 13 s");

        vm.paused(true);
        vm.tick(T0.plusSeconds(5));
        assertThat(vm.pollIndicatorProperty().get()).isEqualTo("Paused");
    }

    @Test
    void hostNamesAreResolvedOnlyWhenSwitchedOn() {
        vm.setHostNameResolver(new org.sessionwatch.ui.sessions.HostNameResolver(Runnable::run, Runnable::run,
                ip -> java.util.Optional.of("pc-" + ip.replace('.', '-'))));
        pollTwoSessions();
        assertThat(vm.sessions().rows()).allMatch(r -> r.getHostName() == null);

        vm.resolveHostNamesProperty().set(true);
        assertThat(vm.sessions().rows()).extracting(SessionRow::getHostName)
                .containsExactly("pc-10-0-0-5", "pc-10-0-0-6");

        vm.apply(cycle(T0.plusSeconds(15), ok("FS01", T0.plusSeconds(15),
                session("FS01", "carol", "10.0.0.7", T0, T0.plusSeconds(15), 0))));
        assertThat(vm.sessions().rows().get(0).getHostName()).isEqualTo("pc-10-0-0-7");

        vm.resolveHostNamesProperty().set(false);
        assertThat(vm.sessions().rows()).allMatch(r -> r.getHostName() == null);
    }

    @Test
    void aPollThatThrowsIsReportedUntilTheNextSuccess() {
        vm.pollFailed("boom");
        assertThat(vm.pollErrorProperty().get()).isEqualTo("Poll failed: boom");
        pollTwoSessions();
        assertThat(vm.pollErrorProperty().get()).isEmpty();
    }
}
