package org.sessionwatch.ui.sessions;

import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Shows the selected session's fields as a two-column grid of labels and values. */
public final class DetailsController {
    private static final PseudoClass ENDED = PseudoClass.getPseudoClass("ended");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final DetailsViewModel viewModel;
    private final ObservableValue<String> lastSeenText;

    @FXML private VBox placeholder;
    @FXML private ScrollPane content;
    @FXML private Label title;
    @FXML private Label status;
    @FXML private GridPane grid;
    @FXML private VBox lastSeenBox;
    @FXML private Label lastSeen;

    /** @param lastSeenText when the selected session's user and client were last seen before (from the history) */
    public DetailsController(DetailsViewModel viewModel, ObservableValue<String> lastSeenText) {
        this.viewModel = viewModel;
        this.lastSeenText = lastSeenText;
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(viewModel.titleProperty());
        status.textProperty().bind(viewModel.statusProperty());
        var selected = viewModel.rowProperty().map(row -> true).orElse(false);
        content.visibleProperty().bind(selected);
        placeholder.visibleProperty().bind(selected.map(shown -> !shown));
        viewModel.linesProperty().subscribe(this::rebuild);
        lastSeen.textProperty().bind(lastSeenText);
        lastSeenBox.visibleProperty().bind(lastSeen.textProperty().isNotEmpty());
        lastSeenBox.managedProperty().bind(lastSeenBox.visibleProperty());
        viewModel.endedProperty().subscribe(ended -> status.pseudoClassStateChanged(ENDED, ended));
        viewModel.staleProperty().flatMap(stale -> viewModel.endedProperty().map(ended -> stale && !ended))
                .subscribe(stale -> status.pseudoClassStateChanged(STALE, stale));
    }

    private void rebuild(java.util.List<DetailLine> lines) {
        grid.getChildren().clear();
        int rowIndex = 0;
        for (DetailLine line : lines) {
            Label label = new Label(line.label());
            label.getStyleClass().add("details-label");
            Label value = new Label(line.value());
            value.getStyleClass().add(line.missing() ? "details-missing" : "details-value");
            value.setWrapText(true);
            value.setId("detail-" + line.label().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            grid.addRow(rowIndex++, label, value);
        }
    }
}
