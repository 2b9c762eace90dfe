package org.sessionwatch.ui.files;

import java.util.List;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import org.sessionwatch.ui.sessions.FilterControls;

/** The selected session's open files in the details pane: a sentence for each state, the files in a small table. */
public final class SessionFilesController {
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    private final SessionFilesViewModel viewModel;
    private final Function<List<FileRow>, List<MenuItem>> actionItems;

    @FXML private Label message;
    @FXML private TableView<FileRow> table;
    @FXML private TableColumn<FileRow, String> nameColumn;
    @FXML private TableColumn<FileRow, String> permissionsColumn;
    @FXML private TableColumn<FileRow, Long> locksColumn;
    @FXML private TableColumn<FileRow, Long> idColumn;

    public SessionFilesController(SessionFilesViewModel viewModel,
                                  Function<List<FileRow>, List<MenuItem>> actionItems) {
        this.viewModel = viewModel;
        this.actionItems = actionItems;
    }

    @FXML
    private void initialize() {
        message.textProperty().bind(viewModel.messageProperty());
        viewModel.stateProperty().subscribe(state -> {
            boolean hasFiles = state == SessionFilesViewModel.State.FILES;
            table.setVisible(hasFiles);
            table.setManaged(hasFiles);
            message.pseudoClassStateChanged(PROBLEM, state == SessionFilesViewModel.State.FAILED
                    || state == SessionFilesViewModel.State.UNSUPPORTED);
            boolean any = state != SessionFilesViewModel.State.NO_SESSION;
            message.getParent().setVisible(any);
            message.getParent().setManaged(any);
        });
        table.setItems(viewModel.files());
        // The details pane is narrow: the columns share its width (the file name takes what is left).
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        nameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().fileName()));
        permissionsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().permissionsText()));
        locksColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().file().locks()));
        idColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().id()));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(FileRow row, boolean empty) {
                super.updateItem(row, empty);
                setTooltip(empty || row == null ? null : new Tooltip(row.path().isEmpty() ? "file id " + row.id()
                        : row.path()));
            }
        });
        table.setContextMenu(FilterControls.rowMenu("No action: select a file (none in read-only mode)",
                () -> actionItems.apply(selected())));
    }

    List<FileRow> selected() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    TableView<FileRow> table() {
        return table;
    }
}
