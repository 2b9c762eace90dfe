package org.sessionwatch.ui.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.files.OpenFilesGuiTest.cell;
import static org.sessionwatch.ui.files.OpenFilesGuiTest.showOpenFilesTab;
import static org.sessionwatch.ui.files.OpenFilesGuiTest.table;
import static org.sessionwatch.ui.files.OpenFilesGuiTest.waitUntil;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.cycle;
import static org.sessionwatch.ui.testing.Cycles.ok;
import static org.sessionwatch.ui.testing.Cycles.session;
import static org.sessionwatch.ui.testing.ScriptedActions.file;

import java.util.List;

import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.ui.testing.GuiFixture;
import org.sessionwatch.ui.testing.GuiRobots;
import org.sessionwatch.ui.testing.ScriptedActions;
import org.sessionwatch.ui.testing.ScriptedSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** {@code "readOnly": true}: the window offers no action anywhere, and the keys do nothing. */
@ExtendWith(ApplicationExtension.class)
class ReadOnlyGuiTest {
    private final ScriptedActions files = new ScriptedActions()
            .server("FS01", file("FS01", 7, "alice", "D:\\Shares\\Finance\\budget.xlsx"));
    private final ScriptedSource source = new ScriptedSource()
            .then(cycle(T0, ok("FS01", T0, session("FS01", "alice", "10.0.0.5", T0.minusSeconds(900), T0, 10))))
            .withActions(files);
    private final GuiFixture fixture = new GuiFixture(source, AppConfig.defaults().toBuilder()
            .servers(List.of(ServerConfig.of("FS01"))).readOnly(true).build());

    @Start
    void start(Stage stage) {
        fixture.show(stage);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static boolean anyAction(FxRobot robot) {
        return robot.lookup(n -> n instanceof Labeled l && l.getText() != null
                && (l.getText().startsWith("End session") || l.getText().startsWith("Close file"))).tryQuery()
                .isPresent();
    }

    @Test
    void readOnlyModeShowsNoActionAnywhere(FxRobot robot) {
        fixture.awaitPolls(1);

        Menu sessionMenu = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .filter(m -> m.getText().equals("_Session")).findFirst().orElseThrow();
        assertThat(sessionMenu.getItems()).filteredOn(MenuItem::isVisible).extracting(MenuItem::getText)
                .containsExactly("_Copy row", "Copy _user name");
        assertThat(sessionMenu.getItems()).filteredOn(item -> item.getText() != null
                && (item.getText().contains("lose file") || item.getText().contains("End session")))
                .allMatch(MenuItem::isDisable);

        GuiRobots.rightClick(robot, cell(robot, ".session-table", "alice"));
        assertThat(anyAction(robot)).isFalse();
        robot.type(KeyCode.ESCAPE);
        robot.press(KeyCode.SHIFT).type(KeyCode.DELETE).release(KeyCode.SHIFT);

        showOpenFilesTab(robot);
        waitUntil(() -> table(robot, ".open-files-table").getItems().size() == 1);
        GuiRobots.rightClick(robot, cell(robot, ".open-files-table", "D:\\Shares\\Finance\\budget.xlsx"));
        assertThat(anyAction(robot)).isFalse();
        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(files.calls).noneMatch(call -> call.startsWith("close") || call.startsWith("end"));
        assertThat(files.openOn("FS01")).hasSize(1);
    }
}
