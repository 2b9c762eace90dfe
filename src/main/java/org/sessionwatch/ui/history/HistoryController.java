package org.sessionwatch.ui.history;

import java.io.File;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import atlantafx.base.controls.CustomTextField;
import org.kordamp.ikonli.javafx.FontIcon;
import org.sessionwatch.history.HistoryInterval;
import org.sessionwatch.history.HistoryRepository.Party;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.ui.sessions.FilterChip;
import org.sessionwatch.ui.sessions.FilterControls;
import org.sessionwatch.ui.sessions.SessionCells;

/**
 * Binds the History tab to its {@link HistoryViewModel}: the time and server pickers, the table of sessions open then
 * (the live table's cells and filter chips), the timeline with its legend, and the exports.
 */
public final class HistoryController {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Function<HistoryRow, InfoLevel> LEVEL = row -> row.values().session().level();

    private final HistoryViewModel model;
    private final ObservableList<String> serverNames;

    @FXML private DatePicker datePicker;
    @FXML private TextField timeField;
    @FXML private HBox shortcuts;
    @FXML private ComboBox<String> serverBox;
    @FXML private Button showButton;
    @FXML private ProgressIndicator busy;
    @FXML private CustomTextField searchField;
    @FXML private Label problem;
    @FXML private HBox chipBar;
    @FXML private FlowPane chips;
    @FXML private Label tableSummary;
    @FXML private TableView<HistoryRow> table;
    @FXML private TableColumn<HistoryRow, String> serverColumn;
    @FXML private TableColumn<HistoryRow, String> userColumn;
    @FXML private TableColumn<HistoryRow, String> clientColumn;
    @FXML private TableColumn<HistoryRow, Instant> startColumn;
    @FXML private TableColumn<HistoryRow, HistoryInterval> endColumn;
    @FXML private TableColumn<HistoryRow, Instant> lastSeenColumn;
    @FXML private TableColumn<HistoryRow, Long> opensColumn;
    @FXML private TableColumn<HistoryRow, String> clientTypeColumn;
    @FXML private TableColumn<HistoryRow, String> transportColumn;
    @FXML private ChoiceBox<Party> partyBox;
    @FXML private TextField nameField;
    @FXML private ChoiceBox<Timeline.ColourBy> colourBox;
    @FXML private Label timelineSummary;
    @FXML private FlowPane legend;
    @FXML private ScrollPane timelineScroll;

    private TimelineView timeline;

    /** @param serverNames the servers the window knows, offered in the server picker */
    public HistoryController(HistoryViewModel model, ObservableList<String> serverNames) {
        this.model = model;
        this.serverNames = serverNames;
    }

    @FXML
    private void initialize() {
        datePicker.valueProperty().bindBidirectional(model.dateProperty());
        fitDateField();
        timeField.textProperty().bindBidirectional(model.timeProperty());
        for (HistoryViewModel.Shortcut shortcut : HistoryViewModel.Shortcut.values()) {
            Button button = new Button(shortcut.label());
            button.setMnemonicParsing(false);
            button.getStyleClass().addAll("flat", "small", "history-shortcut");
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.setOnAction(e -> model.showAt(shortcut));
            shortcuts.getChildren().add(button);
        }
        serverBox.getItems().setAll(serverChoices());
        serverNames.subscribe(() -> serverBox.getItems().setAll(serverChoices()));
        serverBox.valueProperty().bindBidirectional(model.serverProperty());
        busy.visibleProperty().bind(model.busyProperty());
        searchField.textProperty().bindBidirectional(model.filters().quickSearchProperty());
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        FilterControls.bindChips(model.filters(), chipBar, chips);
        tableSummary.textProperty().bind(model.tableSummaryProperty());
        configureTable();
        configureTimeline();
    }

    /**
     * Gives the date field the width of the widest date it can show in this locale's format and its font (a fixed
     * width clipped the year), measured again when the style sheet sets its font or padding.
     */
    private void fitDateField() {
        TextField editor = datePicker.getEditor();
        Text probe = new Text();
        InvalidationListener fit = o -> {
            probe.setFont(editor.getFont());
            double widest = 0;
            for (int month = 1; month <= 12; month++) {
                probe.setText(datePicker.getConverter().toString(LocalDate.of(2028, month, 28)));
                widest = Math.max(widest, probe.getLayoutBounds().getWidth());
            }
            // + 2: the caret may stand after the last character
            editor.setPrefWidth(Math.ceil(widest + editor.snappedLeftInset() + editor.snappedRightInset() + 2));
        };
        editor.fontProperty().addListener(fit);
        editor.paddingProperty().addListener(fit);
        datePicker.converterProperty().addListener(fit);
        fit.invalidated(null);
    }

