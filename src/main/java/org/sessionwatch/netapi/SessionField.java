package org.sessionwatch.netapi;

/** The fields of {@code SESSION_INFO_502}; lower levels carry a subset (see {@link InfoLevel#carries}). */
public enum SessionField {
    CLIENT_NAME("Client"),
    USER_NAME("User"),
    OPEN_COUNT("Open files"),
    ACTIVE_TIME("Connected"),
    IDLE_TIME("Idle"),
    USER_FLAGS("Flags"),
    CLIENT_TYPE("Client type"),
    TRANSPORT("Transport");

    private final String label;

    SessionField(String label) {
        this.label = label;
    }

    /** A short label a helpdesk agent understands. */
    public String label() {
        return label;
    }
}
