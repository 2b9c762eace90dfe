package org.sessionwatch.ui.servers;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.sessionwatch.format.HumanDurations;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.ui.common.DistinctValue;
import org.sessionwatch.ui.common.LocalLayoutLabel;
import org.sessionwatch.ui.common.RestyleOnChangeTableSkin;

/** The server health list and the explanation of the selected server's state. */
public final class ServerListController {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ServerHealthModel model;
    private final ZoneId zone;

    @FXML private SplitPane split;
    @FXML private Label summary;
    @FXML private TableView<ServerHealth> table;
    @FXML private TableColumn<ServerHealth, StateShown> stateColumn;
    @FXML private TableColumn<ServerHealth, String> nameColumn;
    @FXML private TableColumn<ServerHealth, SessionCount> sessionsColumn;
    @FXML private TableColumn<ServerHealth, Levels> levelColumn;
    @FXML private TableColumn<ServerHealth, Instant> lastSuccessColumn;
    @FXML private TableColumn<ServerHealth, Duration> durationColumn;
    @FXML private VBox noSelection;
    @FXML private VBox explanation;
    @FXML private FontIcon explanationIcon;
    @FXML private Label explanationTitle;
    @FXML private LocalLayoutLabel explanationMessageLine;
    private Label explanationMessage;
    @FXML private Label explanationRemedy;
    @FXML private LocalLayoutLabel explanationFactsLine;
    private Label explanationFacts;

    private final Consumer<String> showOnlyServer;

    /** @param showOnlyServer filters the session table to one server (double-click, Enter or the context menu) */
    public ServerListController(ServerHealthModel model, ZoneId zone, Consumer<String> showOnlyServer) {
        this.model = model;
        this.zone = zone;
        this.showOnlyServer = showOnlyServer;
    }

