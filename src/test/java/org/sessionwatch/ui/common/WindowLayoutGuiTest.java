package org.sessionwatch.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Column order, widths, visibility, sort, dividers and the view switches survive a capture, the ui-state.json file
 * and a restore onto a fresh table whose every default differs from what was saved.
 */
@ExtendWith(ApplicationExtension.class)
class WindowLayoutGuiTest {
    private TableView<String> table;
    private SplitPane split;
    private Stage stage;

    private static TableColumn<String, String> column(String id) {
        TableColumn<String, String> column = new TableColumn<>(id);
        column.setId(id);
        column.setPrefWidth(100);
        return column;
    }

    @Start
    void start(Stage primary) {
        stage = primary;
        table = new TableView<>();
        split = new SplitPane(new Pane(), new Pane());
        table.getColumns().setAll(List.of(column("server"), column("user"), column("idle")));
        stage.setScene(new Scene(new SplitPane(table, split), 800, 400));
        stage.show();
    }

    @Test
    void capturedLayoutIsRestoredOnAFreshTable(@TempDir Path dir) throws Exception {
        UiState saved = WaitForAsyncUtils.asyncFx(() -> {
            TableColumn<String, ?> idle = table.getColumns().get(2);
            table.getColumns().setAll(List.of(idle, table.getColumns().get(0), table.getColumns().get(1)));
            table.getColumns().get(2).setVisible(false);
            idle.setPrefWidth(180);
            idle.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(idle));
            split.setDividerPositions(0.3);
            return WindowLayout.capture(stage, Map.of("split", split), table, true, true);
        }).get();
        // Through the file, as between two runs of the application.
        UiStateStore store = new UiStateStore(dir.resolve("ui-state.json"));
        store.save(saved);
        UiState loaded = store.load();

        TableView<String> fresh = WaitForAsyncUtils.asyncFx(() -> new TableView<String>()).get();
        SplitPane freshSplit = WaitForAsyncUtils.asyncFx(() -> new SplitPane(new Pane(), new Pane())).get();
        WaitForAsyncUtils.asyncFx(() -> {
            fresh.getColumns().setAll(List.of(column("server"), column("user"), column("idle"), column("flags")));
            WindowLayout.restoreTable(fresh, loaded);
            WindowLayout.restoreDividers(Map.of("split", freshSplit), loaded);
        }).get();

        assertThat(fresh.getColumns()).extracting(TableColumn::getId).containsExactly("idle", "server", "user", "flags");
        assertThat(fresh.getColumns().get(0).getPrefWidth()).isEqualTo(180);
        assertThat(fresh.getColumns().get(2).isVisible()).isFalse();
        assertThat(fresh.getSortOrder()).extracting(TableColumn::getId).containsExactly("idle");
        assertThat(fresh.getSortOrder().get(0).getSortType()).isEqualTo(TableColumn.SortType.DESCENDING);
        assertThat(freshSplit.getDividerPositions()[0]).isEqualTo(0.3, org.assertj.core.data.Offset.offset(0.01));
        assertThat(loaded.dark()).as("dark theme remembered").isTrue();
        assertThat(loaded.hostNames()).as("host names switch remembered").isTrue();
        assertThat(loaded.window().width()).isEqualTo(stage.getWidth());
    }
}
