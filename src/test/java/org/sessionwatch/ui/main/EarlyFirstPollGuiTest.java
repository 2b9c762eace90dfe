package org.sessionwatch.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.cycle;
import static org.sessionwatch.ui.testing.Cycles.ok;
import static org.sessionwatch.ui.testing.Cycles.session;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.ui.sessions.SessionRow;
import org.sessionwatch.ui.testing.GuiFixture;
import org.sessionwatch.ui.testing.ScriptedSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app starts the first poll before it builds the window (SessionWatchApp.start): the window then opens with the
 * rows already there, and opening it does not poll a second time.
 */
@ExtendWith(ApplicationExtension.class)
class EarlyFirstPollGuiTest {
    private final ScriptedSource source = new ScriptedSource()
            .then(cycle(T0, ok("FS01", T0, session("FS01", "alice", "10.0.0.5", T0.minusSeconds(600), T0, 0),
                    session("FS01", "bob", "10.0.0.6", T0.minusSeconds(900), T0, 0))));
    private final GuiFixture fixture = new GuiFixture(source, AppConfig.defaults().withServers(List.of(
            ServerConfig.of("FS01"))));
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fixture.context.scheduler().start();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theWindowOpensWithTheFirstPollsRowsAndDoesNotPollAgain(FxRobot robot) throws Exception {
        fixture.awaitPolls(1);

        @SuppressWarnings("unchecked")
        List<String> usersWhenBuilt = WaitForAsyncUtils.asyncFx(() -> {
            fixture.show(stage);
            return ((TableView<SessionRow>) robot.lookup(".session-table").queryAs(TableView.class)).getItems()
                    .stream().map(SessionRow::user).toList();
        }).get(10, TimeUnit.SECONDS);

        assertThat(usersWhenBuilt).as("rows in the table as the window is built").containsExactlyInAnyOrder("alice",
                "bob");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(source.polls()).as("opening the window starts no second poll").isEqualTo(1);
        assertThat(WaitForAsyncUtils.asyncFx(() -> fixture.context.scheduler().isPolling()).get(5, TimeUnit.SECONDS))
                .isFalse();
    }
}