    /** "All servers" is the empty choice; the view model reads an empty server as all of them. */
    private List<String> serverChoices() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(""),
                serverNames.stream().sorted(String.CASE_INSENSITIVE_ORDER)).toList();
    }

    private void configureTable() {
        serverColumn.setCellValueFactory(c -> constant(c.getValue().server()));
        userColumn.setCellValueFactory(c -> constant(c.getValue().user()));
        userColumn.setCellFactory(c -> new SessionCells.UserCell<>());
        clientColumn.setCellValueFactory(c -> constant(c.getValue().client()));
        startColumn.setCellValueFactory(c -> constant(c.getValue().interval().start().orElse(null)));
        startColumn.setCellFactory(c -> timeCell("Not reported at this level; see Last seen"));
        endColumn.setCellValueFactory(c -> constant(c.getValue().interval()));
        endColumn.setCellFactory(c -> new EndCell());
        lastSeenColumn.setCellValueFactory(c -> constant(c.getValue().interval().lastSeen()));
        lastSeenColumn.setCellFactory(c -> timeCell(null));
        opensColumn.setCellValueFactory(c -> constant(c.getValue().interval().maxOpens().isPresent()
                ? c.getValue().interval().maxOpens().getAsLong() : null));
        opensColumn.setCellFactory(c -> new SessionCells.NumberCell<>(String::valueOf, LEVEL));
        clientTypeColumn.setCellValueFactory(c -> constant(c.getValue().interval().clientType()));
        clientTypeColumn.setCellFactory(c -> new SessionCells.LevelTextCell<>(LEVEL));
        transportColumn.setCellValueFactory(c -> constant(c.getValue().interval().transport()));
        transportColumn.setCellFactory(c -> new SessionCells.LevelTextCell<>(LEVEL));
        startColumn.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        endColumn.setComparator(Comparator.comparing(i -> i.end().orElse(Instant.MAX)));

        SortedList<HistoryRow> sorted = new SortedList<>(model.shownRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSortOrder().setAll(List.of(serverColumn, userColumn));
        Label empty = new Label("Pick a time, then Show: the sessions open then appear here.");
        empty.getStyleClass().add("placeholder-hint");
        table.setPlaceholder(empty);
        table.setRowFactory(t -> {
            TableRow<HistoryRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    timelineOf(Party.USER, row.getItem().user());
                }
            });
            return row;
        });
        table.setContextMenu(contextMenu());
    }

    private ContextMenu contextMenu() {
        ContextMenu menu = new ContextMenu(new MenuItem("…"));
        menu.setOnShowing(e -> {
            menu.getItems().clear();
            HistoryRow row = table.getSelectionModel().getSelectedItem();
            if (row == null) {
                MenuItem none = new MenuItem("Select a session first");
                none.setDisable(true);
                menu.getItems().add(none);
                return;
            }
            var filters = model.filters();
            menu.getItems().addAll(HistoryMenu.items(row.user(), row.client(), this::timelineOf));
            menu.getItems().addAll(new SeparatorMenuItem(),
                    HistoryMenu.item("Show only user " + HistoryMenu.shown(row.user()), "mdal-filter_alt",
                            () -> filters.showOnly(FilterChip.Kind.USER, row.user())),
                    HistoryMenu.item("Show only client " + HistoryMenu.shown(row.client()), "mdal-filter_alt",
                            () -> filters.showOnly(FilterChip.Kind.CLIENT, row.client())),
                    HistoryMenu.item("Hide user " + HistoryMenu.shown(row.user()), "mdmz-visibility_off",
                            () -> filters.hide(FilterChip.Kind.USER, row.user())));
        });
        return menu;
    }

    private void timelineOf(Party party, String name) {
        partyBox.setValue(party);
        nameField.setText(name);
        model.showTimeline(party, name);
    }

    private void configureTimeline() {
        partyBox.getItems().setAll(Party.values());
        partyBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Party party) {
                return party == null ? "" : party == Party.USER ? "user" : "client";
            }

            @Override
            public Party fromString(String text) {
                return Party.valueOf(text.toUpperCase(java.util.Locale.ROOT));
            }
        });
        partyBox.setValue(Party.USER);
        colourBox.getItems().setAll(Timeline.ColourBy.values());
        colourBox.valueProperty().bindBidirectional(model.colourByProperty());
        timelineSummary.textProperty().bind(model.timelineSummaryProperty());
        timeline = new TimelineView(model);
        timeline.setId("timeline");
        timelineScroll.setContent(timeline);
        model.timelineProperty().subscribe(t -> {
            if (t != null) {
                partyBox.setValue(t.question().party());
                nameField.setText(t.question().name());
            }
            rebuildLegend();
        });
        model.colourByProperty().subscribe(c -> rebuildLegend());
    }

    private void rebuildLegend() {
        legend.getChildren().clear();
        Timeline shown = model.getTimeline();
        if (shown == null || shown.answer().intervals().isEmpty()) {
            return;
        }
        List<String> categories = shown.categories(model.colourByProperty().get());
        for (int i = 0; i < categories.size(); i++) {
            legend.getChildren().add(swatch(categories.get(i), "-fx-background-color: "
                    + TimelineView.colourOf(i) + ";", "timeline-swatch"));
        }
        legend.getChildren().add(swatch("not answering", null, "timeline-gap", "not-answering"));
        legend.getChildren().add(swatch("nobody watching", null, "timeline-gap", "not-watched"));
    }

    private static Label swatch(String text, String style, String... styleClasses) {
        Region box = new Region();
        box.getStyleClass().addAll(styleClasses);
        box.getStyleClass().add("legend-box");
        box.setMinSize(14, 14);
        box.setPrefSize(14, 14);
        if (style != null) {
            box.setStyle(style);
        }
        Label label = new Label(text, box);
        label.setMnemonicParsing(false);
        label.getStyleClass().add("timeline-legend-item");
        return label;
    }

    /** The timeline view, for the window's tests and screenshots. */
    public TimelineView timeline() {
        return timeline;
    }

    public TableView<HistoryRow> table() {
        return table;
    }

    @FXML
    private void showAt() {
        model.showAt();
    }

    @FXML
    private void showTimeline() {
        String name = nameField.getText() == null ? "" : nameField.getText().strip();
        if (!name.isEmpty()) {
            model.showTimeline(Optional.ofNullable(partyBox.getValue()).orElse(Party.USER), name);
        }
    }

    @FXML
    private void clearFilters() {
        model.filters().clear();
    }

    @FXML
    private void zoomIn() {
        model.zoom(0.5, 0.5);
    }

    @FXML
    private void zoomOut() {
        model.zoom(2, 0.5);
    }

    @FXML
    private void fit() {
        model.fit();
    }

    @FXML
    private void exportTable() {
        export(HistoryViewModel.Shown.TABLE, "history-at");
    }

    @FXML
    private void exportTimeline() {
        export(HistoryViewModel.Shown.TIMELINE, "history-timeline");
    }

    private void export(HistoryViewModel.Shown which, String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export history");
        chooser.setInitialFileName(name + ".csv");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV (Excel)", "*.csv"),
                new FileChooser.ExtensionFilter("JSON", "*.json"));
        File file = chooser.showSaveDialog(table.getScene().getWindow());
        if (file != null) {
            model.export(which, file.toPath());
        }
    }

    private static <T> ObservableValue<T> constant(T value) {
        return new ReadOnlyObjectWrapper<>(value);
    }

    private TableCell<HistoryRow, Instant> timeCell(String missing) {
        ZoneId zone = model.zone();
        return new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "—" : TIME.format(item.atZone(zone)));
                setTooltip(!empty && item == null && missing != null ? new javafx.scene.control.Tooltip(missing)
                        : null);
            }
        };
    }

    /** "still connected" for an open interval, else its end and why. */
    private final class EndCell extends TableCell<HistoryRow, HistoryInterval> {
        @Override
        protected void updateItem(HistoryInterval item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            if (item.isOpen()) {
                setText("still connected");
                setGraphic(new FontIcon("mdmz-radio_button_checked"));
                return;
            }
            setGraphic(null);
            String reason = item.endReason().map(r -> switch (r) {
                case DISCONNECTED -> "";
                case SERVER_REMOVED -> " (server no longer polled)";
                case UNOBSERVED -> " (recording stopped)";
            }).orElse("");
            setText(TIME.format(item.end().get().atZone(model.zone())) + reason);
        }
    }
}
