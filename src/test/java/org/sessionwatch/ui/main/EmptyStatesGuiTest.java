package org.sessionwatch.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.cycle;
import static org.sessionwatch.ui.testing.Cycles.ok;
import static org.sessionwatch.ui.testing.Cycles.session;

import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.ui.testing.GuiFixture;
import org.sessionwatch.ui.testing.ScriptedSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What the table says when it has nothing to show, and the actions it offers. */
@ExtendWith(ApplicationExtension.class)
class EmptyStatesGuiTest {
    private final GuiFixture fixture = new GuiFixture(new ScriptedSource()
            .then(cycle(T0, ok("FS01", T0, session("FS01", "alice", "10.0.0.5", T0.minusSeconds(60), T0, 0),
                    session("FS01", "bob", "10.0.0.6", T0.minusSeconds(60), T0, 0)))),
            AppConfig.defaults().withServers(List.of(ServerConfig.of("FS01"))));

    @Start
    void start(Stage stage) {
        fixture.show(stage);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void noMatchOffersToClearTheFilters(FxRobot robot) {
        fixture.awaitPolls(1);
        robot.clickOn("#searchField").write("nobody-at-all");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".placeholder-title").queryAs(Label.class).getText())
                .isEqualTo("No session matches the filters");
        robot.clickOn(robot.lookup(".table-placeholder .button").queryButton());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".session-table").queryAs(TableView.class).getItems()).hasSize(2);
    }

    @Test
    void noEnabledServerOffersToAddOne(FxRobot robot) {
        fixture.awaitPolls(1);
        // The poller leaves disabled servers out, so the next cycle has no result at all.
        fixture.source.then(cycle(T0.plusSeconds(15)));
        WaitForAsyncUtils.asyncFx(() -> fixture.context.applyConfig(AppConfig.defaults()
                .withServers(List.of(ServerConfig.of("FS01").withEnabled(false)))));
        fixture.awaitPolls(2);

        assertThat(robot.lookup(".placeholder-title").queryAs(Label.class).getText()).isEqualTo("No servers to watch");
        robot.clickOn("Add server");
        assertThat(fixture.actions.settingsOpened).isEqualTo(1);
    }

    @Test
    void exportHandsTheVisibleRowsInTableOrderToTheApplication(FxRobot robot) {
        fixture.awaitPolls(1);
        robot.clickOn("#searchField").write("bob");
        robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fixture.actions.exported).extracting(e -> e.session().userName().orElseThrow()).containsExactly("bob");
    }
}
