package org.sessionwatch.ui.sessions;

import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The rows someone watches on the FX thread (their values property exists: rows on screen, the details pane's row).
 * The tracker thread publishes new values to the rows directly, and a server's answer advances the ages of all its
 * rows ({@link AnswerClock}); the FX thread brings only these few properties up to date, instead of touching up to
 * 100,000 rows. Each is remembered with what its shown values were derived from, so a row whose values and server
 * clock did not move is not set again. FX thread.
 */
final class ObservedRows {
    /** The values a row shows were {@code base} as of {@code at}. */
    private record Shown(RowValues base, Instant at) {
    }

    private final Map<SessionRow, Shown> rows = new IdentityHashMap<>();

    void add(SessionRow row, RowValues base, Instant at) {
        rows.put(row, new Shown(base, at));
    }

    void remove(SessionRow row) {
        rows.remove(row);
    }

    /** Shows each watched row's newest values as of its server's latest answer. */
    void showLatest() {
        for (Map.Entry<SessionRow, Shown> entry : rows.entrySet()) {
            SessionRow row = entry.getKey();
            RowValues base = row.latest();
            Instant at = row.answeredAt();
            Shown was = entry.getValue();
            if (was.base() != base || !Objects.equals(was.at(), at)) {
                row.show(base.asOf(at));
                entry.setValue(new Shown(base, at));
            }
        }
    }

    int size() {
        return rows.size();
    }
}
