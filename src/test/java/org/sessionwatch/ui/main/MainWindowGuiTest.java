package org.sessionwatch.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.cycle;
import static org.sessionwatch.ui.testing.Cycles.failed;
import static org.sessionwatch.ui.testing.Cycles.ok;
import static org.sessionwatch.ui.testing.Cycles.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.ui.servers.ServerHealth;
import org.sessionwatch.ui.servers.ServerState;
import org.sessionwatch.ui.sessions.SessionRow;
import org.sessionwatch.ui.testing.GuiFixture;
import org.sessionwatch.ui.testing.GuiRobots;
import org.sessionwatch.ui.testing.ScriptedSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window on a headless JavaFX toolkit, driven by scripted poll cycles. */
@ExtendWith(ApplicationExtension.class)
class MainWindowGuiTest {
    private static final Instant T1 = T0.plusSeconds(15);
    private static final Instant ALICE_START = T0.minusSeconds(7500);

    private final ScriptedSource source = new ScriptedSource()
            .then(cycle(T0,
                    ok("FS01", T0, session("FS01", "alice", "10.0.0.5", ALICE_START, T0, 190),
                            session("FS01", "bob", "10.0.0.6", T0.minusSeconds(600), T0, 0),
                            session("FS01", "carol", "10.0.0.7", T0.minusSeconds(60), T0, 12)),
                    ok("FS02", T0, session("FS02", "alice", "10.0.0.5", T0.minusSeconds(300), T0, 40),
                            session("FS02", "dave", "10.0.1.9", T0.minusSeconds(900), T0, 5)),
                    failed("FS03", T0, ErrorKind.ACCESS_DENIED)))
            .then(cycle(T1,
                    ok("FS01", T1, session("FS01", "alice", "10.0.0.5", ALICE_START, T1, 205),
                            session("FS01", "bob", "10.0.0.6", T0.minusSeconds(600), T1, 3),
                            session("FS01", "erin", "10.0.0.8", T1.minusSeconds(2), T1, 0)),
                    ok("FS02", T1, session("FS02", "alice", "10.0.0.5", T0.minusSeconds(300), T1, 55),
                            session("FS02", "dave", "10.0.1.9", T0.minusSeconds(900), T1, 20)),
                    failed("FS03", T1, ErrorKind.ACCESS_DENIED)));
    private final GuiFixture fixture = new GuiFixture(source, AppConfig.defaults().withServers(List.of(
            ServerConfig.of("FS01"), ServerConfig.of("FS02"), ServerConfig.of("FS03"))));

