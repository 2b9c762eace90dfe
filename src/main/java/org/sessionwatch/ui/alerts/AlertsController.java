package org.sessionwatch.ui.alerts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

import org.sessionwatch.alerts.Alert;

/** Binds the Alerts tab to its {@link AlertsViewModel}: the list, acknowledge (selected, all) and clear. */
public final class AlertsController {
    private static final PseudoClass UNACKNOWLEDGED = PseudoClass.getPseudoClass("unacknowledged");
    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter EARLIER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AlertsViewModel model;
    private final Consumer<Alert> open;
    private final ZoneId zone;

    @FXML private TableView<AlertItem> alertTable;
    @FXML private TableColumn<AlertItem, String> timeColumn;
    @FXML private TableColumn<AlertItem, String> ruleColumn;
    @FXML private TableColumn<AlertItem, String> subjectColumn;
    @FXML private TableColumn<AlertItem, String> textColumn;
    @FXML private TableColumn<AlertItem, Boolean> ackColumn;
    @FXML private Button acknowledgeButton;
    @FXML private Button acknowledgeAllButton;
    @FXML private Button clearButton;
    @FXML private Label notes;

    /** @param open what opening a row does (double-click, Enter): select its session or server */
    public AlertsController(AlertsViewModel model, Consumer<Alert> open, ZoneId zone) {
        this.model = model;
        this.open = open;
        this.zone = zone;
    }

    @FXML
    private void initialize() {
        alertTable.setItems(model.items());
        alertTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        timeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(time(c.getValue().alert().time())));
        ruleColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().alert().rule()));
        subjectColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().subject()));
        textColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().alert().text()));
        ackColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().isAcknowledged()));
        ackColumn.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Boolean item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item ? "yes" : "new");
            }
        });
        alertTable.setRowFactory(table -> {
            TableRow<AlertItem> row = new TableRow<>() {
                @Override
                protected void updateItem(AlertItem item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(UNACKNOWLEDGED, !empty && item != null && !item.isAcknowledged());
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem().alert());
                }
            });
            return row;
        });
        alertTable.setOnKeyPressed(e -> {
            AlertItem item = alertTable.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && item != null) {
                open.accept(item.alert());
            }
        });
        acknowledgeButton.disableProperty().bind(alertTable.getSelectionModel().selectedItemProperty().isNull());
        acknowledgeAllButton.disableProperty().bind(model.unacknowledgedProperty().isEqualTo(0));
        clearButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.items()));
        notes.textProperty().bind(model.notesProperty());
        notes.visibleProperty().bind(model.notesProperty().isNotEmpty());
        notes.managedProperty().bind(notes.visibleProperty());
    }

    /** Today's alerts by their time of day; older ones (a window open overnight) with their date. */
    private String time(java.time.Instant at) {
        java.time.ZonedDateTime local = at.atZone(zone);
        return local.toLocalDate().equals(java.time.LocalDate.now(zone)) ? TODAY.format(local) : EARLIER.format(local);
    }

    @FXML
    private void acknowledgeSelected() {
        model.acknowledge(List.copyOf(alertTable.getSelectionModel().getSelectedItems()));
        alertTable.refresh();
    }

    @FXML
    private void acknowledgeAll() {
        model.acknowledgeAll();
        alertTable.refresh();
    }

    @FXML
    private void clear() {
        model.clear();
    }

    public TableView<AlertItem> table() {
        return alertTable;
    }
}
