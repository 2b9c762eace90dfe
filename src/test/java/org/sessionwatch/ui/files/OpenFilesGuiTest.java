package org.sessionwatch.ui.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.cycle;
import static org.sessionwatch.ui.testing.Cycles.failed;
import static org.sessionwatch.ui.testing.Cycles.ok;
import static org.sessionwatch.ui.testing.Cycles.session;
import static org.sessionwatch.ui.testing.ScriptedActions.file;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sessionwatch.audit.ActionRecord;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.ui.testing.GuiFixture;
import org.sessionwatch.ui.testing.GuiRobots;
import org.sessionwatch.ui.testing.ScriptedActions;
import org.sessionwatch.ui.testing.ScriptedSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Open files in the real window: the details pane, the Open files tab, closing and ending with confirmation. */
@ExtendWith(ApplicationExtension.class)
class OpenFilesGuiTest {
    static final long SAMBA_ID = 0x8A2F_0001L;
    private static final Instant T1 = T0.plusSeconds(15);
    private static final String BUDGET = "C:\\srv\\samba\\Finance\\budget.xlsx";

    private final ScriptedActions files = new ScriptedActions()
            .server("FS01", file("FS01", SAMBA_ID, "alice", BUDGET),
                    file("FS01", 2, "alice", "C:\\srv\\samba\\Finance\\notes.txt"),
                    file("FS01", 3, "bob", "C:\\srv\\samba\\Sales\\pricing.xlsx"))
            .server("FS02", file("FS02", 10, "carol", "D:\\Shares\\HR\\budget.xlsx"));
    private final ScriptedSource source = new ScriptedSource()
            .then(cycle(T0,
                    ok("FS01", T0, session("FS01", "alice", "10.0.0.5", T0.minusSeconds(900), T0, 10),
                            session("FS01", "bob", "10.0.0.6", T0.minusSeconds(600), T0, 0)),
                    ok("FS02", T0, session("FS02", "carol", "10.0.1.7", T0.minusSeconds(300), T0, 40))))
            .then(cycle(T1,
                    failed("FS01", T1, ErrorKind.UNREACHABLE),
                    ok("FS02", T1, session("FS02", "carol", "10.0.1.7", T0.minusSeconds(300), T1, 55))))
            .withActions(files);
    private final GuiFixture fixture = new GuiFixture(source, AppConfig.defaults().withServers(List.of(
            ServerConfig.of("FS01"), ServerConfig.of("FS02"))));

