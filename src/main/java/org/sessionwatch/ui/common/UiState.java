package org.sessionwatch.ui.common;

import java.util.List;
import java.util.Map;

/**
 * How the user left the window: bounds, divider positions, the session table's columns and sort, the theme.
 * Stored as JSON beside the configuration; every part is optional so an older or hand-edited file still loads.
 *
 * @param window   bounds, or null for the default placement
 * @param dividers divider positions per split pane ("main", "content", "servers")
 * @param columns  session table columns in display order
 * @param sort     the sort order, most significant first
 * @param dark      whether the dark theme is on
 * @param hostNames whether client addresses are resolved to host names (reverse DNS)
 */
public record UiState(WindowBounds window, Map<String, List<Double>> dividers, List<Column> columns,
                      List<SortKey> sort, boolean dark, boolean hostNames) {

    public UiState {
        dividers = dividers == null ? Map.of() : Map.copyOf(dividers);
        columns = columns == null ? List.of() : List.copyOf(columns);
        sort = sort == null ? List.of() : List.copyOf(sort);
    }

    public static UiState empty() {
        return new UiState(null, Map.of(), List.of(), List.of(), false, false);
    }

    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    /** @param id the column's FXML id */
    public record Column(String id, double width, boolean visible) {
    }

    /** @param ascending false for descending */
    public record SortKey(String id, boolean ascending) {
    }
}
