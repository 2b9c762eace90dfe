package org.sessionwatch.ui.sessions;

import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.sessionwatch.format.HumanDurations;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.netapi.SessionField;
import org.sessionwatch.ui.common.Clipboards;
import org.sessionwatch.ui.main.EmptyState;
import org.sessionwatch.ui.main.MainViewModel;
import org.sessionwatch.ui.main.WindowActions;

import static org.sessionwatch.format.HumanDurations.Style.SPACED;

/** The session table: columns, row styling, context menu, filter chips and the empty-state placeholder. */
public final class SessionTableController {

    private final MainViewModel viewModel;
    private final WindowActions actions;
    /** Bumped after a poll whose in-place updates may have changed the sort order; the sorted list then re-sorts. */
    private final IntegerProperty resorts = new SimpleIntegerProperty(this, "resorts");
    /** Each sortable column's order, read straight from the rows. */
    private final Map<TableColumn<SessionRow, ?>, Comparator<SessionRow>> rowComparators = new IdentityHashMap<>();

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
    @FXML private TableColumn<SessionRow, Session> flagsColumn;

    private final Label emptyTitle = new Label();
    private final Label emptyHint = new Label();
    private final Button emptyAction = new Button();
    private final FontIcon emptyIcon = new FontIcon();

    public SessionTableController(MainViewModel viewModel, WindowActions actions) {
        this.viewModel = viewModel;
        this.actions = actions;
    }

    @FXML
    private void initialize() {
        configureColumns();
        configureSorting();
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.getSelectionModel().selectedItemProperty()
                .addListener((obs, old, now) -> viewModel.tableSelectionChanged(now));
        viewModel.pollCountProperty().addListener((obs, old, now) -> afterPoll());
        table.setRowFactory(t -> new SessionCells.HighlightedRowCell());
        table.setContextMenu(buildContextMenu());
        configurePlaceholder();
        viewModel.filters().filters().addListener((ListChangeListener<FilterChip>) c -> rebuildChips());
        rebuildChips();
    }

    public TableView<SessionRow> table() {
        return table;
    }

