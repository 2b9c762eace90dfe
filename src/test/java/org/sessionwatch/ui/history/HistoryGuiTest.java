package org.sessionwatch.ui.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.cycle;
import static org.sessionwatch.ui.testing.Cycles.ok;
import static org.sessionwatch.ui.testing.Cycles.session;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.history.HistoryInterval;
import org.sessionwatch.history.HistoryRecorder;
import org.sessionwatch.ui.testing.GuiFixture;
import org.sessionwatch.ui.testing.ScriptedSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The History tab on the real window: three scripted polls go through the tracker into a real SQLite file in a temp
 * folder, then the tab reads them back as a table at a time, as a timeline, from the live table's context menu and
 * in the details pane's "last seen".
 */
@ExtendWith(ApplicationExtension.class)
class HistoryGuiTest {
    /** Relative to now: the timeline reads the last 30 days of the real clock. */
    private static final Instant B = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
    private static final Instant B1 = B.plusSeconds(15);
    private static final Instant B2 = B.plusSeconds(30);

    @TempDir
    static Path folder;

    private final ScriptedSource source = new ScriptedSource()
            .then(cycle(B,
                    ok("FS01", B, session("FS01", "alice", "PC-A", B.minusSeconds(3600), B, 0),
                            session("FS01", "bob", "PC-B", B.minusSeconds(600), B, 0)),
                    ok("FS02", B, session("FS02", "alice", "PC-A2", B.minusSeconds(3 * 3600), B, 0),
                            session("FS02", "carol", "PC-C", B.minusSeconds(1800), B, 0))))
            .then(cycle(B1,
                    ok("FS01", B1, session("FS01", "alice", "PC-A", B.minusSeconds(3600), B1, 0),
                            session("FS01", "erin", "PC-E", B.plusSeconds(13), B1, 0)),
                    ok("FS02", B1, session("FS02", "carol", "PC-C", B.minusSeconds(1800), B1, 0))))
            .then(cycle(B2,
                    ok("FS01", B2, session("FS01", "erin", "PC-E", B.plusSeconds(13), B2, 0)),
                    ok("FS02", B2, session("FS02", "carol", "PC-C", B.minusSeconds(1800), B2, 0),
                            session("FS02", "alice", "PC-A", B.plusSeconds(25), B2, 0))));
    private final GuiFixture fixture = new GuiFixture(source, AppConfig.defaults().withServers(List.of(
            ServerConfig.of("FS01"), ServerConfig.of("FS02"))));

    @Start
    void start(Stage stage) {
        fixture.context.useHistory(folder.resolve("history-" + System.nanoTime() + ".db"), false);
        fixture.show(stage);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    /** Polls the three scripted cycles and waits until the recorder has written them. */
    private void recordThreePolls() throws Exception {
        fixture.awaitPolls(1);
        fixture.pollAndWait();
        fixture.pollAndWait();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fixture.context.history().recorder().isPresent());
        HistoryRecorder recorder = fixture.context.history().recorder().orElseThrow();
        assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(fixture.context.history().getIndicator().state()).isEqualTo(HistoryIndicator.State.RECORDING);
    }

