package org.sessionwatch.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.cycle;
import static org.sessionwatch.ui.testing.Cycles.ok;
import static org.sessionwatch.ui.testing.Cycles.session;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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

/** The settings dialog refuses invalid input next to the field and applies a valid configuration. */
@ExtendWith(ApplicationExtension.class)
class SettingsDialogGuiTest {
    private final AppConfig config = AppConfig.defaults().withServers(List.of(ServerConfig.of("FS01")));
    private final GuiFixture fixture = new GuiFixture(new ScriptedSource()
            .then(cycle(T0, ok("FS01", T0, session("FS01", "alice", "10.0.0.5", T0.minusSeconds(60), T0, 0)))), config);
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

    @Test
    void invalidNameIsRefusedNextToTheFieldAndAValidServerIsSavedAndApplied(FxRobot robot) throws Exception {
        fixture.awaitPolls(1);
        WaitForAsyncUtils.asyncFx(() -> actions.openSettings(true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#nameField")
                .match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent()
                && robot.lookup("#nameField").query().getScene().getWindow().isShowing());
        WaitForAsyncUtils.waitForFxEvents();

        Button save = robot.lookup(".dialog-pane .button").match(n -> "Save".equals(((Button) n).getText())).queryButton();
        Label nameError = robot.lookup("#nameError").queryAs(Label.class);
        assertThat(nameError.getText()).isEqualTo("Server name is empty");
        assertThat(save.isDisabled()).isTrue();

        robot.clickOn("#nameField").write("bad name!");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(nameError.getText()).startsWith("Invalid server name 'bad name!'");
        assertThat(nameError.isVisible()).isTrue();
        assertThat(save.isDisabled()).isTrue();

        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#nameField").queryAs(TextField.class).setText("FS09"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(nameError.isVisible()).isFalse();
        assertThat(save.isDisabled()).isFalse();

        robot.clickOn(save);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !environment.saved.isEmpty());

        assertThat(environment.saved.get(0).servers()).extracting(ServerConfig::name).containsExactly("FS01", "FS09");
        assertThat(fixture.context.config().servers()).extracting(ServerConfig::name).containsExactly("FS01", "FS09");
    }
}
