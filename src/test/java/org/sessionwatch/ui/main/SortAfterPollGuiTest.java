package org.sessionwatch.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.cycle;
import static org.sessionwatch.ui.testing.Cycles.ok;
import static org.sessionwatch.ui.testing.Cycles.session;

import java.time.Instant;
import java.util.List;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.ui.sessions.SessionRow;
import org.sessionwatch.ui.testing.GuiFixture;
import org.sessionwatch.ui.testing.ScriptedSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The table's sort order holds after each poll: sorted by server and user (the default) new rows land in order; sorted
 * by a column whose values change in place, every poll re-orders the rows. Each column sorts as its cells read, with
 * values that differ from row to row, so a column that did not sort at all would fail.
 */
@ExtendWith(ApplicationExtension.class)
class SortAfterPollGuiTest {
    private static final Instant T1 = T0.plusSeconds(15);
    private static final Instant T2 = T1.plusSeconds(15);

    private static Session opens(Session session, long count) {
        return session.toBuilder().openCount(count).build();
    }

    private final ScriptedSource source = new ScriptedSource()
            .then(cycle(T0, ok("FS01", T0,
                    opens(session("FS01", "carol", "10.0.0.7", T0.minusSeconds(60), T0, 12), 1),
                    opens(session("FS01", "alice", "10.0.0.5", T0.minusSeconds(600), T0, 190), 7))))
            .then(cycle(T1, ok("FS01", T1,
                    opens(session("FS01", "carol", "10.0.0.7", T0.minusSeconds(60), T1, 300), 1),
                    opens(session("FS01", "alice", "10.0.0.5", T0.minusSeconds(600), T1, 0), 7),
                    opens(session("FS01", "bob", "10.0.0.6", T1.minusSeconds(2), T1, 1), 4))))
            .then(cycle(T2, ok("FS01", T2,
                    opens(session("FS01", "carol", "10.0.0.7", T0.minusSeconds(60), T2, 5), 1),
                    opens(session("FS01", "alice", "10.0.0.5", T0.minusSeconds(600), T2, 400), 7),
                    opens(session("FS01", "bob", "10.0.0.6", T1.minusSeconds(2), T2, 9), 4))));
    private final GuiFixture fixture = new GuiFixture(source,
            AppConfig.defaults().withServers(List.of(ServerConfig.of("FS01"))));

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

    @Test
    void sortedByServerAndUserNewRowsLandInOrder(FxRobot robot) {
        fixture.awaitPolls(1);
        TableView<SessionRow> table = sessionTable(robot);
        assertThat(table.getItems()).extracting(SessionRow::user).containsExactly("alice", "carol");

        fixture.pollAndWait();

        assertThat(table.getItems()).extracting(SessionRow::user).containsExactly("alice", "bob", "carol");
    }

    @Test
    void everyColumnSortsTheRowsAsItsCellsRead(FxRobot robot) {
        fixture.awaitPolls(1);
        fixture.pollAndWait();
        TableView<SessionRow> table = sessionTable(robot);

        assertSortedBy(table, "user", TableColumn.SortType.DESCENDING, "carol", "bob", "alice");
        assertSortedBy(table, "client", TableColumn.SortType.ASCENDING, "alice", "bob", "carol");
        assertSortedBy(table, "opens", TableColumn.SortType.ASCENDING, "carol", "bob", "alice");
        assertSortedBy(table, "opens", TableColumn.SortType.DESCENDING, "alice", "bob", "carol");
        assertSortedBy(table, "connected", TableColumn.SortType.DESCENDING, "alice", "carol", "bob");
        assertSortedBy(table, "idle", TableColumn.SortType.ASCENDING, "alice", "bob", "carol");
    }

    private static void assertSortedBy(TableView<SessionRow> table, String columnId, TableColumn.SortType type,
                                       String... expected) {
        WaitForAsyncUtils.asyncFx(() -> {
            TableColumn<SessionRow, ?> column = table.getColumns().stream().filter(c -> columnId.equals(c.getId()))
                    .findFirst().orElseThrow();
            column.setSortType(type);
            table.getSortOrder().setAll(List.of(column));
        });
        assertThat(awaitOrder(table, List.of(expected))).as("sorted by " + columnId + " " + type)
                .containsExactly(expected);
    }

    /**
     * The order is computed on the tracker thread and applied on the FX thread later: waits (up to 5 s) for the
     * expected order and returns the order shown, which the caller asserts.
     */
    private static List<String> awaitOrder(TableView<SessionRow> table, List<String> expected) {
        try {
            WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                    () -> users(table).equals(expected));
        } catch (java.util.concurrent.TimeoutException e) {
            // The assertion on the returned order reports what the table shows instead.
        }
        WaitForAsyncUtils.waitForFxEvents();
        return users(table);
    }

    private static List<String> users(TableView<SessionRow> table) {
        return List.copyOf(table.getItems().stream().map(SessionRow::user).toList());
    }

    /**
     * What the cells on screen read follows every poll, the durations included: their cells are told only when their
     * text changes (to the minute from a minute on: a poll that ages a session by seconds its text leaves out redraws
     * nothing), never less often.
     */
    @Test
    void visibleCellsReadEachPollsValues(FxRobot robot) throws Exception {
        fixture.awaitPolls(1);
        TableView<SessionRow> table = sessionTable(robot);
        assertThat(cellText(table, "alice", "connected")).isEqualTo("10 min");
        assertThat(cellText(table, "alice", "idle")).isEqualTo("3 min");
        assertThat(cellText(table, "alice", "opens")).isEqualTo("7");
        assertThat(cellText(table, "carol", "connected")).isEqualTo("1 min");

        fixture.pollAndWait();
        assertThat(cellText(table, "alice", "connected")).isEqualTo("10 min"); // 615 s
        assertThat(cellText(table, "alice", "idle")).isEqualTo("0 s");
        assertThat(cellText(table, "bob", "connected")).isEqualTo("2 s");
        assertThat(cellText(table, "carol", "idle")).isEqualTo("5 min");

        fixture.pollAndWait();
        assertThat(cellText(table, "alice", "connected")).isEqualTo("10 min"); // 630 s
        assertThat(cellText(table, "alice", "idle")).isEqualTo("6 min");
        assertThat(cellText(table, "bob", "idle")).isEqualTo("9 s");
    }

    /** The text of the cell in {@code column} of {@code user}'s row on screen, after a layout pass. */
    private static String cellText(TableView<SessionRow> table, String user, String column) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            table.layout();
            return table.lookupAll(".table-cell").stream()
                    .filter(node -> node instanceof TableCell<?, ?> cell && cell.isVisible()
                            && cell.getTableRow() != null && cell.getTableRow().getItem() instanceof SessionRow row
                            && row.user().equals(user) && column.equals(cell.getTableColumn().getId()))
                    .map(node -> ((TableCell<?, ?>) node).getText())
                    .findFirst().orElse("(no cell)");
        }).get();
    }

    @Test
    void sortedByIdleTimeEveryPollReSorts(FxRobot robot) {
        fixture.awaitPolls(1);
        TableView<SessionRow> table = sessionTable(robot);
        assertSortedBy(table, "idle", TableColumn.SortType.DESCENDING, "alice", "carol");

        fixture.pollAndWait();
        assertThat(table.getItems()).extracting(SessionRow::user).containsExactly("carol", "bob", "alice");

        fixture.pollAndWait();
        assertThat(table.getItems()).extracting(SessionRow::user).containsExactly("alice", "bob", "carol");
    }
}