    private static void openHistoryTab(FxRobot robot) {
        robot.clickOn(robot.lookup(".tab-label").match(n -> n instanceof Labeled l
                && "History".equals(l.getText())).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TableView<HistoryRow> historyTable(FxRobot robot) {
        return robot.lookup(".history-table").queryAs(TableView.class);
    }

    private static Set<String> shownSessions(FxRobot robot) {
        return historyTable(robot).getItems().stream().map(r -> r.server() + "/" + r.user())
                .collect(Collectors.toSet());
    }

    private void showAt(FxRobot robot, Instant at, String server) throws Exception {
        robot.interact(() -> {
            robot.lookup("#datePicker").queryAs(DatePicker.class).setValue(at.atZone(ZoneOffset.UTC).toLocalDate());
            robot.lookup("#timeField").queryAs(TextField.class).setText(
                    at.atZone(ZoneOffset.UTC).toLocalTime().toString());
            @SuppressWarnings("unchecked")
            ComboBox<String> servers = robot.lookup("#serverBox").queryAs(ComboBox.class);
            servers.setValue(server);
        });
        robot.clickOn("#showButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !fixture.context.historyView().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<Region> bars(FxRobot robot) {
        return robot.lookup(".timeline-bar").queryAllAs(Region.class).stream().toList();
    }

    @Test
    void tableAtATimeShowsTheSessionsOpenThenFromTheRecordedFile(FxRobot robot) throws Exception {
        recordThreePolls();
        openHistoryTab(robot);

        showAt(robot, B.plusSeconds(5), "");
        assertThat(shownSessions(robot)).containsExactlyInAnyOrder("FS01/alice", "FS01/bob", "FS02/alice",
                "FS02/carol");
        assertThat(robot.lookup(".history-summary").queryAs(Label.class).getText())
                .startsWith("4 sessions were open on all servers").contains("2 servers were answering");

        showAt(robot, B.plusSeconds(20), "FS01");
        assertThat(shownSessions(robot)).containsExactlyInAnyOrder("FS01/alice", "FS01/erin");

        // The live table's quick search, on history rows.
        robot.interact(() -> fixture.context.historyView().filters().quickSearchProperty().set("eri"));
        assertThat(shownSessions(robot)).containsExactly("FS01/erin");
    }

    @Test
    void timelineDrawsOneBarPerIntervalInItsServersLane(FxRobot robot) throws Exception {
        recordThreePolls();
        openHistoryTab(robot);

        robot.clickOn("#nameField").write("ALICE");
        robot.clickOn("Show timeline");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bars(robot).size() == 3);

        List<String> lanes = fixture.context.historyView().getTimeline().lanes();
        assertThat(lanes).containsExactly("FS01", "FS02");
        for (Region bar : bars(robot)) {
            HistoryInterval interval = (HistoryInterval) bar.getProperties().get("interval");
            assertThat(interval.user()).isEqualTo("alice");
            int lane = lanes.indexOf(interval.server());
            double top = TimelineView.AXIS_HEIGHT + lane * TimelineView.LANE_HEIGHT;
            assertThat(bar.getLayoutY()).as("bar of %s in its lane", interval.server())
                    .isBetween(top, top + TimelineView.LANE_HEIGHT - bar.getHeight());
        }
        assertThat(bars(robot)).filteredOn(bar -> "FS02".equals(bar.getProperties().get("lane"))).hasSize(2);
        // Bars in time order along the lane: the FS02 interval that ended starts left of the one still open.
        List<Region> fs02 = bars(robot).stream().filter(bar -> "FS02".equals(bar.getProperties().get("lane")))
                .sorted(java.util.Comparator.comparingDouble(Region::getLayoutX)).toList();
        assertThat(((HistoryInterval) fs02.get(0).getProperties().get("interval")).isOpen()).isFalse();
        assertThat(((HistoryInterval) fs02.get(1).getProperties().get("interval")).isOpen()).isTrue();
        assertThat(robot.lookup(".timeline-legend-item").queryAllAs(Labeled.class)).extracting(Labeled::getText)
                .contains("\\Device\\NetbiosSmb", "not answering", "nobody watching");
    }

    @Test
    void historyOfUserFromTheLiveTableOpensTheTimelineAndDetailsSayWhenTheUserWasLastSeen(FxRobot robot)
            throws Exception {
        recordThreePolls();
        Node alice = robot.lookup(".session-table .table-cell").match(n -> n instanceof Labeled l
                && "alice".equals(l.getText())).query();
        robot.clickOn(alice);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#detail-last-seen")
                .queryAs(Label.class).getText().contains("last connected"));
        assertThat(robot.lookup("#detail-last-seen").queryAs(Label.class).getText())
                .contains("alice last connected to FS01").contains("from PC-A");

        rightClick(robot, alice);
        robot.clickOn("History of user alice");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bars(robot).size() == 3);

        TabPane views = robot.lookup(".views").queryAs(TabPane.class);
        assertThat(views.getSelectionModel().getSelectedItem().getText()).isEqualTo("History");
        assertThat(robot.lookup("#nameField").queryAs(TextField.class).getText()).isEqualTo("alice");
    }

    /** Monocle sends no context-menu request for a secondary click; send the one a desktop would. */
    private static void rightClick(FxRobot robot, Node node) {
        robot.rightClickOn(node);
        Bounds bounds = node.localToScreen(node.getBoundsInLocal());
        WaitForAsyncUtils.asyncFx(() -> javafx.event.Event.fireEvent(node, new ContextMenuEvent(
                ContextMenuEvent.CONTEXT_MENU_REQUESTED, bounds.getWidth() / 2, bounds.getHeight() / 2,
                bounds.getCenterX(), bounds.getCenterY(), false, null)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theDateFieldShowsItsWholeDateInWhateverFontItIsGiven(FxRobot robot) {
        openHistoryTab(robot);
        DatePicker picker = robot.lookup("#datePicker").queryAs(DatePicker.class);
        robot.interact(() -> picker.setValue(java.time.LocalDate.of(2026, 12, 28)));
        WaitForAsyncUtils.waitForFxEvents();
        assertWholeDateShown(picker);
        // A larger font (a theme, accessibility settings): the field grows with it rather than clipping the year.
        robot.interact(() -> picker.setStyle("-fx-font-size: 26px"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(picker.getEditor().getFont().getSize()).isEqualTo(26);
        assertWholeDateShown(picker);
    }

    private static void assertWholeDateShown(DatePicker picker) {
        TextField editor = picker.getEditor();
        javafx.scene.text.Text text = new javafx.scene.text.Text(editor.getText());
        text.setFont(editor.getFont());
        assertThat(editor.getText()).contains("2026");
        assertThat(editor.getWidth()).as("room for \"%s\"", editor.getText()).isGreaterThanOrEqualTo(
                text.getLayoutBounds().getWidth() + editor.snappedLeftInset() + editor.snappedRightInset());
    }
}
