package org.sessionwatch.ui.history;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;

import org.kordamp.ikonli.javafx.FontIcon;
import org.sessionwatch.ui.common.FxmlViews;

/**
 * Puts history into the window: the History tab, whose content is loaded the first time it is selected (the
 * window's start-up does not pay for a view nobody opened), and the status bar's history indicator.
 */
public final class HistoryTab {
    private HistoryTab() {
    }

    /**
     * Builds {@code tab}'s content on its first selection and brings it to the front whenever another view opens a
     * timeline ({@link HistoryViewModel#open}).
     */
    public static void install(Tab tab, FxmlViews views, HistoryViewModel model) {
        tab.selectedProperty().subscribe(selected -> {
            if (selected && tab.getContent() == null) {
                tab.setContent(views.load("history/history.fxml").root());
            }
        });
        model.openRequestsProperty().subscribe(requests -> {
            if (requests.intValue() > 0 && tab.getTabPane() != null) {
                tab.getTabPane().getSelectionModel().select(tab);
            }
        });
    }

    /** Shows the history indicator in a status bar label: the text, the detail as tooltip, red while failing. */
    public static void bindStatus(Label label, ObservableValue<HistoryIndicator> indicator) {
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        label.setTooltip(tip);
        FontIcon icon = new FontIcon();
        label.setGraphic(icon);
        indicator.subscribe(shown -> {
            label.setText(shown.text());
            tip.setText(shown.detail());
            icon.setIconLiteral(switch (shown.state()) {
                case RECORDING -> "mdal-history";
                case FAILING -> "mdal-error_outline";
                case OFF -> "mdmz-pause_circle_outline";
            });
            // The status bar's own error style (red), so a failing history is seen like a failing poll.
            label.getStyleClass().remove("status-error");
            if (shown.problem()) {
                label.getStyleClass().add("status-error");
            }
        });
    }
}