    private void configureColumns() {
        serverColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        serverColumn.setComparator(Comparator.comparing(SessionRow::server, String.CASE_INSENSITIVE_ORDER));
        serverColumn.setCellFactory(c -> new SessionCells.ServerCell());
        userColumn.setCellValueFactory(c -> text(c.getValue(), SessionRow::user));
        userColumn.setCellFactory(c -> new SessionCells.UserCell());
        clientColumn.setCellValueFactory(c -> Bindings.createStringBinding(() -> clientText(c.getValue()),
                c.getValue().sessionProperty(), c.getValue().hostNameProperty()));
        opensColumn.setCellValueFactory(c -> number(c.getValue(), Session::openCount));
        opensColumn.setCellFactory(c -> new SessionCells.NumberCell(String::valueOf));
        connectedColumn.setCellValueFactory(c -> number(c.getValue(), Session::activeSeconds));
        connectedColumn.setCellFactory(
                c -> new SessionCells.NumberCell(seconds -> HumanDurations.ofSeconds(seconds, SPACED)));
        idleColumn.setCellValueFactory(c -> number(c.getValue(), Session::idleSeconds));
        idleColumn.setCellFactory(
                c -> new SessionCells.NumberCell(seconds -> HumanDurations.ofSeconds(seconds, SPACED)));
        clientTypeColumn.setCellValueFactory(c -> carried(c.getValue(), SessionField.CLIENT_TYPE, SessionRow::clientType));
        clientTypeColumn.setCellFactory(c -> new SessionCells.LevelTextCell());
        transportColumn.setCellValueFactory(c -> carried(c.getValue(), SessionField.TRANSPORT, SessionRow::transport));
        transportColumn.setCellFactory(c -> new SessionCells.LevelTextCell());
        flagsColumn.setCellValueFactory(c -> c.getValue().sessionProperty());
        flagsColumn.setCellFactory(c -> new SessionCells.FlagsCell());
        flagsColumn.setComparator(Comparator.comparing((Session session) -> SessionRow.flagsText(session)));
        Comparator<String> byText = Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER);
        for (TableColumn<SessionRow, String> column : List.of(userColumn, clientColumn,
                clientTypeColumn, transportColumn)) {
            column.setComparator(byText);
        }
        for (TableColumn<SessionRow, Long> column : List.of(opensColumn, connectedColumn, idleColumn)) {
            column.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        }
        // The same orders, read straight from the rows (see rowOrder()).
        Comparator<Long> byNumber = Comparator.nullsLast(Comparator.naturalOrder());
        rowComparators.put(serverColumn, Comparator.comparing(SessionRow::server, String.CASE_INSENSITIVE_ORDER));
        rowComparators.put(userColumn, Comparator.comparing(SessionRow::user, byText));
        rowComparators.put(clientColumn, Comparator.comparing(SessionTableController::clientText, byText));
        rowComparators.put(opensColumn, Comparator.comparing(r -> value(r, Session::openCount), byNumber));
        rowComparators.put(connectedColumn, Comparator.comparing(r -> value(r, Session::activeSeconds), byNumber));
        rowComparators.put(idleColumn, Comparator.comparing(r -> value(r, Session::idleSeconds), byNumber));
        rowComparators.put(clientTypeColumn, Comparator.comparing(
                r -> carriedText(r, SessionField.CLIENT_TYPE, SessionRow::clientType), byText));
        rowComparators.put(transportColumn, Comparator.comparing(
                r -> carriedText(r, SessionField.TRANSPORT, SessionRow::transport), byText));
        rowComparators.put(flagsColumn, Comparator.comparing(r -> SessionRow.flagsText(r.getSession())));
    }

    /**
     * The table's sort order as a comparator that reads the rows directly. The table's own comparator reads every
     * row through the columns' cell value factories, which create the row's session property and a binding on each
     * comparison: slower, and it would give all 100,000 rows the property objects they otherwise only get on screen.
     * Null when the sort order has a column this controller does not know (then the table's comparator is used).
     */
    private Comparator<SessionRow> rowOrder() {
        Comparator<SessionRow> order = null;
        for (TableColumn<SessionRow, ?> column : table.getSortOrder()) {
            Comparator<SessionRow> byColumn = rowComparators.get(column);
            if (byColumn == null) {
                return null;
            }
            if (column.getSortType() == TableColumn.SortType.DESCENDING) {
                byColumn = byColumn.reversed();
            }
            order = order == null ? byColumn : order.thenComparing(byColumn);
        }
        return order;
    }

    private static Long value(SessionRow row, Function<Session, OptionalLong> getter) {
        OptionalLong value = getter.apply(row.getSession());
        return value.isPresent() ? value.getAsLong() : null;
    }

    private static String carriedText(SessionRow row, SessionField field, Function<SessionRow, String> getter) {
        return row.getSession().level().carries(field) ? getter.apply(row) : null;
    }

    /**
     * Rows change in place, which a SortedList does not notice; so the comparator the SortedList uses is re-issued
     * after every poll (a new wrapper object makes it re-sort once, as a permutation that keeps the selection).
     * The table's own sort policy is replaced because the default one refuses a comparator it did not bind itself.
     */
    private void configureSorting() {
        var sorted = viewModel.sortedRows();
        sorted.comparatorProperty().bind(Bindings.createObjectBinding(() -> {
            Comparator<SessionRow> current = table.getComparator();
            if (current == null) {
                return null;
            }
            Comparator<SessionRow> direct = rowOrder();
            return direct != null ? direct : (a, b) -> current.compare(a, b);
        }, table.comparatorProperty(), resorts));
        table.setSortPolicy(t -> true);
        table.setItems(sorted);
        // Grouped by server, then alphabetical: the order a helpdesk agent scans in. A saved layout overrides it.
        table.getSortOrder().setAll(List.of(serverColumn, userColumn));
    }

    /**
     * Server and user never change within a row (they are its key, and both compare ignoring case), so a table sorted
     * by them alone is still in order after a poll; re-sorting 100,000 rows anyway cost about a fifth of a merge.
     */
    private boolean sortDependsOnValuesChangedInPlace() {
        return table.getSortOrder().stream().anyMatch(column -> column != serverColumn && column != userColumn);
    }

    private void afterPoll() {
        if (sortDependsOnValuesChangedInPlace()) {
            resorts.set(resorts.get() + 1);
        }
        // The details pane keeps showing a session that just ended; the table must not suggest another is shown.
        if (viewModel.detailsShowEndedSession() && table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem() != viewModel.details().getRow()) {
            table.getSelectionModel().clearSelection();
        }
    }

    private ContextMenu buildContextMenu() {
        // ContextMenu refuses to show with no items, so it starts with one; the real items depend on the row.
        ContextMenu menu = new ContextMenu(new MenuItem("…"));
        menu.setOnShowing(e -> {
            menu.getItems().clear();
            SessionRow row = table.getSelectionModel().getSelectedItem();
            if (row == null) {
                MenuItem none = new MenuItem("Select a session first");
                none.setDisable(true);
                menu.getItems().add(none);
                return;
            }
            FilterModel filters = viewModel.filters();
            menu.getItems().addAll(
                    item("Show only user " + shown(row.user()), "mdal-filter_alt",
                            () -> filters.showOnly(FilterChip.Kind.USER, row.user())),
                    item("Show only client " + shown(row.client()), "mdal-filter_alt",
                            () -> filters.showOnly(FilterChip.Kind.CLIENT, row.client())),
                    item("Show only server " + row.server(), "mdal-filter_alt",
                            () -> filters.showOnly(FilterChip.Kind.SERVER, row.server())),
                    new SeparatorMenuItem(),
                    item("Hide user " + shown(row.user()), "mdmz-visibility_off",
                            () -> filters.hide(FilterChip.Kind.USER, row.user())),
                    item("Hide client " + shown(row.client()), "mdmz-visibility_off",
                            () -> filters.hide(FilterChip.Kind.CLIENT, row.client())),
                    new SeparatorMenuItem(),
                    withAccelerator(item("Copy row", "mdal-content_copy",
                            () -> Clipboards.putText(RowText.tabSeparated(row))), KeyCode.C),
                    item("Copy user name", null, () -> Clipboards.putText(row.user())));
        });
        return menu;
    }

    private static String shown(String value) {
        return value.isEmpty() ? "(none)" : value;
    }

    private static MenuItem item(String text, String icon, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(false);
        if (icon != null) {
            item.setGraphic(new FontIcon(icon));
        }
        item.setOnAction(e -> action.run());
        return item;
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
            case NO_SERVERS -> action("Add server", "mdal-add", () -> actions.openSettings(true));
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

    private void rebuildChips() {
        chips.getChildren().clear();
        for (FilterChip filter : viewModel.filters().filters()) {
            Button chip = new Button(filter.label(), new FontIcon("mdal-close"));
            chip.setMnemonicParsing(false);
            chip.setContentDisplay(ContentDisplay.RIGHT);
            chip.getStyleClass().addAll("filter-chip", filter.mode() == FilterChip.Mode.HIDE ? "hide" : "only");
            chip.setTooltip(new Tooltip("Remove this filter"));
            chip.setOnAction(e -> viewModel.filters().remove(filter));
            chips.getChildren().add(chip);
        }
        boolean any = !viewModel.filters().filters().isEmpty();
        chipBar.setVisible(any);
        chipBar.setManaged(any);
    }

    @FXML
    private void clearFilters() {
        viewModel.filters().clear();
    }

    private static String clientText(SessionRow row) {
        String host = row.getHostName();
        return host == null || host.isBlank() ? row.client() : row.client() + " (" + host + ")";
    }

    private static ObservableValue<String> text(SessionRow row, Function<SessionRow, String> getter) {
        return row.sessionProperty().map(s -> getter.apply(row));
    }

    /** The text, or null when the session's level does not carry the field (the cell then shows a dash). */
    private static ObservableValue<String> carried(SessionRow row, SessionField field,
                                                   Function<SessionRow, String> getter) {
        return row.sessionProperty().map(s -> s.level().carries(field) ? getter.apply(row) : null);
    }

    private static ObservableValue<Long> number(SessionRow row, Function<Session, OptionalLong> getter) {
        return row.sessionProperty().map(s -> {
            OptionalLong value = getter.apply(s);
            return value.isPresent() ? value.getAsLong() : null;
        });
    }
}
