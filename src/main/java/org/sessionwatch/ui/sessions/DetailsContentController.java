package org.sessionwatch.ui.sessions;

import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.sessionwatch.ui.common.LocalLayoutLabel;

/**
 * The selected session in the details pane ({@code details-content.fxml}): its fields as a two-column grid of labels
 * and values. The values and the status line are {@link LocalLayoutLabel}s: a poll changes some of them (the ages,
 * "as of"), and that must not lay out the window.
 */
public final class DetailsContentController {
    private static final PseudoClass ENDED = PseudoClass.getPseudoClass("ended");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final DetailsViewModel viewModel;
    private final ObservableValue<String> lastSeenText;

    @FXML private Label title;
    @FXML private LocalLayoutLabel statusLine;
    private Label status;
    @FXML private GridPane grid;
    private java.util.List<DetailLine> shown = java.util.List.of();
    private final java.util.List<Label> values = new java.util.ArrayList<>();
    @FXML private VBox lastSeenBox;
    @FXML private Label lastSeen;

    /** @param lastSeenText when the selected session's user and client were last seen before (from the history) */
    public DetailsContentController(DetailsViewModel viewModel, ObservableValue<String> lastSeenText) {
        this.viewModel = viewModel;
        this.lastSeenText = lastSeenText;
    }

    @FXML
    private void initialize() {
        status = statusLine.label();
        status.getStyleClass().add("details-status");
        status.setWrapText(true);
        title.textProperty().bind(viewModel.titleProperty());
        status.textProperty().bind(viewModel.statusProperty());
        viewModel.linesProperty().subscribe(this::rebuild);
        lastSeen.textProperty().bind(lastSeenText);
        lastSeenBox.visibleProperty().bind(lastSeen.textProperty().isNotEmpty());
        lastSeenBox.managedProperty().bind(lastSeenBox.visibleProperty());
        viewModel.endedProperty().subscribe(ended -> status.pseudoClassStateChanged(ENDED, ended));
        viewModel.staleProperty().flatMap(stale -> viewModel.endedProperty().map(ended -> stale && !ended))
                .subscribe(stale -> status.pseudoClassStateChanged(STALE, stale));
    }

    private void rebuild(java.util.List<DetailLine> lines) {
        if (sameLayout(lines)) {
            // A poll that only aged the session changes a few values: set in place, since new labels every poll
            // would cost the FX thread their styling.
            for (int i = 0; i < lines.size(); i++) {
                values.get(i).setText(lines.get(i).value());
            }
            shown = lines;
            return;
        }
        grid.getChildren().clear();
        values.clear();
        shown = lines;
        int rowIndex = 0;
        for (DetailLine line : lines) {
            Label label = new Label(line.label());
            label.getStyleClass().add("details-label");
            LocalLayoutLabel cell = new LocalLayoutLabel();
            Label value = cell.label();
            value.setText(line.value());
            value.getStyleClass().add(line.missing() ? "details-missing" : "details-value");
            value.setWrapText(true);
            value.setId("detail-" + line.label().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            grid.addRow(rowIndex++, label, cell);
            values.add(value);
        }
    }

    /** Whether the grid shows the same labels, each value missing or not alike. */
    private boolean sameLayout(java.util.List<DetailLine> lines) {
        if (lines.size() != shown.size()) {
            return false;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).label().equals(shown.get(i).label()) || lines.get(i).missing() != shown.get(i).missing()) {
                return false;
            }
        }
        return true;
    }
}
