package org.sessionwatch.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.cycle;
import static org.sessionwatch.ui.testing.Cycles.ok;
import static org.sessionwatch.ui.testing.Cycles.session;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.ui.sessions.SessionRow;
import org.sessionwatch.ui.testing.GuiFixture;
import org.sessionwatch.ui.testing.ScriptedSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The table re-sorts after a poll only when its sort order uses a column whose values change in place; sorted by
 * server and user (the default) new rows still land in order without a full re-sort.
 */
@ExtendWith(ApplicationExtension.class)
class SortAfterPollGuiTest {
    private static final Instant T1 = T0.plusSeconds(15);

    private final ScriptedSource source = new ScriptedSource()
            .then(cycle(T0, ok("FS01", T0,
                    session("FS01", "carol", "10.0.0.7", T0.minusSeconds(60), T0, 12),
                    session("FS01", "alice", "10.0.0.5", T0.minusSeconds(600), T0, 190))))
            .then(cycle(T1, ok("FS01", T1,
                    session("FS01", "carol", "10.0.0.7", T0.minusSeconds(60), T1, 300),
                    session("FS01", "alice", "10.0.0.5", T0.minusSeconds(600), T1, 0),
                    session("FS01", "bob", "10.0.0.6", T1.minusSeconds(2), T1, 1))))
            .then(cycle(T1.plusSeconds(15), ok("FS01", T1.plusSeconds(15),
                    session("FS01", "carol", "10.0.0.7", T0.minusSeconds(60), T1.plusSeconds(15), 5),
                    session("FS01", "alice", "10.0.0.5", T0.minusSeconds(600), T1.plusSeconds(15), 400),
                    session("FS01", "bob", "10.0.0.6", T1.minusSeconds(2), T1.plusSeconds(15), 9))));
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
    void sortedByServerAndUserAPollKeepsTheComparatorAndNewRowsLandInOrder(FxRobot robot) {
        fixture.awaitPolls(1);
        TableView<SessionRow> table = sessionTable(robot);
        Comparator<? super SessionRow> before = fixture.context.mainViewModel().sortedRows().getComparator();
        assertThat(table.getItems()).extracting(SessionRow::user).containsExactly("alice", "carol");

        fixture.pollAndWait();

        assertThat(fixture.context.mainViewModel().sortedRows().getComparator()).isSameAs(before);
        assertThat(table.getItems()).extracting(SessionRow::user).containsExactly("alice", "bob", "carol");
    }

    @Test
    void everyColumnSortsTheRowsAsItsCellsRead(FxRobot robot) {
        fixture.awaitPolls(1);
        fixture.pollAndWait();
        TableView<SessionRow> table = sessionTable(robot);

        assertThat(sortedBy(table, "user", TableColumn.SortType.DESCENDING)).containsExactly("carol", "bob", "alice");
        assertThat(sortedBy(table, "client", TableColumn.SortType.ASCENDING)).containsExactly("alice", "bob", "carol");
        assertThat(sortedBy(table, "opens", TableColumn.SortType.ASCENDING)).hasSize(3);
        assertThat(sortedBy(table, "connected", TableColumn.SortType.DESCENDING))
                .containsExactly("alice", "carol", "bob");
        assertThat(sortedBy(table, "idle", TableColumn.SortType.ASCENDING)).containsExactly("alice", "bob", "carol");
    }

    private static List<String> sortedBy(TableView<SessionRow> table, String columnId, TableColumn.SortType type) {
        WaitForAsyncUtils.asyncFx(() -> {
            TableColumn<SessionRow, ?> column = table.getColumns().stream().filter(c -> columnId.equals(c.getId()))
                    .findFirst().orElseThrow();
            column.setSortType(type);
            table.getSortOrder().setAll(List.of(column));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return table.getItems().stream().map(SessionRow::user).toList();
    }

    @Test
    void sortedByIdleTimeEveryPollReSorts(FxRobot robot) {
        fixture.awaitPolls(1);
        TableView<SessionRow> table = sessionTable(robot);
        WaitForAsyncUtils.asyncFx(() -> {
            TableColumn<SessionRow, ?> idle = table.getColumns().stream().filter(c -> "idle".equals(c.getId()))
                    .findFirst().orElseThrow();
            idle.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(idle));
        });
        WaitForAsyncUtils.waitForFxEvents();

        fixture.pollAndWait();
        Comparator<? super SessionRow> afterFirst = fixture.context.mainViewModel().sortedRows().getComparator();
        assertThat(table.getItems()).extracting(SessionRow::user).containsExactly("carol", "bob", "alice");

        fixture.pollAndWait();

        assertThat(fixture.context.mainViewModel().sortedRows().getComparator()).isNotSameAs(afterFirst);
        assertThat(table.getItems()).extracting(SessionRow::user).containsExactly("alice", "bob", "carol");
    }
}
