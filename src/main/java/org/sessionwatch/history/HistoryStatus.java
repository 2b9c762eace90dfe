package org.sessionwatch.history;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the history recorder is doing, for the window's status bar and the CLI's stderr. Polling never waits for
 * history, whatever the state.
 *
 * @param message plain language with the remedy when something is wrong; empty while all is well
 * @param dropped tracker updates not recorded because the writer fell behind or was failing, since the start
 */
public record HistoryStatus(State state, Path file, Optional<String> message, long dropped) {

    public enum State {
        /** Opening or preparing the database. */
        STARTING,
        /** Every update is being written. */
        RECORDING,
        /** Writes fail (full disk, locked or damaged file); polling goes on, history has a gap. */
        FAILING,
        /** Closed, or could not be opened at all. */
        STOPPED
    }

    public HistoryStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }
}
