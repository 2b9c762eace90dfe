package org.sessionwatch.ui.servers;

import java.time.Duration;
import java.time.Instant;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiError;

/** One row of the server health list; updated in place after each poll like the session rows. */
public final class ServerHealth {
    private final String name;
    private final ReadOnlyObjectWrapper<ServerState> state = new ReadOnlyObjectWrapper<>(this, "state", ServerState.WAITING);
    private final ReadOnlyObjectWrapper<NetApiError> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyObjectWrapper<Instant> lastSuccess = new ReadOnlyObjectWrapper<>(this, "lastSuccess");
    private final ReadOnlyObjectWrapper<Instant> lastPoll = new ReadOnlyObjectWrapper<>(this, "lastPoll");
    private final ReadOnlyObjectWrapper<Duration> duration = new ReadOnlyObjectWrapper<>(this, "duration");
    private final ReadOnlyIntegerWrapper sessionCount = new ReadOnlyIntegerWrapper(this, "sessionCount");
    private final ReadOnlyObjectWrapper<InfoLevel> level = new ReadOnlyObjectWrapper<>(this, "level");
    private final ReadOnlyObjectWrapper<InfoLevel> requestedLevel = new ReadOnlyObjectWrapper<>(this, "requestedLevel");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Waiting for the first poll");

    public ServerHealth(String name) {
        this.name = name;
    }

    void succeeded(Instant at, Duration took, int sessions, InfoLevel requested, InfoLevel obtained) {
        state.set(ServerState.OK);
        error.set(null);
        lastSuccess.set(at);
        lastPoll.set(at);
        duration.set(took);
        sessionCount.set(sessions);
        requestedLevel.set(requested);
        level.set(obtained);
        summary.set(sessions + (sessions == 1 ? " session" : " sessions") + " at level " + obtained
                + (requested != null && requested != obtained ? " (level " + requested + " refused)" : ""));
    }

    /** A failure keeps the last success, level and session count: the sessions stay listed as stale. */
    void failed(Instant at, Duration took, NetApiError cause) {
        state.set(ServerState.of(cause.kind()));
        error.set(cause);
        lastPoll.set(at);
        duration.set(took);
        summary.set(cause.message());
    }

    void disabled() {
        state.set(ServerState.DISABLED);
        error.set(null);
        sessionCount.set(0);
        summary.set("Not polled: disabled in the settings");
    }

    public String getName() {
        return name;
    }

    public ServerState getState() {
        return state.get();
    }

    public ReadOnlyObjectProperty<ServerState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The last poll's error, null after a success. */
    public NetApiError getError() {
        return error.get();
    }

    public ReadOnlyObjectProperty<NetApiError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public Instant getLastSuccess() {
        return lastSuccess.get();
    }

    public ReadOnlyObjectProperty<Instant> lastSuccessProperty() {
        return lastSuccess.getReadOnlyProperty();
    }

    public Instant getLastPoll() {
        return lastPoll.get();
    }

    public ReadOnlyObjectProperty<Instant> lastPollProperty() {
        return lastPoll.getReadOnlyProperty();
    }

    public Duration getDuration() {
        return duration.get();
    }

    public ReadOnlyObjectProperty<Duration> durationProperty() {
        return duration.getReadOnlyProperty();
    }

    public int getSessionCount() {
        return sessionCount.get();
    }

    public ReadOnlyIntegerProperty sessionCountProperty() {
        return sessionCount.getReadOnlyProperty();
    }

    public InfoLevel getLevel() {
        return level.get();
    }

    public ReadOnlyObjectProperty<InfoLevel> levelProperty() {
        return level.getReadOnlyProperty();
    }

    public InfoLevel getRequestedLevel() {
        return requestedLevel.get();
    }

    public ReadOnlyObjectProperty<InfoLevel> requestedLevelProperty() {
        return requestedLevel.getReadOnlyProperty();
    }

    /** One line for the list and the tooltip: session count and level, or the error message. */
    public String getSummary() {
        return summary.get();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Whether the sessions shown for this server are its last known ones rather than current. */
    public boolean isStale() {
        return state.get().isFailure() && lastSuccess.get() != null;
    }
}
