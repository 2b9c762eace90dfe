package org.sessionwatch.tracking;

import java.time.Instant;
import java.util.Objects;

import org.sessionwatch.netapi.OpenFile;

/**
 * What changed in one server's open files between two of its answers, as {@link OpenFilesTracker} decides it.
 * {@link #at()} is the time the answer was taken.
 */
public sealed interface FileEvent {

    Instant at();

    String server();

    /**
     * A file is open that was not in the server's previous answer.
     *
     * @param initial part of the server's first answer: the starting state (alerts never fire for it)
     */
    record Opened(Instant at, OpenFile file, boolean initial) implements FileEvent {
        public Opened {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String server() {
            return file.server();
        }
    }

    /** The locks or permissions of a file still open changed. */
    record Changed(Instant at, OpenFile before, OpenFile after) implements FileEvent {
        public Changed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }

        @Override
        public String server() {
            return after.server();
        }
    }

    /**
     * A file of the previous answer is no longer open ({@link Reason#CLOSED}), or its server left the configuration
     * ({@link Reason#SERVER_REMOVED}).
     *
     * @param firstSeen when the tracker first saw it open
     */
    record Closed(Instant at, OpenFile last, Instant firstSeen, Reason reason) implements FileEvent {
        public Closed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(last, "last");
            Objects.requireNonNull(firstSeen, "firstSeen");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String server() {
            return last.server();
        }
    }

    enum Reason { CLOSED, SERVER_REMOVED }
}
