package org.sessionwatch.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.cycle;
import static org.sessionwatch.ui.testing.Cycles.ok;
import static org.sessionwatch.ui.testing.Cycles.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.ui.AppWindowActions;
import org.sessionwatch.ui.testing.GuiFixture;
import org.sessionwatch.ui.testing.ScriptedSource;
import org.sessionwatch.ui.testing.TestEnvironment;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The server editor's Test connection polls the server as typed, off the FX thread, and shows the level and session
 * count or the error with its remedy, before anything is saved.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectionTestGuiTest {
    private final AppConfig config = AppConfig.defaults().withServers(List.of(ServerConfig.of("FS01")));
    private final GuiFixture fixture = new GuiFixture(new ScriptedSource()
            .then(cycle(T0, ok("FS01", T0, session("FS01", "alice", "10.0.0.5", T0.minusSeconds(60), T0, 0)))), config);
    /** What each test asked for, and the answer the test hands back when it wants to. */
    private final List<String> tested = new CopyOnWriteArrayList<>();
    private final BlockingQueue<ServerPollResult> answers = new LinkedBlockingQueue<>();
    private final CountDownLatch asked = new CountDownLatch(1);
    private final TestEnvironment environment = new TestEnvironment(config, Path.of("unused-ui-state.json"));
    private AppWindowActions actions;

    @Start
    void start(Stage stage) {
        environment.connectionTester = (server, password) -> {
            tested.add(server.name() + " " + server.user().orElse("-") + " " + password.orElse("(stored)")
                    + " on " + (Platform.isFxApplicationThread() ? "the FX thread" : "a background thread"));
            asked.countDown();
            try {
                return answers.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        fixture.show(stage);
        actions = new AppWindowActions(environment, List::of, dark -> { }, () -> { });
        actions.attach(fixture.context, stage);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void testsTheServerAsTypedOffTheFxThreadAndShowsTheOutcomeBeforeSaving(FxRobot robot) throws Exception {
        fixture.awaitPolls(1);
        WaitForAsyncUtils.asyncFx(() -> actions.openSettings(true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#testButton").tryQuery().isPresent()
                && robot.lookup("#testButton").query().getScene().getWindow().isShowing());
        Button test = robot.lookup("#testButton").queryButton();
        Label outcome = robot.lookup("#testOutcome").queryAs(Label.class);

        robot.clickOn(test);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(outcome.getText()).isEqualTo("Not tested: Server name is empty");
        assertThat(tested).isEmpty();

        WaitForAsyncUtils.asyncFx(() -> {
            robot.lookup("#nameField").queryAs(TextField.class).setText("fs09.corp.example");
            robot.lookup("#usernameField").queryAs(TextField.class).setText("helpdesk");
            robot.lookup("#passwordField").queryAs(TextField.class).setText("s3cret");
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(outcome.isVisible()).as("editing clears the old outcome").isFalse();

        robot.clickOn(test);
        assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tested).containsExactly("fs09.corp.example helpdesk s3cret on a background thread");
        assertThat(outcome.getText()).isEqualTo("Testing fs09.corp.example…");
        assertThat(test.isDisabled()).as("one test at a time").isTrue();

        answers.add(new ServerPollResult.Failed("fs09.corp.example", InfoLevel.LEVEL_502,
                new NetApiError(ErrorKind.ACCESS_DENIED, 5, "Access denied: your account may not list sessions.",
                        "Ask for membership of the local Administrators group."),
                Duration.ofMillis(40), T0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !test.isDisabled());
        assertThat(outcome.getText()).isEqualTo("fs09.corp.example: Access denied: your account may not list"
                + " sessions. (code 5) Ask for membership of the local Administrators group.");
        assertThat(outcome.getStyleClass()).contains("connection-test-failed");

        answers.add(new ServerPollResult.Ok("fs09.corp.example", InfoLevel.LEVEL_502, InfoLevel.LEVEL_1,
                List.of(), Duration.ofMillis(250), T0));
        robot.clickOn(test);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> outcome.getText().startsWith("Connected"));
        assertThat(outcome.getText()).isEqualTo(
                "Connected to fs09.corp.example: level 1 obtained (asked for 502), 0 sessions, in 0.3 s.");
        assertThat(outcome.getStyleClass()).contains("connection-test-ok");
        assertThat(environment.saved).as("testing saves nothing").isEmpty();
        assertThat(environment.credentials.passwords).as("nor stores the typed password").isEmpty();
    }
}
