package org.sessionwatch.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.cycle;
import static org.sessionwatch.ui.testing.Cycles.ok;
import static org.sessionwatch.ui.testing.Cycles.session;

import java.util.List;
import java.util.Set;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.netapi.UserFlags;
import org.sessionwatch.ui.testing.GuiFixture;
import org.sessionwatch.ui.testing.ScriptedSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The session and server tables give every row one fixed height from the stylesheet (the virtual flow then measures
 * no row, which is most of a poll's layout). That height must hold the tallest row the tables show: a row with both
 * flag badges, and the server table's rows with their state icons. Measured by switching the fixed height off and
 * laying the same rows out at their natural height.
 */
@ExtendWith(ApplicationExtension.class)
class FixedRowHeightGuiTest {
    private final ScriptedSource source = new ScriptedSource()
            .then(cycle(T0, ok("FS01", T0,
                    session("FS01", "alice", "10.0.0.5", T0.minusSeconds(600), T0, 12),
                    session("FS01", "guest", "10.0.0.6", T0.minusSeconds(60), T0, 0).toBuilder()
                            .userFlags(UserFlags.GUEST | UserFlags.NOENCRYPTION).build())));
    private final GuiFixture fixture = new GuiFixture(source,
            AppConfig.defaults().withServers(List.of(ServerConfig.of("FS01"), ServerConfig.of("FS02"))));

    @Start
    void start(Stage stage) {
        fixture.show(stage);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theSessionTablesFixedRowHeightHoldsARowWithBothFlags(FxRobot robot) {
        fixture.awaitPolls(1);
        TableView<?> table = robot.lookup(".session-table").queryAs(TableView.class);
        assertThat(robot.lookup(".flag-badge").queryAllAs(Label.class)).filteredOn(Node::isVisible)
                .extracting(Label::getText).contains("Guest", "No encryption");
        assertFits(table);
    }

    @Test
    void theServerTablesFixedRowHeightHoldsItsRows(FxRobot robot) {
        fixture.awaitPolls(1);
        assertFits(robot.lookup(".server-table").queryAs(TableView.class));
    }

    private static void assertFits(TableView<?> table) {
        double fixed = onFx(table::getFixedCellSize);
        assertThat(fixed).as("fixed row height of %s", table.getStyleClass()).isPositive();
        double natural = onFx(() -> {
            // Only an inline style outranks the stylesheet (a value set in code would be styled back).
            table.setStyle("-fx-fixed-cell-size: -1;");
            table.applyCss();
            table.layout();
            double tallest = filledRows(table).stream().mapToDouble(row -> row.prefHeight(-1)).max().orElse(0);
            table.setStyle("");
            return tallest;
        });
        assertThat(natural).as("tallest row laid out at its natural height").isPositive().isLessThanOrEqualTo(fixed);
    }

    private static List<TableRow<?>> filledRows(TableView<?> table) {
        Set<Node> rows = table.lookupAll(".table-row-cell");
        return rows.stream().<TableRow<?>>map(n -> (TableRow<?>) n).filter(r -> !r.isEmpty()).toList();
    }

    private static double onFx(java.util.concurrent.Callable<Double> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX work failed", e);
        }
    }
}
