package org.sessionwatch.ui.alerts;

import java.util.Objects;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import org.sessionwatch.alerts.Alert;

/** One row of the Alerts tab: a fired alert and whether someone has acknowledged it. FX thread. */
public final class AlertItem {
    private final Alert alert;
    private final boolean kept;
    private final ReadOnlyBooleanWrapper acknowledged = new ReadOnlyBooleanWrapper(this, "acknowledged");

    /** @param kept read back from where alerts are kept (an earlier run), not fired while this window watched */
    AlertItem(Alert alert, boolean kept) {
        this.alert = Objects.requireNonNull(alert, "alert");
        this.kept = kept;
    }

    public Alert alert() {
        return alert;
    }

    public boolean isKept() {
        return kept;
    }

    /** What the alert is about, as the table's Subject column shows it: server, client and user that are known. */
    public String subject() {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {alert.server(), alert.client(), alert.user()}) {
            if (part != null) {
                text.append(text.isEmpty() ? "" : " · ").append(part);
            }
        }
        return text.isEmpty() ? "—" : text.toString();
    }

    public boolean isAcknowledged() {
        return acknowledged.get();
    }

    public ReadOnlyBooleanProperty acknowledgedProperty() {
        return acknowledged.getReadOnlyProperty();
    }

    void acknowledge() {
        acknowledged.set(true);
    }
}
