package org.sessionwatch.netapi;

/** Something a {@link FileServer} may be able to do; {@link Capabilities} says which ones it can, and why not. */
public enum Capability {
    LIST_SESSIONS("List sessions"),
    LIST_OPEN_FILES("List open files"),
    CLOSE_FILE("Close a file"),
    END_SESSION("End a session");

    private final String title;

    Capability(String title) {
        this.title = title;
    }

    /** A short title for a menu or a tooltip, e.g. "Close a file". */
    public String title() {
        return title;
    }
}
