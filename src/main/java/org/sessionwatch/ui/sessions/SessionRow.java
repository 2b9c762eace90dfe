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

/**
 * One row of the session table. The object lives as long as the session does: each poll updates its properties in
 * place, so the table keeps selection, sort and scroll position, and the details pane can keep showing it after it
 * ended.
 */
public final class SessionRow {
    /** Marks a start time that cannot be computed because the level carries no connected time (level 0). */
    static final long UNKNOWN_START = Long.MIN_VALUE;

    private final SessionKey key;
    private final long startEpochSecond;
    private final ReadOnlyObjectWrapper<Session> session;
    private final ReadOnlyObjectWrapper<Instant> seenAt;
    private final ReadOnlyObjectWrapper<InfoLevel> requestedLevel;
    private final ReadOnlyStringWrapper hostName = new ReadOnlyStringWrapper(this, "hostName");
    private final ReadOnlyBooleanWrapper fresh = new ReadOnlyBooleanWrapper(this, "fresh");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyBooleanWrapper ended = new ReadOnlyBooleanWrapper(this, "ended");
    /** The merge generation that last saw this row; package-private bookkeeping of {@link SessionTableModel}. */
    long generation;
    Instant freshSince;

    SessionRow(SessionKey key, long startEpochSecond, Session session, InfoLevel requestedLevel, Instant seenAt) {
        this.key = key;
        this.startEpochSecond = startEpochSecond;
        this.session = new ReadOnlyObjectWrapper<>(this, "session", session);
        this.requestedLevel = new ReadOnlyObjectWrapper<>(this, "requestedLevel", requestedLevel);
        this.seenAt = new ReadOnlyObjectWrapper<>(this, "seenAt", seenAt);
    }

    /** A row for a session outside any merge, e.g. in a test or an export preview. */
    public static SessionRow of(Session session, Instant seenAt) {
        return new SessionRow(SessionKey.of(session), SessionKey.startOf(session, seenAt), session, session.level(),
                seenAt);
    }

    void update(Session newSession, InfoLevel newRequestedLevel, Instant newSeenAt) {
        if (!newSession.equals(session.get())) {
            session.set(newSession);
        }
        requestedLevel.set(newRequestedLevel);
        seenAt.set(newSeenAt);
    }

    void setFresh(boolean value) {
        fresh.set(value);
    }

    void setStale(boolean value) {
        stale.set(value);
    }

    void markEnded() {
        ended.set(true);
        fresh.set(false);
    }

    /** Sets the reverse-DNS name of the client once it is known (looked up off the FX thread). */
    public void setHostName(String value) {
        hostName.set(value);
    }

    public SessionKey key() {
        return key;
    }

    public Session getSession() {
        return session.get();
    }

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /** When this session's server last answered with it. */
    public Instant getSeenAt() {
        return seenAt.get();
    }

    public ReadOnlyObjectProperty<Instant> seenAtProperty() {
        return seenAt.getReadOnlyProperty();
    }

    public InfoLevel getRequestedLevel() {
        return requestedLevel.get();
    }

    public ReadOnlyObjectProperty<InfoLevel> requestedLevelProperty() {
        return requestedLevel.getReadOnlyProperty();
    }

    public String getHostName() {
        return hostName.get();
    }

    public ReadOnlyStringProperty hostNameProperty() {
        return hostName.getReadOnlyProperty();
    }

    /** Added in a recent poll; the table highlights it for a few seconds. */
    public boolean isFresh() {
        return fresh.get();
    }

    public ReadOnlyBooleanProperty freshProperty() {
        return fresh.getReadOnlyProperty();
    }

    /** Its server's last poll failed: the values are the last known ones. */
    public boolean isStale() {
        return stale.get();
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** The session disappeared from its server; only the details pane still shows it. */
    public boolean isEnded() {
        return ended.get();
    }

    public ReadOnlyBooleanProperty endedProperty() {
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
