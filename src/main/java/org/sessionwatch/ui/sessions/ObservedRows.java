package org.sessionwatch.ui.sessions;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The rows someone watches on the FX thread (their values property exists: rows on screen, the details pane's row).
 * A poll changes the values of nearly every one of 100,000 rows; the tracker thread publishes them to the rows
 * directly, and the FX thread only brings these few properties up to date, instead of touching every row. FX thread.
 */
final class ObservedRows {
    private final Set<SessionRow> rows = Collections.newSetFromMap(new IdentityHashMap<>());

    void add(SessionRow row) {
        rows.add(row);
    }

    void remove(SessionRow row) {
        rows.remove(row);
    }

    /** Shows each watched row's newest values. */
    void showLatest() {
        for (SessionRow row : rows) {
            row.showLatest();
        }
    }

    int size() {
        return rows.size();
    }
}
