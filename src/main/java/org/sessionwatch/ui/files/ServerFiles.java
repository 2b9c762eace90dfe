package org.sessionwatch.ui.files;

import java.util.Objects;

/**
 * One server's part of the open-files view: how its last listing went, so a failing or unsupported server is shown as
 * such rather than as a server without open files.
 *
 * @param server  the server as configured
 * @param state   how its last listing went
 * @param files   the files it listed (or, when failing, the last known ones still shown)
 * @param message plain language: the error with its code, or why the server cannot list open files; "" when OK
 * @param remedy  what to do about the error, or ""
 */
public record ServerFiles(String server, State state, int files, String message, String remedy) {

    /** How a server's last listing went. */
    public enum State { LOADING, OK, FAILED, UNSUPPORTED }

    public ServerFiles {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(state, "state");
        message = message == null ? "" : message;
        remedy = remedy == null ? "" : remedy;
    }

    /** The line the view shows for a server that is not OK, e.g. "FS03: Access denied: … (code 5). What to do: …". */
    public String problemText() {
        return switch (state) {
            case OK -> "";
            case LOADING -> server + ": listing open files…";
            case UNSUPPORTED -> server + " cannot list open files: " + message;
            // The messages usually name the server already; it is not said twice.
            case FAILED -> (message.contains(server) ? "" : server + ": ") + message
                    + (remedy.isEmpty() ? "" : " What to do: " + remedy)
                    + (files > 0 ? " (showing the " + files + " files it listed last, greyed out)" : "");
        };
    }
}