    @Start
    void start(Stage stage) {
        fixture.show(stage);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    static Node cell(FxRobot robot, String table, String text) {
        return robot.lookup(table + " .table-cell").match(n -> n instanceof Labeled l && text.equals(l.getText()))
                .query();
    }

    @SuppressWarnings("unchecked")
    static TableView<FileRow> table(FxRobot robot, String style) {
        return robot.lookup(style).queryAs(TableView.class);
    }

    static void showOpenFilesTab(FxRobot robot) {
        TabPane views = robot.lookup(".views").queryAs(TabPane.class);
        WaitForAsyncUtils.asyncFx(() -> views.getSelectionModel().select(views.getTabs().stream()
                .filter(t -> "openFilesTab".equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("The window did not get there in 10 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theDetailsPaneListsTheSelectedSessionsOpenFiles(FxRobot robot) {
        fixture.awaitPolls(1);

        robot.clickOn(cell(robot, ".session-table", "alice"));
        waitUntil(() -> table(robot, ".session-files-table").getItems().size() == 2);

        assertThat(table(robot, ".session-files-table").getItems()).extracting(FileRow::fileName)
                .containsExactly("budget.xlsx", "notes.txt");
        assertThat(table(robot, ".session-files-table").getItems()).extracting(FileRow::id)
                .contains(SAMBA_ID);
        assertThat(robot.lookup(".session-files-message").queryAs(Label.class).getText())
                .isEqualTo("2 files open on FS01.");
        assertThat(files.calls).contains("list FS01 alice");
    }

    @Test
    void thePathSearchFindsWhoHasAFileOpenOnEveryServer(FxRobot robot) {
        fixture.awaitPolls(1);
        showOpenFilesTab(robot);
        waitUntil(() -> table(robot, ".open-files-table").getItems().size() == 4);

        robot.clickOn(robot.lookup(".open-files-pane .search-field").queryAs(TextField.class)).write("budget");
        waitUntil(() -> table(robot, ".open-files-table").getItems().size() == 2);

        assertThat(table(robot, ".open-files-table").getItems())
                .extracting(FileRow::server, FileRow::user, FileRow::client)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FS01", "alice", "10.0.0.5"),
                        org.assertj.core.groups.Tuple.tuple("FS02", "carol", "10.0.1.7"));
    }

    @Test
    void closingAFileAsksFirstCancelDoesNothingAndOkClosesIt(FxRobot robot) throws Exception {
        fixture.awaitPolls(1);
        showOpenFilesTab(robot);
        waitUntil(() -> table(robot, ".open-files-table").getItems().size() == 4);

        robot.clickOn(cell(robot, ".open-files-table", BUDGET));
        robot.type(KeyCode.DELETE);
        String items = robot.lookup("#action-items").queryAs(Label.class).getText();
        assertThat(items).contains("FS01", BUDGET, "id 2318336001", "alice", "10.0.0.5");
        assertThat(robot.lookup(".action-warning").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(text -> text.contains("may lose unsaved changes"));
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(files.calls).noneMatch(call -> call.startsWith("close"));
        assertThat(files.openOn("FS01")).hasSize(3);

        robot.clickOn(cell(robot, ".open-files-table", BUDGET));
        robot.type(KeyCode.DELETE);
        robot.clickOn("Close 1 file");
        waitUntil(() -> robot.lookup("#action-outcomes").tryQuery().isPresent());

        assertThat(robot.lookup("#action-outcomes").queryAs(Label.class).getText()).contains(BUDGET, "Closed");
        assertThat(files.calls).contains("close FS01 " + SAMBA_ID);
        waitUntil(() -> table(robot, ".open-files-table").getItems().size() == 3);
        assertThat(table(robot, ".open-files-table").getItems()).extracting(FileRow::path).doesNotContain(BUDGET);
        List<ActionRecord> audit = fixture.actions.actionLog.read().records();
        assertThat(audit).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo(ActionRecord.Action.CLOSE_FILE);
            assertThat(r.fileId()).isEqualTo(SAMBA_ID);
            assertThat(r.outcome()).isEqualTo(ActionRecord.Outcome.DONE);
            assertThat(r.demo()).isFalse();
        });
        robot.clickOn("OK");
    }

    @Test
    void endingASessionAsksFirstAndPollsAgain(FxRobot robot) throws Exception {
        fixture.awaitPolls(1);

        GuiRobots.rightClick(robot, cell(robot, ".session-table", "bob"));
        robot.clickOn(robot.lookup(n -> n instanceof Labeled l && l.getText() != null
                && l.getText().startsWith("End session")).queryAs(Node.class));
        assertThat(robot.lookup("#action-items").queryAs(Label.class).getText()).contains("FS01: bob from 10.0.0.6");
        assertThat(robot.lookup(".action-warning").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(text -> text.contains("Ending a session closes all its files"));
        robot.clickOn("End 1 session");
        waitUntil(() -> robot.lookup("#action-outcomes").tryQuery().isPresent());

        assertThat(robot.lookup("#action-outcomes").queryAs(Label.class).getText()).contains("Ended");
        assertThat(files.calls).contains("end FS01 10.0.0.6 bob");
        fixture.awaitPolls(2);
        assertThat(fixture.actions.actionLog.read().records()).extracting(ActionRecord::action, ActionRecord::user)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ActionRecord.Action.END_SESSION, "bob"));
        robot.clickOn("OK");
    }

    @Test
    void aStaleRowOffersNoAction(FxRobot robot) {
        fixture.awaitPolls(1);
        fixture.pollAndWait(); // FS01 stops answering: its sessions stay, marked stale

        GuiRobots.rightClick(robot, cell(robot, ".session-table", "alice"));

        @SuppressWarnings("unchecked")
        TableView<?> sessions = robot.lookup(".session-table").queryAs(TableView.class);
        assertThat(sessions.getContextMenu().getItems()).filteredOn(item -> item.getText() != null
                && item.getText().startsWith("End session")).singleElement().satisfies(item ->
                assertThat(item.isDisable()).isTrue());
        assertThat(sessions.getContextMenu().getItems()).extracting(javafx.scene.control.MenuItem::getText)
                .anyMatch(text -> text != null && text.contains("FS01 is not answering"));
        robot.type(KeyCode.ESCAPE);
        assertThat(files.calls).noneMatch(call -> call.startsWith("end"));
    }
}
