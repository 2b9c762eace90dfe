package org.sessionwatch.ui.sessions;

import java.util.function.Supplier;

import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The details pane: a placeholder until a session is selected, then the session ({@link DetailsContentController}).
 * That content, with its grid and the session's open-files table, is loaded when a session is first selected: hidden
 * until then, it would cost the window's first frame its loading, styling and layout (BENCHMARKS.md, start-up).
 */
public final class DetailsController {
    private final ObservableValue<Boolean> selected;
    private final Supplier<Node> content;

    @FXML private StackPane stack;
    @FXML private VBox placeholder;

    /** @param content loads the pane's content ({@code details-content.fxml}); called once, on the FX thread */
    public DetailsController(DetailsViewModel viewModel, Supplier<Node> content) {
        this.selected = viewModel.rowProperty().map(row -> true).orElse(false);
        this.content = content;
    }

    @FXML
    private void initialize() {
        placeholder.visibleProperty().bind(selected.map(shown -> !shown));
        selected.subscribe(shown -> {
            if (shown && stack.getChildren().size() == 1) {
                Node loaded = content.get();
                loaded.visibleProperty().bind(selected);
                stack.getChildren().add(loaded);
            }
        });
    }
}
