package org.sessionwatch.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.cycle;
import static org.sessionwatch.ui.testing.Cycles.failed;
import static org.sessionwatch.ui.testing.Cycles.ok;
import static org.sessionwatch.ui.testing.Cycles.session;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.ui.sessions.SessionRow;
import org.sessionwatch.ui.testing.GuiFixture;
import org.sessionwatch.ui.testing.ScriptedSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A slow server must not hold back the sessions of the servers that have already answered. */
@ExtendWith(ApplicationExtension.class)
class EarlyAnswersGuiTest {
    private static final Instant T1 = T0.plusSeconds(15);

    private final CountDownLatch slowServerAnswers = new CountDownLatch(1);
    private final ScriptedSource source = new ScriptedSource()
            .then(cycle(T0, ok("FS01", T0, session("FS01", "alice", "10.0.0.5", T0.minusSeconds(600), T0, 0)),
                    ok("FS02", T0, session("FS02", "bob", "10.0.0.6", T0.minusSeconds(900), T0, 0))))
            .thenHeld(cycle(T1, ok("FS01", T1, session("FS01", "alice", "10.0.0.5", T0.minusSeconds(600), T1, 0),
                            session("FS01", "zoe", "10.0.0.9", T1.minusSeconds(3), T1, 0)),
                    failed("FS02", T1.plusSeconds(10), ErrorKind.TIMEOUT)), slowServerAnswers);
    private final GuiFixture fixture = new GuiFixture(source, AppConfig.defaults().withServers(List.of(
            ServerConfig.of("FS01"), ServerConfig.of("FS02"))));

    @Start
    void start(Stage stage) {
        fixture.show(stage);
    }

    @AfterEach
    void close() {
        slowServerAnswers.countDown();
        fixture.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<SessionRow> sessionTable(FxRobot robot) {
        return robot.lookup(".session-table").queryAs(TableView.class);
    }

    @Test
    void aFastServersNewSessionShowsWhileTheSlowServerIsStillPolled(FxRobot robot) throws Exception {
        fixture.awaitPolls(1);
        SessionRow alice = sessionTable(robot).getItems().stream().filter(r -> r.user().equals("alice")).findFirst()
                .orElseThrow();

        WaitForAsyncUtils.asyncFx(() -> fixture.context.scheduler().refreshNow());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sessionTable(robot).getItems().stream()
                .anyMatch(row -> row.user().equals("zoe")));
        assertThat(source.refreshRequests()).as("Refresh now also asks servers that refused every level").isEqualTo(1);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(WaitForAsyncUtils.asyncFx(() -> fixture.context.scheduler().isPolling()).get(5, TimeUnit.SECONDS))
                .as("FS02 has not answered yet").isTrue();
        assertThat(fixture.context.status().pollCountProperty().get()).isEqualTo(1);
        assertThat(sessionTable(robot).getItems()).extracting(SessionRow::user)
                .containsExactlyInAnyOrder("alice", "zoe", "bob");
        assertThat(sessionTable(robot).getItems()).contains(alice);

        slowServerAnswers.countDown();
        fixture.awaitPolls(2);

        assertThat(sessionTable(robot).getItems()).extracting(SessionRow::user)
                .containsExactlyInAnyOrder("alice", "zoe", "bob");
        SessionRow bob = sessionTable(robot).getItems().stream().filter(r -> r.user().equals("bob")).findFirst()
                .orElseThrow();
        assertThat(bob.isStale()).as("FS02 timed out: its last known session stays, marked stale").isTrue();
        assertThat(sessionTable(robot).getItems().stream().filter(r -> r.user().equals("zoe")).count())
                .as("the early answer is not added a second time at the end of the cycle").isEqualTo(1);
    }
}
