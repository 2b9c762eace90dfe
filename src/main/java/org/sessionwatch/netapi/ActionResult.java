package org.sessionwatch.netapi;

import java.util.Objects;

/** The outcome of one destructive action (close a file, end a session) on one server. Never thrown. */
public sealed interface ActionResult {

    /** The server did it. */
    record Done() implements ActionResult {
    }

    /**
     * There was nothing left to do: the file is no longer open, or there is no such session.
     *
     * @param detail plain language, e.g. "File 4026531841 is no longer open on FS01."
     */
    record AlreadyGone(String detail) implements ActionResult {
        public AlreadyGone {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The server refused or could not be asked (access denied, unreachable, ...). */
    record Refused(NetApiError error) implements ActionResult {
        public Refused {
            Objects.requireNonNull(error, "error");
        }
    }

    /** The backend cannot do this at all; nothing was asked. {@code reason} is plain language. */
    record Unsupported(String reason) implements ActionResult {
        public Unsupported {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
