package org.sessionwatch.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.polling.ServerActions;
import org.sessionwatch.testing.PostgresServer;
import org.sessionwatch.testing.ScriptedServers;
import org.sessionwatch.ui.AppContext;
import org.sessionwatch.ui.MainWindow;
import org.sessionwatch.ui.sessions.SessionRow;
import org.sessionwatch.ui.testing.GuiFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window in team mode against a real collector and PostgreSQL: rows appear from the collector's commits,
 * turn stale when the database goes away, and come back re-read after it returns; the status bar names the collector.
 */
@ExtendWith(ApplicationExtension.class)
class TeamWindowGuiTest {
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    private final ScriptedServers servers = new ScriptedServers().connect("FS01", "10.0.0.7", "alice", 3);
    private TeamFixture fixture;
    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new TeamFixture(PG);
        fixture.start("fs-mon-01", servers, INTERVAL);
        TeamPollSource source = new TeamPollSource(fixture.team, ServerActions.unsupported("test"), () -> { },
                Clock.systemUTC(), ZoneOffset.UTC, INTERVAL);
        AppConfig config = AppConfig.builder().teamSource(fixture.team.url().toUrlText())
                .pollInterval(Duration.ofHours(1)).build();
        context = new AppContext(config, c -> source, new GuiFixture.RecordingActions(), Clock.systemUTC(),
                ZoneOffset.UTC);
        MainWindow.applyTheme(false);
        new MainWindow(context).show(stage, 1280, 800);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(context::close).get(10, TimeUnit.SECONDS);
        fixture.close();
    }

    @SuppressWarnings("unchecked")
    private static TableView<SessionRow> table(FxRobot robot) {
        return robot.lookup(".session-table").queryAs(TableView.class);
    }

    private static SessionRow row(FxRobot robot, String user) {
        return table(robot).getItems().stream().filter(r -> user.equals(r.user())).findFirst().orElse(null);
    }

    private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Waited 30 s for: " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void rowsFollowTheCollectorTurnStaleWithoutTheDatabaseAndResyncAfterwards(FxRobot robot) throws Exception {
        waitFor("alice's row from the collector's first commit", () -> row(robot, "alice") != null);
        servers.connect("FS01", "10.0.0.8", "bob", 1);
        waitFor("bob's row from a later commit", () -> row(robot, "bob") != null);
        Label status = robot.lookup("#sourceStatus").queryAs(Label.class);
        waitFor("the status bar names the collector, not '" + status.getText() + "'",
                () -> status.getText().startsWith("Team collector fs-mon-01, last cycle"));
        assertThat(context.status().isDemo()).as("team mode is no demo").isFalse();

        PG.stop(true);
        waitFor("the status bar says the database cannot be reached",
                () -> status.getText().contains("cannot be reached"));
        waitFor("the rows turn stale after two intervals", () -> row(robot, "alice").isStale()
                && row(robot, "bob").isStale());

        servers.connect("FS01", "10.0.0.9", "carol", 2);
        PG.start();
        waitFor("after reconnecting everything is read again", () -> row(robot, "carol") != null
                && !row(robot, "alice").isStale());
        assertThat(table(robot).getItems()).extracting(SessionRow::user).contains("alice", "bob", "carol");
        waitFor("the status bar names the collector again",
                () -> status.getText().startsWith("Team collector fs-mon-01"));
    }
}
