package org.sessionwatch.ui.sessions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.netapi.SessionField;
import org.sessionwatch.ui.common.Clipboards;
import org.sessionwatch.ui.common.DistinctValue;
import org.sessionwatch.ui.common.RestyleOnChangeTableSkin;

/**
 * The session table: columns, row styling, context menu, filter chips and the empty-state placeholder. The rows
 * arrive filtered and sorted; a click on a column header hands the sort order to the view model, which re-sorts off
 * the FX thread. The table's selection is bound to the window's shared selected session.
 */
public final class SessionTableController {

    /** The level a row was read at, which explains a missing value in the level-dependent cells. */
    private static final Function<SessionRow, InfoLevel> LEVEL = row -> row.getSession().level();

    private final SessionsViewModel viewModel;
    private final Runnable addServer;
    private final Function<List<SessionRow>, List<MenuItem>> actionItems;
    /** Each sortable column's order, over the immutable row values the tracker thread sorts. */
    private final Map<TableColumn<SessionRow, ?>, Comparator<RowValues>> rowComparators = new IdentityHashMap<>();
    /** Other features' items for the right-clicked row, shown after the table's own. */

    @FXML private HBox chipBar;
    @FXML private FlowPane chips;
    @FXML private TableView<SessionRow> table;
    @FXML private TableColumn<SessionRow, SessionRow> serverColumn;
    @FXML private TableColumn<SessionRow, String> userColumn;
    @FXML private TableColumn<SessionRow, String> clientColumn;
    @FXML private TableColumn<SessionRow, Long> opensColumn;
    @FXML private TableColumn<SessionRow, Long> connectedColumn;
    @FXML private TableColumn<SessionRow, Long> idleColumn;
    @FXML private TableColumn<SessionRow, String> clientTypeColumn;
    @FXML private TableColumn<SessionRow, String> transportColumn;
    @FXML private TableColumn<SessionRow, SessionCells.Flags> flagsColumn;

    private final Label emptyTitle = new Label();
    private final Label emptyHint = new Label();
    private final Button emptyAction = new Button();
    private final FontIcon emptyIcon = new FontIcon();

    /**
     * @param addServer   opens the settings on a new server (the empty table's action)
     * @param actionItems the context menu's action items (end session …) for the selected rows; empty for none
     */
    public SessionTableController(SessionsViewModel viewModel, Runnable addServer,
                                  Function<List<SessionRow>, List<MenuItem>> actionItems) {
        this.viewModel = viewModel;
        this.addServer = addServer;
        this.actionItems = actionItems;
    }

    @FXML
    private void initialize() {
        configureColumns();
        table.setItems(viewModel.visibleRows());
        configureSorting();
        bindSelection();
        table.setRowFactory(t -> new SessionCells.HighlightedRowCell());
        table.setSkin(new RestyleOnChangeTableSkin<>(table));
        table.setContextMenu(buildContextMenu());
        configurePlaceholder();
        FilterControls.bindChips(viewModel.filters(), chipBar, chips);
    }

    public TableView<SessionRow> table() {
        return table;
    }

