package org.sessionwatch.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.cycle;
import static org.sessionwatch.ui.testing.Cycles.ok;
import static org.sessionwatch.ui.testing.Cycles.session;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sessionwatch.config.AlertEvent;
import org.sessionwatch.config.AlertRule;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.ui.AppWindowActions;
import org.sessionwatch.ui.testing.GuiFixture;
import org.sessionwatch.ui.testing.ScriptedSource;
import org.sessionwatch.ui.testing.TestEnvironment;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Settings → Alerts: a field's problem is shown under it in the configuration reader's words, the test button says
 * which current sessions a rule selects, and Save writes the rule into the configuration.
 */
@ExtendWith(ApplicationExtension.class)
class AlertRuleEditorGuiTest {
    private final AppConfig config = AppConfig.defaults().withServers(List.of(ServerConfig.of("FS01")));
    private final GuiFixture fixture = new GuiFixture(new ScriptedSource().then(cycle(T0, ok("FS01", T0,
            session("FS01", "alice", "10.0.0.5", T0.minusSeconds(60), T0, 0),
            session("FS01", "bob", "10.0.0.6", T0.minusSeconds(60), T0, 0)))), config);
    private final TestEnvironment environment = new TestEnvironment(config, Path.of("unused-ui-state.json"));
    private AppWindowActions actions;

    @Start
    void start(Stage stage) {
        fixture.show(stage);
        actions = new AppWindowActions(environment, List::of, dark -> { }, () -> { });
        actions.attach(fixture.context, stage);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T extends Node> T field(FxRobot robot, String id, Class<T> type) {
        return robot.lookup(".dialog-pane #" + id).queryAs(type);
    }

    private static void set(TextField field, String text) {
        WaitForAsyncUtils.asyncFx(() -> field.setText(text));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aProblemShowsUnderItsFieldTheTestSaysWhatMatchesAndSaveWritesTheRule(FxRobot robot) throws Exception {
        fixture.awaitPolls(1);
        WaitForAsyncUtils.asyncFx(() -> actions.openSettings(false));
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent()
                && robot.lookup(".dialog-pane").query().getScene().getWindow().isShowing());
        TabPane tabs = robot.lookup(".dialog-pane .settings").queryAs(TabPane.class);
        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(tabs.getTabs().getLast()));
        WaitForAsyncUtils.waitForFxEvents();
        Button save = robot.lookup(".dialog-pane .button").match(n -> "Save".equals(((Button) n).getText()))
                .queryButton();

        robot.clickOn("#addRuleButton");
        WaitForAsyncUtils.waitForFxEvents();
        Label nameError = field(robot, "nameError", Label.class);
        assertThat(nameError.getText()).isEqualTo("missing; every alert rule needs a \"name\"");
        assertThat(nameError.isVisible()).isTrue();
        assertThat(save.isDisabled()).isTrue();

        set(field(robot, "nameField", TextField.class), "crowded");
        ComboBox<AlertEvent> event = field(robot, "eventField", ComboBox.class);
        WaitForAsyncUtils.asyncFx(() -> event.setValue(AlertEvent.SESSION_COUNT_ABOVE));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(nameError.isVisible()).isFalse();
        Label countError = field(robot, "countError", Label.class);
        assertThat(countError.getText()).isEqualTo("missing; SESSION_COUNT_ABOVE needs it");
        assertThat(field(robot, "idleMinutesField", TextField.class).isVisible())
                .as("fields the event does not take are hidden").isFalse();

        set(field(robot, "countField", TextField.class), "lots");
        assertThat(countError.getText()).isEqualTo("\"lots\" is not a whole number");
        assertThat(save.isDisabled()).isTrue();
        set(field(robot, "countField", TextField.class), "-1");
        assertThat(countError.getText()).isEqualTo("-1 is out of range (0–2147483647)");

        WaitForAsyncUtils.asyncFx(() -> event.setValue(AlertEvent.SESSION_CONNECTED));
        set(field(robot, "nameField", TextField.class), "alice connects");
        set(field(robot, "userField", TextField.class), "ALI*");
        assertThat(countError.isVisible()).isFalse();
        assertThat(save.isDisabled()).isFalse();

        robot.clickOn("#testRuleButton");
        Label result = field(robot, "testResult", Label.class);
        waitFor(() -> result.getText().startsWith("matches"));
        assertThat(result.getText()).isEqualTo("matches 1 session now: FS01 10.0.0.5 alice");
        set(field(robot, "userField", TextField.class), "zed");
        robot.clickOn("#testRuleButton");
        waitFor(() -> result.getText().startsWith("matches"));
        assertThat(result.getText()).isEqualTo("matches nothing now");
        set(field(robot, "userField", TextField.class), "alice");

        robot.clickOn(save);
        waitFor(() -> !environment.saved.isEmpty());

        AlertRule expected = AlertRule.builder("alice connects", AlertEvent.SESSION_CONNECTED).user("alice").build();
        assertThat(environment.saved.getFirst().alerts()).containsExactly(expected);
        assertThat(fixture.context.config().alerts()).containsExactly(expected);
    }
}
