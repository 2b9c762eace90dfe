package org.sessionwatch.ui.files;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The audit log viewer's table (Help › Audit log). */
public final class AuditLogController {
    private final AuditLogViewModel viewModel;

    @FXML private Label status;
    @FXML private TableView<AuditLogViewModel.Entry> table;
    @FXML private TableColumn<AuditLogViewModel.Entry, String> timeColumn;
    @FXML private TableColumn<AuditLogViewModel.Entry, String> actorColumn;
    @FXML private TableColumn<AuditLogViewModel.Entry, String> actionColumn;
    @FXML private TableColumn<AuditLogViewModel.Entry, String> serverColumn;
    @FXML private TableColumn<AuditLogViewModel.Entry, String> targetColumn;
    @FXML private TableColumn<AuditLogViewModel.Entry, String> outcomeColumn;
    @FXML private TableColumn<AuditLogViewModel.Entry, String> detailColumn;

    public AuditLogController(AuditLogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        status.textProperty().bind(viewModel.statusProperty());
        table.setItems(viewModel.entries());
        table.setPlaceholder(new Label("No actions recorded."));
        column(timeColumn, AuditLogViewModel.Entry::time);
        column(actorColumn, AuditLogViewModel.Entry::actor);
        column(actionColumn, AuditLogViewModel.Entry::action);
        column(serverColumn, AuditLogViewModel.Entry::server);
        column(targetColumn, AuditLogViewModel.Entry::target);
        column(outcomeColumn, AuditLogViewModel.Entry::outcome);
        column(detailColumn, AuditLogViewModel.Entry::detail);
        viewModel.load();
    }

    private static void column(TableColumn<AuditLogViewModel.Entry, String> column,
                               Function<AuditLogViewModel.Entry, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }
}
