package org.sessionwatch.netapi;

/** What went wrong with one server, in terms a helpdesk agent can act on. */
public enum ErrorKind {
    ACCESS_DENIED("Access denied"),
    INVALID_LEVEL("Level not supported"),
    UNREACHABLE("Unreachable"),
    INVALID_NAME("Invalid server name"),
    AUTHENTICATION_FAILED("Authentication failed"),
    TIMEOUT("Timed out"),
    PROTOCOL_ERROR("Protocol error"),
    OTHER("Error");

    private final String title;

    ErrorKind(String title) {
        this.title = title;
    }

    /** A short title for a status column, e.g. "Access denied". */
    public String title() {
        return title;
    }
}
