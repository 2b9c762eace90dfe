package org.sessionwatch.ui.alerts;

import org.sessionwatch.alerts.Alert;

/** Shows one fired alert outside the window's lists: a desktop notification. FX thread. */
@FunctionalInterface
public interface AlertNotifier {

    /** @param open what a click on the notification does (select the session or the server) */
    void show(Alert alert, Runnable open);
}