    private void configureColumns() {
        serverColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        serverColumn.setCellFactory(c -> new SessionCells.ServerCell());
        userColumn.setCellValueFactory(c -> shown(c.getValue(), RowValues::user));
        userColumn.setCellFactory(c -> new SessionCells.UserCell<>());
        clientColumn.setCellValueFactory(c -> shown(c.getValue(), RowValues::clientText));
        opensColumn.setCellValueFactory(c -> number(c.getValue(), Session::openCount));
        opensColumn.setCellFactory(c -> new SessionCells.NumberCell<>(String::valueOf, LEVEL));
        connectedColumn.setCellValueFactory(c -> duration(c.getValue(), Session::activeSeconds));
        connectedColumn.setCellFactory(c -> new SessionCells.NumberCell<>(RowText::duration, LEVEL));
        idleColumn.setCellValueFactory(c -> duration(c.getValue(), Session::idleSeconds));
        idleColumn.setCellFactory(c -> new SessionCells.NumberCell<>(RowText::duration, LEVEL));
        clientTypeColumn.setCellValueFactory(c -> carried(c.getValue(), SessionField.CLIENT_TYPE, RowValues::clientType));
        clientTypeColumn.setCellFactory(c -> new SessionCells.LevelTextCell<>(LEVEL));
        transportColumn.setCellValueFactory(c -> carried(c.getValue(), SessionField.TRANSPORT, RowValues::transport));
        transportColumn.setCellFactory(c -> new SessionCells.LevelTextCell<>(LEVEL));
        flagsColumn.setCellValueFactory(c -> shown(c.getValue(), v -> SessionCells.Flags.of(v.session())));
        flagsColumn.setCellFactory(c -> new SessionCells.FlagsCell());

        Comparator<String> byText = Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER);
        Comparator<Long> byNumber = Comparator.nullsLast(Comparator.naturalOrder());
        rowComparators.put(serverColumn, Comparator.comparing(RowValues::server, String.CASE_INSENSITIVE_ORDER));
        rowComparators.put(userColumn, Comparator.comparing(RowValues::user, byText));
        rowComparators.put(clientColumn, Comparator.comparing(RowValues::clientText, byText));
        rowComparators.put(opensColumn, Comparator.comparing(r -> value(r, Session::openCount), byNumber));
        rowComparators.put(connectedColumn, Comparator.comparingLong(RowValues::ageOrder));
        rowComparators.put(idleColumn, Comparator.comparing(r -> value(r, Session::idleSeconds), byNumber));
        rowComparators.put(clientTypeColumn, Comparator.comparing(
                r -> carriedText(r, SessionField.CLIENT_TYPE, RowValues::clientType), byText));
        rowComparators.put(transportColumn, Comparator.comparing(
                r -> carriedText(r, SessionField.TRANSPORT, RowValues::transport), byText));
        rowComparators.put(flagsColumn, Comparator.comparing(RowValues::flagsText));
    }

    /** The table's sort order as one comparator over row values; null when the table is not sorted. */
    private Comparator<RowValues> rowOrder() {
        Comparator<RowValues> order = null;
        for (TableColumn<SessionRow, ?> column : table.getSortOrder()) {
            Comparator<RowValues> byColumn = rowComparators.get(column);
            if (byColumn == null) {
                throw new IllegalStateException("Column " + column.getId() + " has no row order");
            }
            if (column.getSortType() == TableColumn.SortType.DESCENDING) {
                byColumn = byColumn.reversed();
            }
            order = order == null ? byColumn : order.thenComparing(byColumn);
        }
        return order;
    }

    private static Long value(RowValues row, Function<Session, OptionalLong> getter) {
        OptionalLong value = getter.apply(row.session());
        return value.isPresent() ? value.getAsLong() : null;
    }

    private static String carriedText(RowValues row, SessionField field, Function<RowValues, String> getter) {
        return row.session().level().carries(field) ? getter.apply(row) : null;
    }

    /**
     * The table does not sort its items: its sort policy hands the order to the view model, which sorts on the
     * tracker thread and sends the moves back as one change. Called by the table whenever the sort order or a
     * column's direction changes.
     */
    private void configureSorting() {
        table.setSortPolicy(t -> {
            // Server and user are the session's identity (compared ignoring case): they never change in a row.
            boolean keysFixed = table.getSortOrder().stream()
                    .allMatch(column -> column == serverColumn || column == userColumn);
            viewModel.sortBy(rowOrder(), keysFixed);
            return true;
        });
        // Grouped by server, then alphabetical: the order a helpdesk agent scans in. A saved layout overrides it.
        table.getSortOrder().setAll(List.of(serverColumn, userColumn));
    }

    /**
     * The table's selection and the shared selected session follow each other. One rule makes the details pane keep
     * a session that ended: when the selected row leaves the table because it ended, the table may select nothing or
     * its neighbour, and that is not the user choosing; the ended session stays selected until the user picks
     * another row, and the table shows nothing selected meanwhile.
     */
    private void bindSelection() {
        // Several rows at once for "End session"; the shared selected session is the row selected last.
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            SessionRow shown = viewModel.getSelected();
            boolean endedRowLeft = shown != null && shown.isEnded() && (now == null || old == shown);
            if (!endedRowLeft) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> showSelected());
        viewModel.changesAppliedProperty().addListener((obs, old, now) -> showSelected());
    }

    private void showSelected() {
        SessionRow wanted = viewModel.getSelected();
        var selection = table.getSelectionModel();
        if (wanted == null || wanted.isEnded()) {
            if (selection.getSelectedItem() != null) {
                selection.clearSelection();
            }
        } else if (selection.getSelectedItem() != wanted) {
            int wantedIndex = table.getItems().indexOf(wanted);
            if (wantedIndex >= 0) {
                selection.clearAndSelect(wantedIndex);
            }
        }
        // Keyboard focus follows the selected row; the focus model shifts by whole changes and can drift.
        int index = selection.getSelectedIndex();
        if (index >= 0 && table.getFocusModel().getFocusedIndex() != index) {
            table.getFocusModel().focus(index);
        }
    }

    private ContextMenu buildContextMenu() {
        return FilterControls.rowMenu("Select a session first", () -> {
            SessionRow row = table.getSelectionModel().getSelectedItem();
            if (row == null) {
                return List.of();
            }
            List<MenuItem> items = new java.util.ArrayList<>(FilterControls.menuItems(viewModel.filters(),
                    row.user(), row.client(), row.server()));
            items.addAll(List.of(new SeparatorMenuItem(),
                    withAccelerator(FilterControls.item("Copy row", "mdal-content_copy",
                            () -> Clipboards.putText(RowText.tabSeparated(row))), KeyCode.C),
                    FilterControls.item("Copy user name", null, () -> Clipboards.putText(row.user()))));
            List<MenuItem> actions = actionItems.apply(List.copyOf(table.getSelectionModel().getSelectedItems()));
            if (!actions.isEmpty()) {
                items.add(new SeparatorMenuItem());
                items.addAll(actions);
            }
            return items;
        });
    }

    private static MenuItem withAccelerator(MenuItem item, KeyCode key) {
        // Shown for discoverability; the menu bar's identical accelerator does the work.
        item.setAccelerator(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN));
        return item;
    }

    private void configurePlaceholder() {
        emptyIcon.getStyleClass().add("placeholder-icon");
        emptyTitle.getStyleClass().add("placeholder-title");
        emptyHint.getStyleClass().add("placeholder-hint");
        emptyHint.setWrapText(true);
        emptyAction.getStyleClass().add("accent");
        emptyAction.setMnemonicParsing(false);
        VBox placeholder = new VBox(10, emptyIcon, emptyTitle, emptyHint, emptyAction);
        placeholder.setAlignment(Pos.CENTER);
        placeholder.getStyleClass().add("table-placeholder");
        table.setPlaceholder(placeholder);
        viewModel.emptyStateProperty().subscribe(this::showEmptyState);
    }

    private void showEmptyState(EmptyState state) {
        emptyTitle.setText(state.title());
        emptyHint.setText(state.hint());
        emptyIcon.setIconLiteral(switch (state) {
            case NO_MATCH -> "mdal-filter_alt";
            case NO_SERVERS -> "mdal-dns";
            case WAITING -> "mdal-hourglass_empty";
            default -> "mdmz-people_outline";
        });
        switch (state) {
            case NO_SERVERS -> action("Add server", "mdal-add", addServer);
            case NO_MATCH -> action("Clear filters", "mdal-clear", () -> viewModel.filters().clear());
            default -> action(null, null, null);
        }
    }

    private void action(String text, String icon, Runnable run) {
        emptyAction.setVisible(text != null);
        emptyAction.setManaged(text != null);
        emptyAction.setText(text);
        emptyAction.setGraphic(icon == null ? null : new FontIcon(icon));
        emptyAction.setOnAction(run == null ? null : e -> run.run());
    }

    @FXML
    private void clearFilters() {
        viewModel.filters().clear();
    }

    /** The text, or null when the session's level does not carry the field (the cell then shows a dash). */
    private static ObservableValue<String> carried(SessionRow row, SessionField field,
                                                   Function<RowValues, String> getter) {
        return shown(row, v -> v.session().level().carries(field) ? getter.apply(v) : null);
    }

    private static ObservableValue<Long> number(SessionRow row, Function<Session, OptionalLong> getter) {
        return shown(row, v -> value(v, getter));
    }

    /** A duration as the cell shows it: a poll that ages it by seconds the text leaves out does not redraw the row. */
    private static ObservableValue<Long> duration(SessionRow row, Function<Session, OptionalLong> getter) {
        return shown(row, v -> {
            Long seconds = value(v, getter);
            return seconds == null ? null : RowText.durationShown(seconds);
        });
    }

    /** What one cell shows of the row: tells the cell only when that changes (see {@link DistinctValue}). */
    private static <T> ObservableValue<T> shown(SessionRow row, Function<RowValues, T> getter) {
        return new DistinctValue<>(row.valuesProperty(), getter);
    }
}
