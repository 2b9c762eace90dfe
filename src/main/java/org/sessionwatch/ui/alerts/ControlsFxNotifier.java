package org.sessionwatch.ui.alerts;

import java.util.function.Supplier;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;

import org.controlsfx.control.Notifications;
import org.sessionwatch.alerts.Alert;

/**
 * Desktop notifications through ControlsFX: a small popup in the corner of the screen the window is on, hidden
 * after a few seconds; a click opens what the alert is about. When many show at once, ControlsFX folds them into one
 * that points to the Alerts tab.
 */
public final class ControlsFxNotifier implements AlertNotifier {
    private static final Duration SHOWN_FOR = Duration.seconds(8);
    /** More notifications on screen than this become one summary. */
    private static final int THRESHOLD = 4;

    private final Supplier<Window> owner;

    /** @param owner the window the notifications belong to (its screen), or null before it is shown */
    public ControlsFxNotifier(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void show(Alert alert, Runnable open) {
        Window window = owner.get();
        Notifications notification = Notifications.create()
                .title(alert.rule())
                .text(alert.text())
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(SHOWN_FOR)
                .threshold(THRESHOLD, Notifications.create().title("SessionWatch alerts")
                        .text("More alerts fired: see the Alerts tab").position(Pos.BOTTOM_RIGHT).hideAfter(SHOWN_FOR))
                .onAction(event -> open.run());
        if (window != null) {
            notification.owner(window);
        }
        if (alert.isSummary()) {
            notification.showInformation();
        } else {
            notification.showWarning();
        }
    }
}
