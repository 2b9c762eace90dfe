package org.sessionwatch.ui.sessions;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;

import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Shows a {@link FilterModel}'s chips as removable buttons, and the bar that holds them only while there is one:
 * the live table and the History tab show their filters the same way.
 */
public final class FilterChipBar {

    private FilterChipBar() {
    }

    /** Keeps {@code chips} showing the filters of {@code filters}, and {@code bar} visible while there are any. */
    public static void bind(Pane bar, FlowPane chips, FilterModel filters) {
        filters.filters().addListener((ListChangeListener<FilterChip>) c -> rebuild(bar, chips, filters));
        rebuild(bar, chips, filters);
    }

    private static void rebuild(Pane bar, FlowPane chips, FilterModel filters) {
        chips.getChildren().clear();
        for (FilterChip filter : filters.filters()) {
            Button chip = new Button(filter.label(), new FontIcon("mdal-close"));
            chip.setMnemonicParsing(false);
            chip.setContentDisplay(ContentDisplay.RIGHT);
            chip.getStyleClass().addAll("filter-chip", filter.mode() == FilterChip.Mode.HIDE ? "hide" : "only");
            chip.setTooltip(new Tooltip("Remove this filter"));
            chip.setOnAction(e -> filters.remove(filter));
            chips.getChildren().add(chip);
        }
        boolean any = !filters.filters().isEmpty();
        bar.setVisible(any);
        bar.setManaged(any);
    }
}