    @Start
    void start(Stage stage) {
        fixture.show(stage);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<SessionRow> sessionTable(FxRobot robot) {
        return robot.lookup(".session-table").queryAs(TableView.class);
    }

    private Node cell(FxRobot robot, String text) {
        return robot.lookup(".session-table .table-cell").match(n -> n instanceof javafx.scene.control.Labeled l
                && text.equals(l.getText())).query();
    }

    private static void rightClick(FxRobot robot, Node node) {
        GuiRobots.rightClick(robot, node);
    }

    @Test
    void tableFillsAndStatusBarCounts(FxRobot robot) {
        fixture.awaitPolls(1);

        assertThat(sessionTable(robot).getItems()).extracting(SessionRow::user)
                .containsExactlyInAnyOrder("alice", "bob", "carol", "alice", "dave");
        assertThat(robot.lookup("#sessionCounts").queryAs(Label.class).getText()).isEqualTo("5 sessions");
        assertThat(robot.lookup("#serverCounts").queryAs(Label.class).getText()).isEqualTo("2 servers OK · 1 failing");
        assertThat(((Stage) sessionTable(robot).getScene().getWindow()).getTitle()).isEqualTo("SessionWatch");
    }

    @Test
    void showOnlyUserFromTheContextMenuFiltersAndShowsAChipThatRestoresWhenRemoved(FxRobot robot) {
        fixture.awaitPolls(1);

        rightClick(robot, cell(robot, "dave"));
        robot.clickOn("Show only user dave");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(sessionTable(robot).getItems()).extracting(SessionRow::user).containsExactly("dave");
        Button chip = robot.lookup(".filter-chip").queryButton();
        assertThat(chip.getText()).isEqualTo("User: dave");
        assertThat(robot.lookup("#sessionCounts").queryAs(Label.class).getText()).isEqualTo("Showing 1 of 5 sessions");

        robot.clickOn(chip);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(sessionTable(robot).getItems()).hasSize(5);
        assertThat(robot.lookup(".filter-chip").tryQuery()).isEmpty();
    }

    @Test
    void selectingARowShowsTransportAndIdleTimeInTheDetailsPane(FxRobot robot) {
        fixture.awaitPolls(1);
        assertThat(robot.lookup(".details-scroll").tryQuery())
                .as("the details are loaded when a session is first selected, not with the window").isEmpty();
        assertThat(robot.lookup(".details-placeholder").query().isVisible()).isTrue();

        robot.clickOn(cell(robot, "bob"));
        robot.clickOn(cell(robot, "carol"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#detail-transport").queryAs(Label.class).getText()).isEqualTo("\\Device\\NetbiosSmb");
        assertThat(robot.lookup("#detail-idle").queryAs(Label.class).getText()).isEqualTo("12 s (12 s)");
        assertThat(robot.lookup(".details-title").queryAs(Label.class).getText()).isEqualTo("carol on FS01");
        assertThat(robot.lookup(".details-scroll").query().isVisible()).isTrue();
        assertThat(robot.lookup(".details-placeholder").query().isVisible()).isFalse();

        WaitForAsyncUtils.asyncFx(() -> sessionTable(robot).getSelectionModel().clearSelection());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".details-scroll").query().isVisible()).isFalse();
        assertThat(robot.lookup(".details-placeholder").query().isVisible()).isTrue();
        assertThat(robot.lookup(".details-scroll").queryAll()).as("loaded once").hasSize(1);
    }

    @Test
    void failingServerAppearsWithItsState(FxRobot robot) throws Exception {
        fixture.awaitPolls(1);

        @SuppressWarnings("unchecked")
        TableView<ServerHealth> servers = robot.lookup(".server-table").queryAs(TableView.class);
        ServerHealth fs03 = servers.getItems().stream().filter(s -> s.getName().equals("FS03")).findFirst().orElseThrow();
        assertThat(fs03.getState()).isEqualTo(ServerState.ACCESS_DENIED);

        robot.clickOn(robot.lookup(".server-table .table-cell").match(n -> n instanceof javafx.scene.control.Labeled l
                && "FS03".equals(l.getText())).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#explanationTitle").queryAs(Label.class).getText()).isEqualTo("FS03: Access denied");
        assertThat(robot.lookup("#explanationRemedy").queryAs(Label.class).getText()).isEqualTo("Ask an administrator of FS03.");
        assertThat(robot.lookup("#explanationMessage").queryAs(Label.class).getText()).isNotBlank();
        assertThat(robot.lookup("#explanationFacts").queryAs(Label.class).getText()).contains("Last success: never");
        Node deniedCell = robot.lookup(".server-table .table-cell").match(n -> n instanceof javafx.scene.control.Labeled l
                && "Access denied".equals(l.getText())).queryAs(Node.class);
        // The state's tooltip is made when the pointer first enters the cell; it then explains the state.
        robot.moveTo(deniedCell).moveBy(3, 1).moveBy(-2, 0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownTooltip().isPresent());
        assertThat(shownTooltip().orElseThrow().getText()).contains("Ask an administrator of FS03.");
        robot.moveTo(robot.lookup("#sessionCounts").queryAs(Node.class));

        robot.doubleClickOn(robot.lookup(".server-table .table-cell").match(n -> n instanceof javafx.scene.control.Labeled l
                && "FS02".equals(l.getText())).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".filter-chip").queryButton().getText()).isEqualTo("Server: FS02");
        assertThat(sessionTable(robot).getItems()).extracting(SessionRow::user).containsExactlyInAnyOrder("alice", "dave");
    }

    private static Optional<Tooltip> shownTooltip() {
        return Window.getWindows().stream().filter(w -> w instanceof Tooltip t && t.isShowing())
                .map(Tooltip.class::cast).findFirst();
    }

    @Test
    void selectionSurvivesAPollWithChurn(FxRobot robot) {
        fixture.awaitPolls(1);
        robot.clickOn(cell(robot, "bob"));
        WaitForAsyncUtils.waitForFxEvents();
        SessionRow bob = sessionTable(robot).getSelectionModel().getSelectedItem();
        assertThat(bob.user()).isEqualTo("bob");

        fixture.pollAndWait();

        assertThat(sessionTable(robot).getItems()).extracting(SessionRow::user).contains("erin").doesNotContain("carol");
        assertThat(sessionTable(robot).getSelectionModel().getSelectedItem()).isSameAs(bob);
        assertThat(robot.lookup("#detail-idle").queryAs(Label.class).getText()).isEqualTo("3 s (3 s)");
    }

    @Test
    void anEndedSelectedSessionStaysInTheDetailsPaneMarkedEnded(FxRobot robot) {
        fixture.awaitPolls(1);
        robot.clickOn(cell(robot, "carol"));
        WaitForAsyncUtils.waitForFxEvents();

        fixture.pollAndWait();

        assertThat(robot.lookup(".details-title").queryAs(Label.class).getText()).isEqualTo("carol on FS01");
        assertThat(robot.lookup(".details-status").queryAs(Label.class).getText()).startsWith("Ended:");
        assertThat(sessionTable(robot).getSelectionModel().getSelectedItem()).isNull();
    }

    @Test
    void sortOrderIsKeptAndReappliedAfterAPoll(FxRobot robot) {
        fixture.awaitPolls(1);
        TableView<SessionRow> table = sessionTable(robot);
        WaitForAsyncUtils.asyncFx(() -> {
            var idle = table.getColumns().stream().filter(c -> "idle".equals(c.getId())).findFirst().orElseThrow();
            idle.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(idle));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).extracting(SessionRow::user).containsExactly("alice", "alice", "carol", "dave", "bob");

        fixture.pollAndWait();

        // Idle times changed in place: alice on FS02 (55 s) now idles longer than dave (20 s) and bob (3 s).
        assertThat(table.getSortOrder()).extracting(javafx.scene.control.TableColumn::getId).containsExactly("idle");
        assertThat(table.getItems()).extracting(r -> r.getSession().idleSeconds().getAsLong())
                .containsExactly(205L, 55L, 20L, 3L, 0L);
    }

    @Test
    void sessionsOfAServerThatStopsAnsweringStayMarkedStale(FxRobot robot) {
        fixture.awaitPolls(1);
        fixture.pollAndWait();
        source.then(cycle(T1.plusSeconds(15), ok("FS01", T1.plusSeconds(15)),
                failed("FS02", T1.plusSeconds(15), ErrorKind.UNREACHABLE), failed("FS03", T1, ErrorKind.ACCESS_DENIED)));

        fixture.pollAndWait();

        assertThat(sessionTable(robot).getItems()).allMatch(r -> r.server().equals("FS02") && r.isStale())
                .extracting(SessionRow::user).containsExactlyInAnyOrder("alice", "dave");
        assertThat(robot.lookup(".session-table .stale-icon").queryAll()).isNotEmpty();
        assertThat(robot.lookup("#sessionCounts").queryAs(Label.class).getText()).isEqualTo("2 sessions");
    }

    @Test
    void ctrlCCopiesTheSelectedRow(FxRobot robot) throws Exception {
        fixture.awaitPolls(1);
        robot.clickOn(cell(robot, "dave"));

        robot.press(KeyCode.CONTROL).press(KeyCode.C).release(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())
                .get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(copied).startsWith("FS02\tdave\t10.0.1.9\t\t3\t15 min\t5 s\t");
    }

    @Test
    void quickSearchFocusesWithCtrlFAndClearsWithEscape(FxRobot robot) {
        fixture.awaitPolls(1);
        robot.clickOn(cell(robot, "bob"));

        robot.press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
        robot.write("10.0.1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sessionTable(robot).getItems()).extracting(SessionRow::user).containsExactly("dave");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sessionTable(robot).getItems()).hasSize(5);
    }
}
