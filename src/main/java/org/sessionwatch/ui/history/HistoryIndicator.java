package org.sessionwatch.ui.history;

import java.util.Objects;

/**
 * What the status bar says about history: a short text, the detail for its tooltip (the file, or the problem with
 * its remedy) and whether something is wrong.
 */
public record HistoryIndicator(State state, String text, String detail) {

    public enum State {
        /** Every poll is being written. */
        RECORDING,
        /** Writes fail or the database could not be opened; polling goes on. */
        FAILING,
        /** Not recording, on purpose (setting, --no-history, demo data). */
        OFF
    }

    public HistoryIndicator {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean problem() {
        return state == State.FAILING;
    }
}
