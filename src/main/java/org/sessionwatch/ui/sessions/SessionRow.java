package org.sessionwatch.ui.sessions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.netapi.UserFlags;
import org.sessionwatch.tracking.SessionKey;

/**
 * One row of the session table. The object lives as long as the session does: each poll updates its properties in
 * place, so the table keeps selection, sort and scroll position, and the details pane can keep showing it after it
 * ended.
 */
public final class SessionRow {
    /** Marks a start time that cannot be computed because the level carries no connected time (level 0). */
    static final long UNKNOWN_START = SessionKey.UNKNOWN_START;

    // A window shows about 40 rows of up to 100,000, and only rows on screen (or in the details pane) are observed.
    // So each value is a plain field, and its property is created the first time someone asks for it; from then on
    // the property holds the value. Seven eager property objects made a row about 300 bytes larger (see
    // BENCHMARKS.md, memory.session_with_table_row).
    private final SessionKey key;
    private final long startEpochSecond;
    private Session sessionValue;
    private Instant seenAtValue;
    private InfoLevel requestedLevelValue;
    private String hostNameValue;
    private boolean freshValue;
    private boolean staleValue;
    private boolean endedValue;
    private ReadOnlyObjectWrapper<Session> session;
    private ReadOnlyObjectWrapper<Instant> seenAt;
    private ReadOnlyObjectWrapper<InfoLevel> requestedLevel;
    private ReadOnlyStringWrapper hostName;
    private ReadOnlyBooleanWrapper fresh;
    private ReadOnlyBooleanWrapper stale;
    private ReadOnlyBooleanWrapper ended;
    /** The merge generation that last saw this row; package-private bookkeeping of {@link SessionTableModel}. */
    long generation;
    Instant freshSince;

    SessionRow(SessionKey key, long startEpochSecond, Session session, InfoLevel requestedLevel, Instant seenAt) {
        this.key = key;
        this.startEpochSecond = startEpochSecond;
        this.sessionValue = session;
        this.requestedLevelValue = requestedLevel;
        this.seenAtValue = seenAt;
    }

    /** A row for a session outside any merge, e.g. in a test or an export preview. */
    public static SessionRow of(Session session, Instant seenAt) {
        return new SessionRow(SessionKey.of(session), SessionKey.startOf(session, seenAt), session, session.level(),
                seenAt);
    }

    void update(Session newSession, InfoLevel newRequestedLevel, Instant newSeenAt) {
        if (!newSession.equals(getSession())) {
            setSession(newSession);
        }
        if (requestedLevel != null) {
            requestedLevel.set(newRequestedLevel);
        } else {
            requestedLevelValue = newRequestedLevel;
        }
        if (seenAt != null) {
            seenAt.set(newSeenAt);
        } else {
            seenAtValue = newSeenAt;
        }
    }

    private void setSession(Session value) {
        if (session != null) {
            session.set(value);
        } else {
            sessionValue = value;
        }
    }

    void setFresh(boolean value) {
        if (fresh != null) {
            fresh.set(value);
        } else {
            freshValue = value;
        }
    }

    void setStale(boolean value) {
        if (stale != null) {
            stale.set(value);
        } else {
            staleValue = value;
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

    /** Sets the reverse-DNS name of the client once it is known (looked up off the FX thread). */
    public void setHostName(String value) {
        if (hostName != null) {
            hostName.set(value);
        } else {
            hostNameValue = value;
        }
    }

    public SessionKey key() {
        return key;
    }

    public Session getSession() {
        return session != null ? session.get() : sessionValue;
    }

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        if (session == null) {
            session = new ReadOnlyObjectWrapper<>(this, "session", sessionValue);
            sessionValue = null;
        }
        return session.getReadOnlyProperty();
    }

    /** When this session's server last answered with it. */
    public Instant getSeenAt() {
        return seenAt != null ? seenAt.get() : seenAtValue;
    }

    public ReadOnlyObjectProperty<Instant> seenAtProperty() {
        if (seenAt == null) {
            seenAt = new ReadOnlyObjectWrapper<>(this, "seenAt", seenAtValue);
            seenAtValue = null;
        }
        return seenAt.getReadOnlyProperty();
    }

    public InfoLevel getRequestedLevel() {
        return requestedLevel != null ? requestedLevel.get() : requestedLevelValue;
    }

    public ReadOnlyObjectProperty<InfoLevel> requestedLevelProperty() {
        if (requestedLevel == null) {
            requestedLevel = new ReadOnlyObjectWrapper<>(this, "requestedLevel", requestedLevelValue);
            requestedLevelValue = null;
        }
        return requestedLevel.getReadOnlyProperty();
    }

    public String getHostName() {
        return hostName != null ? hostName.get() : hostNameValue;
    }

    public ReadOnlyStringProperty hostNameProperty() {
        if (hostName == null) {
            hostName = new ReadOnlyStringWrapper(this, "hostName", hostNameValue);
            hostNameValue = null;
        }
        return hostName.getReadOnlyProperty();
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

    /** Its server's last poll failed: the values are the last known ones. */
    public boolean isStale() {
        return stale != null ? stale.get() : staleValue;
    }

    public ReadOnlyBooleanProperty staleProperty() {
        if (stale == null) {
            stale = new ReadOnlyBooleanWrapper(this, "stale", staleValue);
        }
        return stale.getReadOnlyProperty();
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

    /** When the session was established, computed from the time it was seen minus its connected time. */
    public Optional<Instant> connectedSince() {
        return startEpochSecond == UNKNOWN_START ? Optional.empty() : Optional.of(Instant.ofEpochSecond(startEpochSecond));
    }

    public String server() {
        return key.server();
    }

    public String user() {
        return getSession().userName().orElse("");
    }

    public String client() {
        return getSession().clientName().orElse("");
    }

    public String clientType() {
        return getSession().clientType().orElse("");
    }

    public String transport() {
        return getSession().transport().orElse("");
    }

    /** "guest, no encryption", "" when no flag is set or the level carries none. */
    public String flagsText() {
        return flagsText(getSession());
    }

    static String flagsText(Session session) {
        List<String> names = UserFlags.describe(session.userFlags().orElse(0));
        return String.join(", ", names);
    }

    long startEpochSecond() {
        return startEpochSecond;
    }

    @Override
    public String toString() {
        return "SessionRow[" + key + " start=" + startEpochSecond + (isStale() ? " stale" : "")
                + (isEnded() ? " ended" : "") + "]";
    }
}
