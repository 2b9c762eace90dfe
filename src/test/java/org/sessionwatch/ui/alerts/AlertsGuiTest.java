package org.sessionwatch.ui.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.cycle;
import static org.sessionwatch.ui.testing.Cycles.failed;
import static org.sessionwatch.ui.testing.Cycles.ok;
import static org.sessionwatch.ui.testing.Cycles.session;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sessionwatch.config.AlertEvent;
import org.sessionwatch.config.AlertRule;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.ui.sessions.FilterChip;
import org.sessionwatch.ui.testing.GuiFixture;
import org.sessionwatch.ui.testing.ScriptedSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Alerts in the real window: a rule fires on a scripted connect, the notification's click selects the session, and
 * the Alerts tab lists the alert with its badge until it is acknowledged.
 */
@ExtendWith(ApplicationExtension.class)
class AlertsGuiTest {
    private static final Instant T1 = T0.plusSeconds(15);
    private static final Instant T2 = T0.plusSeconds(30);

    private final ScriptedSource source = new ScriptedSource()
            .then(cycle(T0, ok("FS01", T0, session("FS01", "bob", "10.0.0.6", T0.minusSeconds(600), T0, 0)),
                    ok("FS02", T0)))
            .then(cycle(T1, ok("FS01", T1, session("FS01", "bob", "10.0.0.6", T0.minusSeconds(600), T1, 0),
                    session("FS01", "alice", "10.0.0.5", T1.minusSeconds(3), T1, 0)), ok("FS02", T1)))
            .then(cycle(T2, ok("FS01", T2, session("FS01", "bob", "10.0.0.6", T0.minusSeconds(600), T2, 0),
                    session("FS01", "alice", "10.0.0.5", T1.minusSeconds(3), T2, 0)),
                    failed("FS02", T2, ErrorKind.UNREACHABLE)));
    private final GuiFixture fixture = new GuiFixture(source, AppConfig.defaults().toBuilder()
            .servers(List.of(ServerConfig.of("FS01"), ServerConfig.of("FS02")))
            .alerts(List.of(AlertRule.builder("alice connects", AlertEvent.SESSION_CONNECTED).user("alice").build(),
                    AlertRule.builder("FS02 down", AlertEvent.SERVER_FAILING).server("fs02").build()))
            .build());

    @Start
    void start(Stage stage) {
        fixture.show(stage);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    /** The notification popups ControlsFX shows (windows of their own), with their text. */
    private static List<Node> notifications(FxRobot robot, String text) {
        return robot.lookup(".notification-bar").match(node -> node.getScene() != null
                && node.getScene().getWindow() != null && node.getScene().getWindow().isShowing()
                && node.lookupAll(".label").stream().anyMatch(l -> l instanceof Label label
                && label.getText() != null && label.getText().contains(text))).queryAll().stream().toList();
    }

    private static void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void clickingTheNotificationSelectsTheSessionItIsAbout(FxRobot robot) {
        fixture.awaitPolls(1);
        assertThat(Window.getWindows()).as("no notification for the starting state").hasSize(1);
        fixture.pollAndWait();

        waitFor("alice's notification", () -> !notifications(robot, "FS01 10.0.0.5 alice connected").isEmpty());
        TabPane views = fixture.window.controller().views();
        WaitForAsyncUtils.asyncFx(() -> views.getSelectionModel().select(views.getTabs().size() - 1));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn(notifications(robot, "alice connected").getFirst());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(views.getSelectionModel().getSelectedIndex()).as("back on the Sessions tab").isZero();
        assertThat(fixture.context.sessions().getSelected()).isNotNull();
        assertThat(fixture.context.sessions().getSelected().user()).isEqualTo("alice");
        assertThat(fixture.context.sessionTable().getSelectionModel().getSelectedItem().user()).isEqualTo("alice");
    }

    @Test
    void aServerAlertsNotificationShowsOnlyThatServer(FxRobot robot) {
        fixture.awaitPolls(1);
        fixture.pollAndWait();
        fixture.pollAndWait();

        waitFor("FS02's notification", () -> !notifications(robot, "FS02 is failing").isEmpty());
        robot.clickOn(notifications(robot, "FS02 is failing").getFirst());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fixture.context.sessions().filters().filters())
                .containsExactly(new FilterChip(FilterChip.Kind.SERVER, FilterChip.Mode.ONLY, "FS02"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAlertsTabListsAlertsAndTheBadgeCountsUntilTheyAreAcknowledged(FxRobot robot) {
        fixture.awaitPolls(1);
        TabPane views = fixture.window.controller().views();
        assertThat(views.getTabs().getLast().getText()).isEqualTo("Alerts");
        assertThat(views.getTabs().getLast().getContent()).as("built when first selected").isNull();
        Label statusBadge = robot.lookup("#alertStatusBadge").queryAs(Label.class);
        assertThat(statusBadge.isVisible()).isFalse();

        fixture.pollAndWait();
        fixture.pollAndWait();
        waitFor("two alerts", () -> fixture.context.alerts().model().getUnacknowledged() == 2);
        assertThat(statusBadge.isVisible()).isTrue();
        assertThat(statusBadge.getText()).isEqualTo("2 new alerts");
        Label tabBadge = robot.lookup("#alertTabBadge").queryAs(Label.class);
        assertThat(tabBadge.getText()).isEqualTo("2");

        robot.clickOn(statusBadge);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(views.getSelectionModel().getSelectedItem().getText()).isEqualTo("Alerts");
        TableView<AlertItem> table = robot.lookup(".alert-table").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(item -> item.alert().rule())
                .as("newest first").containsExactly("FS02 down", "alice connects");
        assertThat(table.getItems().get(1).subject()).isEqualTo("FS01 · 10.0.0.5 · alice");

        robot.clickOn((Node) robot.lookup(".alert-table .table-row-cell").nth(0).query());
        robot.clickOn(robot.lookup("#acknowledgeButton").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabBadge.getText()).isEqualTo("1");
        assertThat(statusBadge.getText()).isEqualTo("1 new alert");

        robot.clickOn(robot.lookup("#acknowledgeAllButton").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabBadge.isVisible()).isFalse();
        assertThat(statusBadge.isVisible()).isFalse();
        assertThat(table.getItems()).hasSize(2).allMatch(AlertItem::isAcknowledged);

        robot.clickOn(robot.lookup("#clearButton").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).isEmpty();
    }
}
