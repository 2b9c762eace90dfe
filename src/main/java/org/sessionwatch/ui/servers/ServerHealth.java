package org.sessionwatch.ui.servers;

import java.time.Duration;
import java.time.Instant;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiError;

/**
 * One row of the server health list, updated in place after each poll like the session rows. What the row shows is
 * one immutable {@link Snapshot}, replaced whole by each poll result: a poll of 500 servers is 500 changes, and each
 * cell on screen derives what it shows from the snapshot and redraws only when that changed.
 */
public final class ServerHealth {
    private final String name;
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot", Snapshot.WAITING);

    /**
     * A server's health as of its last poll.
     *
     * @param error          the last poll's error, null after a success
     * @param lastSuccess    when the last successful poll finished, null before the first
     * @param sessionCount   the sessions of the last successful poll (0 while disabled)
     * @param level          the level the server answered at in its last successful poll
     * @param requestedLevel the level asked for in that poll
     */
    public record Snapshot(ServerState state, NetApiError error, Instant lastSuccess, Instant lastPoll,
                           Duration duration, int sessionCount, InfoLevel level, InfoLevel requestedLevel) {
        static final Snapshot WAITING = new Snapshot(ServerState.WAITING, null, null, null, null, 0, null, null);

        /** Whether the sessions shown for this server are its last known ones rather than current. */
        public boolean stale() {
            return state.isFailure() && lastSuccess != null;
        }

        /** One line for the list and the tooltip: session count and level, or the error message. */
        public String summary() {
            return switch (state) {
                case WAITING -> "Waiting for the first poll";
                case DISABLED -> "Not polled: disabled in the settings";
                case OK -> sessionCount + (sessionCount == 1 ? " session" : " sessions") + " at level " + level
                        + (requestedLevel != null && requestedLevel != level ? " (level " + requestedLevel + " refused)" : "");
                default -> error == null ? state.title() : error.message();
            };
        }
    }

    public ServerHealth(String name) {
        this.name = name;
    }

    void succeeded(Instant at, Duration took, int sessions, InfoLevel requested, InfoLevel obtained) {
        snapshot.set(new Snapshot(ServerState.OK, null, at, at, took, sessions, obtained, requested));
    }

    /** A failure keeps the last success, level and session count: the sessions stay listed as stale. */
    void failed(Instant at, Duration took, NetApiError cause) {
        Snapshot last = snapshot.get();
        snapshot.set(new Snapshot(ServerState.of(cause.kind()), cause, last.lastSuccess(), at, took, last.sessionCount(),
                last.level(), last.requestedLevel()));
    }

    void disabled() {
        Snapshot last = snapshot.get();
        snapshot.set(new Snapshot(ServerState.DISABLED, null, last.lastSuccess(), last.lastPoll(), last.duration(), 0,
                last.level(), last.requestedLevel()));
    }

    public String getName() {
        return name;
    }

    /** Everything the row shows, replaced whole after each poll of this server. */
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public Snapshot getSnapshot() {
        return snapshot.get();
    }

    public ServerState getState() {
        return snapshot.get().state();
    }
}
