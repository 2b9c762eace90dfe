package org.sessionwatch.ui.history;

import java.time.Instant;
import java.util.Objects;

import org.sessionwatch.history.HistoryInterval;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.netapi.SessionField;
import org.sessionwatch.tracking.SessionKey;
import org.sessionwatch.tracking.TrackedSession;
import org.sessionwatch.ui.sessions.RowValues;

/**
 * One row of the History table: a stored interval, and the same interval as the live table's {@link RowValues}, so
 * the live table's filters (chips and quick search) judge history rows exactly as they judge live ones.
 */
public record HistoryRow(HistoryInterval interval, RowValues values) {

    public HistoryRow {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(values, "values");
    }

    /** The row of an interval: a session as last seen, at the level it was read at. */
    public static HistoryRow of(HistoryInterval interval) {
        InfoLevel level = InfoLevel.ofCode(interval.level()).orElse(InfoLevel.LEVEL_0);
        Instant seen = interval.lastSeen();
        // The builder refuses a field the level does not carry; a stored interval has only those it carried.
        Session.Builder session = Session.builder(interval.server(), level).clientName(interval.client());
        if (level.carries(SessionField.USER_NAME)) {
            session.userName(interval.user());
        }
        if (level.carries(SessionField.CLIENT_TYPE)) {
            session.clientType(interval.clientType());
        }
        if (level.carries(SessionField.TRANSPORT)) {
            session.transport(interval.transport());
        }
        if (level.carries(SessionField.OPEN_COUNT)) {
            interval.maxOpens().ifPresent(session::openCount);
        }
        if (level.carries(SessionField.IDLE_TIME)) {
            interval.lastIdleSeconds().ifPresent(session::idleSeconds);
        }
        if (level.carries(SessionField.ACTIVE_TIME)) {
            interval.start().ifPresent(start -> session.activeSeconds(Math.max(0, seen.getEpochSecond()
                    - start.getEpochSecond())));
        }
        Session built = session.build();
        long start = interval.start().map(Instant::getEpochSecond).orElse(SessionKey.UNKNOWN_START);
        return new HistoryRow(interval, new RowValues(new TrackedSession(interval.id(), SessionKey.of(built), start,
                built, level, seen), false, null));
    }

    public String server() {
        return interval.server();
    }

    public String user() {
        return values.user();
    }

    public String client() {
        return values.client();
    }
}