    @FXML
    private void initialize() {
        // The message (an OK server's session count) and the facts (last success, duration) change with every poll
        // of the selected server: labels that lay out only themselves while their height stays.
        explanationMessage = explained(explanationMessageLine, "explanationMessage", "explanation-message");
        explanationFacts = explained(explanationFactsLine, "explanationFacts", "explanation-facts");
        table.setItems(model.servers());
        table.setSkin(new RestyleOnChangeTableSkin<>(table));
        // A handful of servers: fill the pane's width rather than leave an empty band on the right.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label("No server is configured. Add servers in Settings (Ctrl+,).");
        empty.getStyleClass().add("placeholder-hint");
        table.setPlaceholder(empty);
        // Each cell shows a small value derived from the server's snapshot, which tells the cell only when what it
        // shows changed: a poll re-draws the cells whose text changed, without re-creating the table's cells
        // (table.refresh() cost ~30 ms a poll) and without leaving a binding behind whenever a cell is re-indexed.
        stateColumn.setCellValueFactory(c -> shown(c.getValue(), s -> new StateShown(s.state(), s.stale(), s.error())));
        stateColumn.setCellFactory(c -> new StateCell());
        stateColumn.setComparator(Comparator.comparing(StateShown::state));
        nameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getName()));
        sessionsColumn.setCellValueFactory(c -> shown(c.getValue(),
                s -> new SessionCount(s.sessionCount(), s.lastSuccess() != null, s.stale())));
        sessionsColumn.setCellFactory(c -> new SessionsCell());
        levelColumn.setCellValueFactory(c -> shown(c.getValue(), s -> new Levels(s.level(), s.requestedLevel())));
        levelColumn.setCellFactory(c -> new LevelCell());
        levelColumn.setSortable(false);
        lastSuccessColumn.setCellValueFactory(c -> shown(c.getValue(), ServerHealth.Snapshot::lastSuccess));
        lastSuccessColumn.setCellFactory(c -> new TextCell<>(t -> t == null ? "never" : CLOCK.format(t.atZone(zone))));
        durationColumn.setCellValueFactory(c -> shown(c.getValue(), ServerHealth.Snapshot::duration));
        durationColumn.setCellFactory(c -> new TextCell<>(d -> d == null ? "" : HumanDurations.ofPoll(d)));
        durationColumn.setStyle("-fx-alignment: CENTER-RIGHT;");

        var selected = table.getSelectionModel().selectedItemProperty();
        explanation.visibleProperty().bind(selected.isNotNull());
        noSelection.visibleProperty().bind(selected.isNull());
        selected.addListener((obs, old, now) -> explain());
        model.servers().addListener((javafx.beans.InvalidationListener) o -> updateSummary());
        model.updatesProperty().addListener(o -> refresh());
        table.setRowFactory(t -> {
            TableRow<ServerHealth> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    showOnlyServer.accept(row.getItem().getName());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            ServerHealth selectedServer = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selectedServer != null) {
                showOnlyServer.accept(selectedServer.getName());
                e.consume();
            }
        });
        MenuItem only = new MenuItem("Show only this server's sessions");
        only.setOnAction(e -> {
            ServerHealth selectedServer = table.getSelectionModel().getSelectedItem();
            if (selectedServer != null) {
                showOnlyServer.accept(selectedServer.getName());
            }
        });
        // How to show only a server's sessions is said in the explanation pane, not in a tooltip of the whole table:
        // JavaFX shows the tooltip of the outermost node under the pointer, so that one hid the state cells' own.
        table.setContextMenu(new ContextMenu(only));
        updateSummary();
    }

    private static Label explained(LocalLayoutLabel line, String id, String styleClass) {
        Label label = line.label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        return label;
    }

    /** Re-explains after each poll, since the selected server's state may have changed; the cells update themselves. */
    public void refresh() {
        explain();
        updateSummary();
    }

    public SplitPane split() {
        return split;
    }

    private void updateSummary() {
        long ok = model.okCount();
        long failing = model.failingCount();
        summary.setText(model.servers().size() + " watched · " + ok + " OK" + (failing > 0 ? " · " + failing + " failing" : ""));
    }

    private void explain() {
        ServerHealth server = table.getSelectionModel().getSelectedItem();
        if (server == null) {
            return;
        }
        ServerDetails details = ServerDetails.of(server, zone);
        showState(explanationIcon, server.getState());
        explanationTitle.setText(details.title());
        explanationMessage.setText(details.message());
        explanationRemedy.setText(details.remedy());
        explanationRemedy.setVisible(!details.remedy().isEmpty());
        explanationRemedy.setManaged(!details.remedy().isEmpty());
        explanationFacts.setText(details.facts());
    }

    /**
     * The state's icon and colour. The style classes are replaced only when the severity changed: a new class list
     * makes JavaFX look up the icon's styles from scratch, and every poll re-shows every visible server.
     */
    private static void showState(FontIcon icon, ServerState state) {
        icon.setIconLiteral(state.iconLiteral());
        List<String> classes = List.of("ikonli-font-icon", "state-icon", severityClass(state));
        if (!icon.getStyleClass().equals(classes)) {
            icon.getStyleClass().setAll(classes);
        }
    }

    static String severityClass(ServerState state) {
        return "severity-" + state.severity().name().toLowerCase(Locale.ROOT);
    }

    private static <T> ObservableValue<T> shown(ServerHealth server, Function<ServerHealth.Snapshot, T> part) {
        return new DistinctValue<>(server.snapshotProperty(), part);
    }

    /** What the state column shows: the state, whether the sessions listed are stale, and the error. */
    record StateShown(ServerState state, boolean stale, NetApiError error) {
    }

    /**
     * Icon and title of the state, with the full explanation as tooltip (written when it is about to show). The
     * tooltip, a window of its own, is made when the pointer first enters the cell, not with the window's first rows.
     */
    private final class StateCell extends TableCell<ServerHealth, StateShown> {
        private final FontIcon icon = new FontIcon();
        private Tooltip tip;

        StateCell() {
            setGraphicTextGap(8);
            addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
                if (!isEmpty() && getItem() != null && getTooltip() == null) {
                    setTooltip(tip());
                }
            });
        }

        private Tooltip tip() {
            if (tip == null) {
                tip = new Tooltip();
                tip.setWrapText(true);
                tip.setMaxWidth(420);
                tip.setOnShowing(e -> {
                    ServerHealth server = getTableRow() == null ? null : getTableRow().getItem();
                    if (server != null) {
                        ServerDetails details = ServerDetails.of(server, zone);
                        tip.setText(details.message()
                                + (details.remedy().isEmpty() ? "" : "\n\n" + details.remedy()));
                    }
                });
            }
            return tip;
        }

        @Override
        protected void updateItem(StateShown item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            showState(icon, item.state());
            setText(item.state().title() + (item.stale() ? " · stale" : ""));
            setGraphic(icon);
            setTooltip(tip);
        }
    }

    /** What the Sessions column shows: the count, unknown before the first success, marked while stale. */
    record SessionCount(int count, boolean known, boolean stale) implements Comparable<SessionCount> {
        @Override
        public int compareTo(SessionCount other) {
            return Integer.compare(known ? count : -1, other.known ? other.count : -1);
        }
    }

    /** The level obtained and the one asked for. */
    record Levels(InfoLevel level, InfoLevel requested) {
    }

    private static final class SessionsCell extends TableCell<ServerHealth, SessionCount> {
        SessionsCell() {
            setAlignment(Pos.CENTER_RIGHT);
        }

        @Override
        protected void updateItem(SessionCount item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null || !item.known()) {
                setText(empty ? null : "—");
                return;
            }
            setText(item.count() + (item.stale() ? " (stale)" : ""));
        }
    }

    /** "502", or "10 (502 refused)" when the server fell back to a lower level. */
    private static final class LevelCell extends TableCell<ServerHealth, Levels> {
        @Override
        protected void updateItem(Levels item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null || item.level() == null) {
                setText(empty ? null : "—");
                setTooltip(null);
                return;
            }
            InfoLevel level = item.level();
            InfoLevel requested = item.requested();
            boolean fellBack = requested != null && requested != level;
            setText(fellBack ? level + " (asked " + requested + ")" : level.toString());
            setTooltip(fellBack ? new Tooltip("The server refused level " + requested + " and answered at level "
                    + level + ": some columns are not available for its sessions.") : null);
        }
    }

    private static final class TextCell<T> extends TableCell<ServerHealth, T> {
        private final Function<T, String> format;

        TextCell(Function<T, String> format) {
            this.format = format;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : format.apply(item));
        }
    }
}
