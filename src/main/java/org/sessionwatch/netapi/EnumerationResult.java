package org.sessionwatch.netapi;

import java.util.List;
import java.util.Objects;

/** What one enumeration of one server produced: its sessions, or an error. Never thrown. */
public sealed interface EnumerationResult {

    String server();

    /** The level that was obtained (success) or that the last attempt used (failure). */
    InfoLevel level();

    /**
     * All sessions of the server at {@link #level()}, paged to the end and de-duplicated.
     *
     * @param filterMiss set when the server said a filter matched nothing (then {@code sessions} is empty), else null
     */
    record Success(String server, InfoLevel level, List<Session> sessions, FilterMiss filterMiss)
            implements EnumerationResult {
        public Success {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(level, "level");
            sessions = List.copyOf(sessions);
        }

        public Success(String server, InfoLevel level, List<Session> sessions) {
            this(server, level, sessions, null);
        }
    }

    record Failure(String server, InfoLevel level, NetApiError error) implements EnumerationResult {
        public Failure {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(error, "error");
        }
    }
}
