package org.sessionwatch.ui.main;

/** The state of the polling loop, for the toolbar indicator. */
public enum PollStatus {
    /** Waiting for the next scheduled poll. */
    WAITING,
    /** A poll is running. */
    POLLING,
    /** The user paused polling. */
    PAUSED
}
