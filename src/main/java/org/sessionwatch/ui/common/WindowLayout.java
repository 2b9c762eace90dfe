package org.sessionwatch.ui.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Captures and restores the parts of {@link UiState} that live in controls. FX thread only; no I/O. */
public final class WindowLayout {
    private WindowLayout() {
    }

    public static UiState capture(Stage stage, Map<String, SplitPane> splits, TableView<?> table, boolean dark,
                                  boolean hostNames) {
        UiState.WindowBounds bounds = new UiState.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), stage.isMaximized());
        Map<String, List<Double>> dividers = new LinkedHashMap<>();
        splits.forEach((name, split) -> {
            List<Double> positions = new ArrayList<>();
            for (double position : split.getDividerPositions()) {
                positions.add(position);
            }
            dividers.put(name, positions);
        });
        List<UiState.Column> columns = table.getColumns().stream()
                .map(c -> new UiState.Column(c.getId(), c.getWidth(), c.isVisible())).toList();
        List<UiState.SortKey> sort = table.getSortOrder().stream()
                .map(c -> new UiState.SortKey(c.getId(), c.getSortType() == TableColumn.SortType.ASCENDING)).toList();
        return new UiState(bounds, dividers, columns, sort, dark, hostNames);
    }

    /** Restores bounds only when they are still on a screen (a monitor may have been unplugged). */
    public static void restoreBounds(Stage stage, UiState state) {
        UiState.WindowBounds b = state.window();
        if (b == null || b.width() < 200 || b.height() < 150) {
            return;
        }
        boolean visible = Screen.getScreens().stream().map(Screen::getVisualBounds)
                .anyMatch(r -> r.intersects(new Rectangle2D(b.x(), b.y(), b.width(), b.height())));
        if (visible) {
            stage.setX(b.x());
            stage.setY(b.y());
            stage.setWidth(b.width());
            stage.setHeight(b.height());
        }
        stage.setMaximized(b.maximized());
    }

    public static void restoreDividers(Map<String, SplitPane> splits, UiState state) {
        state.dividers().forEach((name, positions) -> {
            SplitPane split = splits.get(name);
            if (split != null && positions.size() == split.getDividers().size()) {
                split.setDividerPositions(positions.stream().mapToDouble(Double::doubleValue).toArray());
            }
        });
    }

    /** Reorders, resizes and hides columns and restores the sort; unknown ids are ignored, new columns kept. */
    public static <S> void restoreTable(TableView<S> table, UiState state) {
        Map<String, TableColumn<S, ?>> byId = new HashMap<>();
        table.getColumns().forEach(c -> byId.put(c.getId(), c));
        List<TableColumn<S, ?>> ordered = new ArrayList<>();
        for (UiState.Column saved : state.columns()) {
            TableColumn<S, ?> column = byId.remove(saved.id());
            if (column != null) {
                if (saved.width() > 10) {
                    column.setPrefWidth(saved.width());
                }
                column.setVisible(saved.visible());
                ordered.add(column);
            }
        }
        if (!ordered.isEmpty()) {
            // Columns the saved state does not know (added in a newer version) go to the end.
            table.getColumns().stream().filter(c -> byId.containsValue(c)).forEach(ordered::add);
            table.getColumns().setAll(ordered);
        }
        if (state.columns().isEmpty()) {
            return; // nothing saved yet: keep the table's default sort
        }
        List<TableColumn<S, ?>> sortOrder = new ArrayList<>();
        for (UiState.SortKey key : state.sort()) {
            table.getColumns().stream().filter(c -> c.getId() != null && c.getId().equals(key.id())).findFirst()
                    .ifPresent(c -> {
                        c.setSortType(key.ascending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
                        sortOrder.add(c);
                    });
        }
        table.getSortOrder().setAll(sortOrder);
    }
}
