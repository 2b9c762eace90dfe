package org.sessionwatch.ui.sessions;

import java.time.Instant;
import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.tracking.SessionKey;
import org.sessionwatch.tracking.SessionTracker;
import org.sessionwatch.tracking.TrackedSession;

/**
 * One row of the session table. The object lives as long as the session does: each poll replaces its
 * {@link RowValues} in place, so the table keeps selection and scroll position, and the details pane can keep showing
 * it after it ended.
 *
 * <p>A window shows about 40 rows of up to 100,000, and only rows on screen (or in the details pane) are observed.
 * So the values are a volatile field the tracker thread writes ({@link #publish}) when the session changed, and the
 * property is created the first time someone on the FX thread asks for it; from then on the property shows the
 * values, brought up to date on the FX thread with each applied change ({@link ObservedRows}). Between changes a
 * session only ages: every reader gets the values {@linkplain RowValues#asOf as of} its server's latest answer
 * ({@link AnswerClock}). Values are immutable, so a reader sees one whole poll's values or the next's. Fresh and ended
 * are FX-thread state.
 */
public final class SessionRow {
    private final AnswerClock clock;
    private volatile RowValues latest;
    private boolean freshValue;
    private boolean endedValue;
    private ReadOnlyObjectWrapper<RowValues> values;
    private ReadOnlyBooleanWrapper fresh;
    private ReadOnlyBooleanWrapper ended;
    /** When the highlight started; bookkeeping of {@link SessionsViewModel}. */
    Instant freshSince;

    /** @param clock its server's answers, and where the row registers once observed; null outside a table */
    SessionRow(RowValues values, AnswerClock clock) {
        this.latest = values;
        this.clock = clock;
    }

    /** A row for a session outside any tracker, e.g. in a test or an export preview. */
    public static SessionRow of(Session session, Instant seenAt) {
        return new SessionRow(new RowValues(new TrackedSession(0, SessionKey.of(session),
                SessionKey.startOf(session, seenAt), session, session.level(), seenAt), false, null), null);
    }

    /** Tracker thread: the row's newest values; an observed row shows them with the next change applied on FX. */
    void publish(RowValues newValues) {
        latest = newValues;
    }

    /** The values of the row's last change, not aged. */
    RowValues latest() {
        return latest;
    }

    /** FX thread: its server's latest applied answer, null when none (or outside a table). */
    Instant answeredAt() {
        return clock == null ? null : clock.answeredAt();
    }

    /** FX thread: the property shows {@code shown}; {@link ObservedRows} decides when. */
    void show(RowValues shown) {
        values.set(shown);
    }

    /** FX thread: publishes and shows at once. */
    void update(RowValues newValues) {
        publish(newValues);
        if (values != null) {
            values.set(newValues.asOf(answeredAt()));
        }
    }

    void setFresh(boolean value) {
        if (fresh != null) {
            fresh.set(value);
        } else {
            freshValue = value;
        }
    }

    void markEnded() {
        if (ended != null) {
            ended.set(true);
        } else {
            endedValue = true;
        }
        setFresh(false);
    }

    /** The values as of the server's latest answer; FX thread. */
    public RowValues getValues() {
        return values != null ? values.get() : latest.asOf(answeredAt());
    }

    /** Everything a poll can change about the row (ages included), replaced as one value; FX thread. */
    public ReadOnlyObjectProperty<RowValues> valuesProperty() {
        if (values == null) {
            RowValues base = latest;
            Instant at = answeredAt();
            values = new ReadOnlyObjectWrapper<>(this, "values", base.asOf(at));
            if (clock != null && !isEnded()) {
                clock.observed.add(this, base, at);
            }
        }
        return values.getReadOnlyProperty();
    }

    /** The id {@link SessionTracker} gave the session. */
    public long id() {
        return getValues().tracked().id();
    }

    public SessionKey key() {
        return getValues().key();
    }

    public Session getSession() {
        return getValues().session();
    }

    /** When this session's server last answered with it. */
    public Instant getSeenAt() {
        return getValues().seenAt();
    }

    public InfoLevel getRequestedLevel() {
        return getValues().requestedLevel();
    }

    public String getHostName() {
        return getValues().hostName();
    }

    /** Its server's last poll failed: the values are the last known ones. */
    public boolean isStale() {
        return getValues().stale();
    }

    /** Added in a recent poll; the table highlights it for a few seconds. */
    public boolean isFresh() {
        return fresh != null ? fresh.get() : freshValue;
    }

    public ReadOnlyBooleanProperty freshProperty() {
        if (fresh == null) {
            fresh = new ReadOnlyBooleanWrapper(this, "fresh", freshValue);
        }
        return fresh.getReadOnlyProperty();
    }

    /** The session disappeared from its server; only the details pane still shows it. */
    public boolean isEnded() {
        return ended != null ? ended.get() : endedValue;
    }

    public ReadOnlyBooleanProperty endedProperty() {
        if (ended == null) {
            ended = new ReadOnlyBooleanWrapper(this, "ended", endedValue);
        }
        return ended.getReadOnlyProperty();
    }

    public Optional<Instant> connectedSince() {
        return getValues().connectedSince();
    }

    public String server() {
        return getValues().server();
    }

    public String user() {
        return getValues().user();
    }

    public String client() {
        return getValues().client();
    }

    public String clientType() {
        return getValues().clientType();
    }

    public String transport() {
        return getValues().transport();
    }

    public String flagsText() {
        return getValues().flagsText();
    }

    @Override
    public String toString() {
        return "SessionRow[" + key() + " id=" + id() + (isStale() ? " stale" : "") + (isEnded() ? " ended" : "") + "]";
    }
}
