package org.sessionwatch.ui.alerts;

import javafx.beans.binding.Bindings;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;

import org.kordamp.ikonli.javafx.FontIcon;
import org.sessionwatch.ui.common.FxmlViews;

/**
 * The Alerts tab (after the window's other views) with the count of unacknowledged alerts on its header, and the
 * same count in the status bar. The tab's content (table, controller) is built when it is first selected, so the
 * window's start does not pay for a view nobody opened; the count is there from the start.
 */
public final class AlertsTab {
    private AlertsTab() {
    }

    /**
     * @param views      the window's tab pane
     * @param statusSlot the status bar's place for the count
     * @param loader     loads {@code alerts/alerts.fxml} with its controller registered
     */
    public static Tab install(TabPane views, Pane statusSlot, AlertsViewModel model, FxmlViews loader) {
        Tab tab = new Tab("Alerts");
        tab.setId("alertsTab");
        tab.setClosable(false);
        FontIcon bell = new FontIcon("mdmz-notifications_none");
        Label badge = countBadge(model, "alert-badge");
        badge.setId("alertTabBadge");
        Label header = new Label(null, bell);
        header.setGraphicTextGap(0);
        javafx.scene.layout.HBox graphic = new javafx.scene.layout.HBox(4, header, badge);
        graphic.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        tab.setGraphic(graphic);
        tab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected && tab.getContent() == null) {
                tab.setContent(loader.load("alerts/alerts.fxml").root());
            }
        });
        views.getTabs().add(tab);

        Label status = countBadge(model, "status-alerts");
        status.setId("alertStatusBadge");
        status.textProperty().bind(Bindings.createStringBinding(() -> model.getUnacknowledged() == 1
                ? "1 new alert" : model.getUnacknowledged() + " new alerts", model.unacknowledgedProperty()));
        status.setGraphic(new FontIcon("mdmz-notifications_active"));
        status.setCursor(Cursor.HAND);
        status.setTooltip(new Tooltip("Alerts nobody has acknowledged yet: click to see them"));
        status.setOnMouseClicked(e -> views.getSelectionModel().select(tab));
        statusSlot.getChildren().setAll(status);
        // No gap in the status bar while there is nothing to count.
        statusSlot.managedProperty().bind(status.visibleProperty());
        return tab;
    }

    /** A label showing the unacknowledged count, hidden while it is zero. */
    private static Label countBadge(AlertsViewModel model, String styleClass) {
        Label label = new Label();
        label.getStyleClass().add(styleClass);
        label.textProperty().bind(model.unacknowledgedProperty().asString());
        label.visibleProperty().bind(model.unacknowledgedProperty().greaterThan(0));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
