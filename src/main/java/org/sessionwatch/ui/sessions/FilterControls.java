package org.sessionwatch.ui.sessions;

import java.util.List;
import java.util.function.Supplier;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;

import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The controls of a {@link FilterModel} that every filtered table shows the same way: the chip bar above the table and
 * the "Show only / Hide" items of the row's context menu. The session, open-files and history tables all use these.
 */
public final class FilterControls {

    private FilterControls() {
    }

    /** Keeps {@code chips} showing one removable chip per filter, and {@code chipBar} visible while there are any. */
    public static void bindChips(FilterModel filters, Pane chipBar, FlowPane chips) {
        Runnable rebuild = () -> {
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
            chipBar.setVisible(any);
            chipBar.setManaged(any);
        };
        filters.filters().addListener((ListChangeListener<FilterChip>) c -> rebuild.run());
        rebuild.run();
    }

    /**
     * "Show only user / client / server" and "Hide user / client" for one row; a client that is not known (null)
     * gets no client items.
     */
    public static List<MenuItem> menuItems(FilterModel filters, String user, String client, String server) {
        List<MenuItem> items = new java.util.ArrayList<>();
        items.add(item("Show only user " + shown(user), "mdal-filter_alt",
                () -> filters.showOnly(FilterChip.Kind.USER, user)));
        if (client != null) {
            items.add(item("Show only client " + shown(client), "mdal-filter_alt",
                    () -> filters.showOnly(FilterChip.Kind.CLIENT, client)));
        }
        items.add(item("Show only server " + server, "mdal-filter_alt",
                () -> filters.showOnly(FilterChip.Kind.SERVER, server)));
        items.add(new SeparatorMenuItem());
        items.add(item("Hide user " + shown(user), "mdmz-visibility_off",
                () -> filters.hide(FilterChip.Kind.USER, user)));
        if (client != null) {
            items.add(item("Hide client " + shown(client), "mdmz-visibility_off",
                    () -> filters.hide(FilterChip.Kind.CLIENT, client)));
        }
        return items;
    }

    /**
     * A row's context menu whose items are built each time it opens; with none (no row selected) it shows
     * {@code nothingSelected}, disabled, since a context menu refuses to show empty.
     */
    public static ContextMenu rowMenu(String nothingSelected, Supplier<List<MenuItem>> items) {
        ContextMenu menu = new ContextMenu(new MenuItem("…"));
        menu.setOnShowing(e -> {
            List<MenuItem> now = items.get();
            if (now.isEmpty()) {
                MenuItem none = new MenuItem(nothingSelected);
                none.setDisable(true);
                now = List.of(none);
            }
            menu.getItems().setAll(now);
        });
        return menu;
    }

    /** A menu item without mnemonic parsing (names from the network may contain underscores). */
    public static MenuItem item(String text, String icon, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(false);
        if (icon != null) {
            item.setGraphic(new FontIcon(icon));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static String shown(String value) {
        return value.isEmpty() ? "(none)" : value;
    }
}
