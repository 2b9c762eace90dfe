package org.sessionwatch.ui.files;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import atlantafx.base.controls.CustomTextField;
import org.kordamp.ikonli.javafx.FontIcon;
import org.sessionwatch.ui.common.Clipboards;
import org.sessionwatch.ui.sessions.FilterControls;

/**
 * The "Open files" tab: the table of every server's open files with the path search, the filter chips, a line per
 * server that could not be listed, and the selected file's details (the raw path, id, permission bits). The rows'
 * actions come from {@code actionItems}; in read-only mode it gives none.
 */
public final class OpenFilesController {
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final OpenFilesViewModel viewModel;
    private final Function<List<FileRow>, List<MenuItem>> actionItems;
    /** The files selected before a refresh replaced the rows. */
    private Set<String> selectedKeys = Set.of();

    @FXML private Label summary;
    @FXML private ProgressIndicator loading;
    @FXML private CustomTextField pathSearch;
    @FXML private HBox chipBar;
    @FXML private FlowPane chips;
    @FXML private VBox problems;
    @FXML private TableView<FileRow> table;
    @FXML private TableColumn<FileRow, String> serverColumn;
    @FXML private TableColumn<FileRow, String> userColumn;
    @FXML private TableColumn<FileRow, String> clientColumn;
    @FXML private TableColumn<FileRow, String> nameColumn;
    @FXML private TableColumn<FileRow, String> pathColumn;
    @FXML private TableColumn<FileRow, Long> locksColumn;
    @FXML private TableColumn<FileRow, String> permissionsColumn;
    @FXML private Label detailsTitle;
    @FXML private Label detailsText;

    /** @param actionItems the context menu's actions for the selected rows (none in read-only mode) */
    public OpenFilesController(OpenFilesViewModel viewModel, Function<List<FileRow>, List<MenuItem>> actionItems) {
        this.viewModel = viewModel;
        this.actionItems = actionItems;
    }

    @FXML
    private void initialize() {
        summary.textProperty().bind(viewModel.summaryProperty());
        loading.visibleProperty().bind(viewModel.loadingProperty());
        loading.managedProperty().bind(loading.visibleProperty());
        pathSearch.textProperty().bindBidirectional(viewModel.filters().quickSearchProperty());
        FilterControls.bindChips(viewModel.filters(), chipBar, chips);
        configureColumns();
        // A few thousand rows at most per refresh: the table sorts its own (already filtered) list.
        SortedList<FileRow> sorted = new SortedList<>(viewModel.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSortOrder().setAll(List.of(serverColumn, userColumn, pathColumn));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        keepSelectionAcrossRefreshes();
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(FileRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(STALE, !empty && row != null && row.stale());
            }
        });
        table.setContextMenu(contextMenu());
        table.setPlaceholder(new Label("No open files match. Clear the path search or the filters, or wait for"
                + " the servers to answer."));
        table.getSelectionModel().selectedItemProperty().subscribe(this::showDetails);
        viewModel.servers().addListener((ListChangeListener<ServerFiles>) c -> showProblems());
        showProblems();
    }

    private void configureColumns() {
        serverColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().server()));
        userColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().user()));
        clientColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().client() == null ? ""
                : c.getValue().client()));
        nameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().fileName()));
        pathColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().path()));
        locksColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().file().locks()));
        permissionsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().permissionsText()));
    }

    /** Each refresh replaces the rows; the files that are still open stay selected. */
    private void keepSelectionAcrossRefreshes() {
        viewModel.rows().addListener((ListChangeListener<FileRow>) c -> {
            Set<String> wanted = selectedKeys;
            if (wanted.isEmpty()) {
                return;
            }
            var selection = table.getSelectionModel();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (wanted.contains(table.getItems().get(i).key())) {
                    selection.select(i);
                }
            }
        });
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<FileRow>) c -> {
            if (!table.getSelectionModel().getSelectedItems().isEmpty()) {
                selectedKeys = table.getSelectionModel().getSelectedItems().stream().map(FileRow::key)
                        .collect(Collectors.toSet());
            }
        });
    }

    private ContextMenu contextMenu() {
        return FilterControls.rowMenu("Select an open file first", () -> {
            FileRow row = table.getSelectionModel().getSelectedItem();
            if (row == null) {
                return List.of();
            }
            List<MenuItem> items = new java.util.ArrayList<>(FilterControls.menuItems(viewModel.filters(),
                    row.user(), row.client(), row.server()));
            items.add(new SeparatorMenuItem());
            items.add(FilterControls.item("Copy path", "mdal-content_copy", () -> Clipboards.putText(row.path())));
            List<MenuItem> actions = actionItems.apply(selected());
            if (!actions.isEmpty()) {
                items.add(new SeparatorMenuItem());
                items.addAll(actions);
            }
            return items;
        });
    }

    private void showProblems() {
        problems.getChildren().clear();
        for (ServerFiles server : viewModel.servers()) {
            if (server.state() == ServerFiles.State.FAILED || server.state() == ServerFiles.State.UNSUPPORTED) {
                Label line = new Label(server.problemText(), new FontIcon(server.state() == ServerFiles.State.FAILED
                        ? "mdal-error_outline" : "mdal-block"));
                line.setWrapText(true);
                line.getStyleClass().addAll("server-problem",
                        server.state() == ServerFiles.State.FAILED ? "failed" : "unsupported");
                problems.getChildren().add(line);
            }
        }
        problems.setVisible(!problems.getChildren().isEmpty());
        problems.setManaged(problems.isVisible());
    }

    private void showDetails(FileRow row) {
        if (row == null) {
            detailsTitle.setText("");
            detailsText.setText("Select a file to see its full path, id and permissions.");
            return;
        }
        detailsTitle.setText(row.fileName() + " on " + row.server());
        String state = row.stale() ? "\nStale: " + row.server() + " did not answer the last listing; this is the"
                + " last known state, and no action is offered on it." : "";
        detailsText.setText("Path as reported: " + (row.path().isEmpty() ? "not provided at level 2" : row.path())
                + "\nOpened by: " + (row.user().isEmpty() ? "not provided at level 2" : row.user())
                + (row.client() == null ? " (client unknown: the user has no single session on this server)"
                : " from " + row.client())
                + "\nFile id: " + row.id() + "    Locks: " + (row.file().locks() == null ? "not provided"
                : row.file().locks())
                + "    Permissions: " + FilePermissionsText.detail(row.file().permissions())
                + "    Level: " + row.file().level().code() + state);
    }

    /** The selected rows, in table order. */
    List<FileRow> selected() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    TableView<FileRow> table() {
        return table;
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void clearFilters() {
        viewModel.filters().clear();
    }
}
