package org.sessionwatch.ui.sessions;

/** What the session table says when it has no rows to show. */
public enum EmptyState {
    /** Rows are visible: no message. */
    NONE("", ""),
    WAITING("Asking the servers…", "The first poll is under way."),
    NO_SERVERS("No servers to watch", "Add the file servers you want to monitor."),
    NO_SESSIONS("Nobody is connected", "None of the servers reports a session right now."),
    NO_MATCH("No session matches the filters", "Remove a filter chip or clear the search.");

    private final String title;
    private final String hint;

    EmptyState(String title, String hint) {
        this.title = title;
        this.hint = hint;
    }

    public String title() {
        return title;
    }

    public String hint() {
        return hint;
    }
}
