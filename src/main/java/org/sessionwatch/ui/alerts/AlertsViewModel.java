package org.sessionwatch.ui.alerts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.sessionwatch.alerts.Alert;

/**
 * The Alerts tab's state: fired alerts newest first, which are acknowledged, and the count of those that are not
 * (the badge). Exists from the window's start, so the badge counts before anyone opens the tab. FX thread.
 */
public final class AlertsViewModel {
    /** Alerts kept in the list; older ones drop off (they are in the history database when history is on). */
    static final int MAX_ITEMS = 1_000;

    private final ObservableList<AlertItem> items =
            FXCollections.observableArrayList(item -> new Observable[] {item.acknowledgedProperty()});
    private final ObservableList<AlertItem> readOnlyItems = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyIntegerWrapper unacknowledged = new ReadOnlyIntegerWrapper(this, "unacknowledged");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");

    public AlertsViewModel() {
        items.addListener((javafx.collections.ListChangeListener<AlertItem>) change ->
                unacknowledged.set((int) items.stream().filter(item -> !item.isAcknowledged()).count()));
    }

    /** Alerts fired just now, newest first at the top. */
    public void fired(List<Alert> alerts) {
        List<AlertItem> added = new ArrayList<>(alerts.size());
        for (int i = alerts.size() - 1; i >= 0; i--) {
            added.add(new AlertItem(alerts.get(i), false));
        }
        items.addAll(0, added);
        trim();
    }

    /**
     * Alerts fired earlier today, read back from where they are kept: listed below those fired since, and counted as
     * acknowledged, since whoever sat at the window then may have seen them already.
     */
    public void kept(List<Alert> alerts) {
        List<AlertItem> added = new ArrayList<>(alerts.size());
        for (int i = alerts.size() - 1; i >= 0; i--) {
            AlertItem item = new AlertItem(alerts.get(i), true);
            item.acknowledge();
            added.add(item);
        }
        items.addAll(added);
        trim();
    }

    public void acknowledge(Collection<AlertItem> chosen) {
        chosen.forEach(AlertItem::acknowledge);
    }

    public void acknowledgeAll() {
        items.forEach(AlertItem::acknowledge);
    }

    /** Removes every alert from the list (the history database keeps its copies). */
    public void clear() {
        items.clear();
    }

    /** What the tab says above the list, e.g. rules that cannot fire here; empty when nothing needs saying. */
    public void setNotes(String text) {
        notes.set(text == null ? "" : text);
    }

    private void trim() {
        if (items.size() > MAX_ITEMS) {
            items.remove(MAX_ITEMS, items.size());
        }
    }

    public ObservableList<AlertItem> items() {
        return readOnlyItems;
    }

    public ReadOnlyIntegerProperty unacknowledgedProperty() {
        return unacknowledged.getReadOnlyProperty();
    }

    public int getUnacknowledged() {
        return unacknowledged.get();
    }

    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }
}
