package org.sessionwatch.ui.files;

import java.util.List;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;

/** The confirmation before a destructive action (Cancel is the default) and the list of outcomes after it. */
final class ActionDialogs {

    private ActionDialogs() {
    }

    /** Shows {@code plan} and waits; true only when the person pressed the action's own button. */
    static boolean confirm(Window owner, ActionPlan plan) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(plan.title());
        dialog.setHeaderText(plan.title());
        dialog.setResizable(true);
        stylesLike(dialog, owner);
        VBox content = new VBox(10);
        content.getStyleClass().add("action-confirmation");
        content.getChildren().add(wrapped(plan.intro(), "action-intro"));
        Label items = wrapped(String.join("\n", plan.items().stream().map(i -> "•  " + i).toList()), "action-items");
        items.setId("action-items");
        ScrollPane scroll = new ScrollPane(items);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(220, 22.0 * plan.items().size() + 8));
        scroll.getStyleClass().add("action-items-scroll");
        content.getChildren().add(scroll);
        for (String warning : plan.warnings()) {
            Label line = wrapped(warning, "action-warning");
            line.setGraphic(new FontIcon("mdmz-warning"));
            content.getChildren().add(line);
        }
        if (plan.demo() != null) {
            Label demo = wrapped(plan.demo(), "action-demo");
            demo.setId("action-demo");
            demo.setGraphic(new FontIcon("mdmz-science"));
            content.getChildren().add(demo);
        }
        content.setPrefWidth(620);
        dialog.getDialogPane().setContent(content);
        ButtonType act = new ButtonType(plan.confirm(), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(act, ButtonType.CANCEL);
        // Enter must never close files by accident: Cancel is the default button, the action needs a click.
        Button actButton = (Button) dialog.getDialogPane().lookupButton(act);
        actButton.setDefaultButton(false);
        actButton.getStyleClass().add("danger");
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return dialog.showAndWait().filter(act::equals).isPresent();
    }

    /** Lists each item's outcome; a warning when any was refused or impossible. Does not wait. */
    static void showOutcomes(Window owner, String title, List<ActionOutcome> outcomes) {
        boolean allFine = outcomes.stream().allMatch(o -> o.succeeded() && o.auditFailure() == null);
        Alert alert = new Alert(allFine ? Alert.AlertType.INFORMATION : Alert.AlertType.WARNING);
        alert.initOwner(owner);
        alert.setTitle(title);
        long done = outcomes.stream().filter(ActionOutcome::succeeded).count();
        alert.setHeaderText(allFine ? title + ": done" : title + ": " + done + " of " + outcomes.size()
                + " done");
        stylesLike(alert, owner);
        Label text = wrapped(String.join("\n\n", outcomes.stream().map(ActionOutcome::text).toList()),
                "action-outcomes");
        text.setId("action-outcomes");
        ScrollPane scroll = new ScrollPane(text);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(320, 48.0 * outcomes.size() + 8));
        scroll.setPrefViewportWidth(620);
        alert.getDialogPane().setContent(scroll);
        alert.setResizable(true);
        alert.show();
    }

    /** Why {@code action} is not offered on the selection. Does not wait. */
    static void explain(Window owner, String action, String reason) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, reason + ".", ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(action);
        alert.setHeaderText(action + " is not possible on this selection");
        stylesLike(alert, owner);
        alert.show();
    }

    private static void stylesLike(Dialog<?> dialog, Window owner) {
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
    }

    private static Label wrapped(String text, String style) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.getStyleClass().add(style);
        return label;
    }
}
