package org.sessionwatch.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.cycle;
import static org.sessionwatch.ui.testing.Cycles.failed;
import static org.sessionwatch.ui.testing.Cycles.ok;

import java.time.ZoneOffset;

import javafx.beans.property.SimpleIntegerProperty;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.ui.servers.ServerHealthModel;

class StatusViewModelTest {
    private final SimpleIntegerProperty total = new SimpleIntegerProperty();
    private final SimpleIntegerProperty shown = new SimpleIntegerProperty();
    private final ServerHealthModel servers = new ServerHealthModel();
    private final StatusViewModel vm = new StatusViewModel(total, shown, servers.servers(), servers.updatesProperty(),
            ZoneOffset.UTC);

    @Test
    void demoModeIsInTheTitle() {
        assertThat(vm.titleProperty().get()).isEqualTo("SessionWatch");
        vm.setDemo(true);
        assertThat(vm.titleProperty().get()).isEqualTo("SessionWatch — Demo data");
        assertThat(vm.demoProperty().get()).isTrue();
    }

    @Test
    void statusBarCountsVisibleTotalAndServers() {
        PollCycle cycle = cycle(T0, ok("FS01", T0), failed("FS02", T0, ErrorKind.TIMEOUT));
        servers.apply(cycle.results());
        total.set(2);
        shown.set(2);
        vm.cycleApplied(cycle);

        assertThat(vm.sessionCountsProperty().get()).isEqualTo("2 sessions");
        assertThat(vm.serverCountsProperty().get()).isEqualTo("1 server OK · 1 failing");
        assertThat(vm.serversFailingProperty().get()).isTrue();
        assertThat(vm.failingServersTextProperty().get()).isEqualTo("FS02: Timed out");
        assertThat(vm.lastPollProperty().get()).isEqualTo("Last poll 09:00:00 (2.0 s)");
        assertThat(vm.pollCountProperty().get()).isEqualTo(1);

        shown.set(1);
        assertThat(vm.sessionCountsProperty().get()).isEqualTo("Showing 1 of 2 sessions");

        servers.apply(cycle(T0.plusSeconds(15), ok("FS02", T0.plusSeconds(15))).results());
        assertThat(vm.serverCountsProperty().get()).as("server states change in place").isEqualTo("2 servers OK");
        assertThat(vm.serversFailingProperty().get()).isFalse();
    }

    @Test
    void theRunningPollFillsInAsServersAnswer() {
        servers.apply(cycle(T0, ok("FS01", T0), ok("FS02", T0), ok("FS03", T0), ok("FS04", T0)).results());
        vm.pollStarted();
        assertThat(vm.pollProgressProperty().get()).isZero();

        vm.answered(1);
        assertThat(vm.pollProgressProperty().get()).isEqualTo(0.25);
        assertThat(vm.pollIndicatorProperty().get()).isEqualTo("Polling… 1 of 4 servers");
        vm.answered(4);
        assertThat(vm.pollProgressProperty().get()).isEqualTo(1.0);
        assertThat(vm.pollIndicatorProperty().get()).isEqualTo("Polling… 4 servers answered");

        vm.pollScheduled(T0.plusSeconds(15));
        vm.answered(2);
        assertThat(vm.pollProgressProperty().get()).as("an answer after the poll ended changes nothing").isEqualTo(1.0);
        vm.pollStarted();
        assertThat(vm.pollProgressProperty().get()).as("each poll starts empty").isZero();
        assertThat(vm.pollIndicatorProperty().get()).isEqualTo("Polling…");

        vm.setDemo(true); // the demo fleet's servers are listed as they first answer: no total to count against
        vm.answered(2);
        assertThat(vm.pollIndicatorProperty().get()).isEqualTo("Polling… 2 servers answered");
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
    void aPollThatThrowsIsReportedUntilTheNextSuccess() {
        vm.pollFailed("boom");
        assertThat(vm.pollErrorProperty().get()).isEqualTo("Poll failed: boom");
        vm.cycleApplied(cycle(T0, ok("FS01", T0)));
        assertThat(vm.pollErrorProperty().get()).isEmpty();
    }
}
