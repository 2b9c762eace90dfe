package org.sessionwatch.ui.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.cycle;
import static org.sessionwatch.ui.testing.Cycles.failed;
import static org.sessionwatch.ui.testing.Cycles.ok;
import static org.sessionwatch.ui.testing.Cycles.session;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.config.ServerConfig;

class ServerHealthModelTest {
    private final ServerHealthModel model = new ServerHealthModel();

    private ServerHealth row(String name) {
        return model.servers().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void configuredServersWaitForTheirFirstPollAndDisabledOnesSaySo() {
        model.configure(List.of(ServerConfig.of("FS01"), ServerConfig.of("FS02").withEnabled(false)));

        assertThat(row("FS01").getState()).isEqualTo(ServerState.WAITING);
        assertThat(row("FS01").getState().title()).isEqualTo("Polling…");
        assertThat(row("FS02").getState()).isEqualTo(ServerState.DISABLED);
        assertThat(model.okCount()).isZero();
        assertThat(model.failingCount()).isZero();
    }

    @Test
    void okRecordsCountLevelsDurationAndLastSuccess() {
        model.configure(List.of(ServerConfig.of("FS01")));
        model.apply(cycle(T0, new ServerPollResult.Ok("FS01", InfoLevel.LEVEL_502, InfoLevel.LEVEL_10,
                List.of(session("FS01", "alice", "10.0.0.5", T0.minusSeconds(5), T0, 0)), Duration.ofMillis(340), T0)).results());

        ServerHealth fs01 = row("FS01");
        assertThat(fs01.getState()).isEqualTo(ServerState.OK);
        assertThat(fs01.getSnapshot().sessionCount()).isEqualTo(1);
        assertThat(fs01.getSnapshot().level()).isEqualTo(InfoLevel.LEVEL_10);
        assertThat(fs01.getSnapshot().requestedLevel()).isEqualTo(InfoLevel.LEVEL_502);
        assertThat(fs01.getSnapshot().lastSuccess()).isEqualTo(T0);
        assertThat(fs01.getSnapshot().duration()).isEqualTo(Duration.ofMillis(340));
        assertThat(fs01.getSnapshot().summary()).isEqualTo("1 session at level 10 (level 502 refused)");
        assertThat(model.okCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void eachErrorKindHasAFailureStateWithItsExplanationAndRemedy(ErrorKind kind) {
        model.configure(List.of(ServerConfig.of("FS01")));
        model.apply(cycle(T0, failed("FS01", T0, kind)).results());

        ServerHealth fs01 = row("FS01");
        assertThat(fs01.getState()).isEqualTo(ServerState.of(kind));
        assertThat(fs01.getState().isFailure()).isTrue();
        assertThat(fs01.getState().title()).isEqualTo(kind.title());
        assertThat(fs01.getSnapshot().stale()).as("never succeeded: nothing stale to show").isFalse();
        ServerDetails details = ServerDetails.of(fs01, ZoneOffset.UTC);
        assertThat(details.title()).isEqualTo("FS01: " + kind.title());
        assertThat(details.message()).isEqualTo(kind.title() + ": FS01 refused the request");
        assertThat(details.remedy()).isEqualTo("Ask an administrator of FS01.");
        assertThat(details.facts()).contains("Code ").contains("Last success: never");
        assertThat(model.failingCount()).isEqualTo(1);
    }

    @Test
    void failureAfterSuccessIsStaleAndKeepsTheLastKnownFacts() {
        model.configure(List.of(ServerConfig.of("FS01")));
        model.apply(cycle(T0, ok("FS01", T0, session("FS01", "alice", "10.0.0.5", T0.minusSeconds(5), T0, 0))).results());
        model.apply(cycle(T0.plusSeconds(15), failed("FS01", T0.plusSeconds(15), ErrorKind.TIMEOUT)).results());

        ServerHealth fs01 = row("FS01");
        assertThat(fs01.getState()).isEqualTo(ServerState.TIMEOUT);
        assertThat(fs01.getSnapshot().stale()).isTrue();
        assertThat(fs01.getSnapshot().sessionCount()).isEqualTo(1);
        assertThat(fs01.getSnapshot().lastSuccess()).isEqualTo(T0);
        assertThat(ServerDetails.of(fs01, ZoneOffset.UTC).message())
                .endsWith("Its sessions from the last successful poll stay listed, marked stale.");

        model.apply(cycle(T0.plusSeconds(30), ok("FS01", T0.plusSeconds(30))).results());
        assertThat(fs01.getState()).isEqualTo(ServerState.OK);
        assertThat(fs01.getSnapshot().error()).isNull();
        assertThat(fs01.getSnapshot().stale()).isFalse();
    }

    @Test
    void unconfiguredServersFromTheDemoFleetAreAddedInOrder() {
        model.apply(cycle(T0, ok("DEMO-1", T0), failed("DEMO-2", T0, ErrorKind.UNREACHABLE)).results());

        assertThat(model.servers()).extracting(ServerHealth::getName).containsExactly("DEMO-1", "DEMO-2");
    }

    @Test
    void reconfiguringKeepsHistoryOfServersThatStay() {
        model.configure(List.of(ServerConfig.of("FS01"), ServerConfig.of("FS02")));
        model.apply(cycle(T0, ok("FS01", T0), ok("FS02", T0)).results());
        ServerHealth fs01 = row("FS01");

        model.configure(List.of(ServerConfig.of("FS01")));

        assertThat(model.servers()).containsExactly(fs01);
        assertThat(fs01.getSnapshot().lastSuccess()).isEqualTo(T0);
    }

    @Test
    void aPollChangesEachServerOnceAndTheSummarySaysWhatTheStateIs() {
        model.configure(List.of(ServerConfig.of("FS01"), ServerConfig.of("FS02")));
        assertThat(row("FS01").getSnapshot().summary()).isEqualTo("Waiting for the first poll");
        List<String> changes = new java.util.ArrayList<>();
        for (ServerHealth server : model.servers()) {
            server.snapshotProperty().addListener((obs, before, now) -> changes.add(server.getName()));
        }

        model.apply(cycle(T0, ok("FS01", T0, session("FS01", "alice", "10.0.0.5", T0.minusSeconds(5), T0, 0)),
                failed("FS02", T0, ErrorKind.TIMEOUT)).results());

        assertThat(changes).as("one change per server and poll, whatever it changed").containsExactly("FS01", "FS02");
        assertThat(row("FS01").getSnapshot().summary()).isEqualTo("1 session at level 502");
        assertThat(row("FS02").getSnapshot().summary()).isEqualTo(row("FS02").getSnapshot().error().message());

        model.configure(List.of(ServerConfig.of("FS01").withEnabled(false), ServerConfig.of("FS02")));
        ServerHealth.Snapshot disabled = row("FS01").getSnapshot();
        assertThat(disabled.state()).isEqualTo(ServerState.DISABLED);
        assertThat(disabled.summary()).isEqualTo("Not polled: disabled in the settings");
        assertThat(disabled.sessionCount()).isZero();
        assertThat(disabled.lastSuccess()).as("kept").isEqualTo(T0);
    }

    @Test
    void everyStateHasAnIconAndAColour() {
        for (ServerState state : ServerState.values()) {
            assertThat(state.iconLiteral()).startsWith("md");
            assertThat(state.severity()).isNotNull();
        }
    }
}
