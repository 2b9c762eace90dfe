package org.sessionwatch.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.sessionwatch.netapi.FilterMiss;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.Session;

/** The outcome of polling one server in one cycle. A down server is one of these, never an exception. */
public sealed interface ServerPollResult {

    /** The server as configured. */
    String server();

    /** How long the poll of this server took (up to the deadline for a timeout). */
    Duration duration();

    /** When this server's result was known. */
    Instant finishedAt();

    /**
     * @param requestedLevel the level asked for first
     * @param level          the level obtained after negotiation
     * @param sessions       the sessions after the configured hide options
     * @param filterMiss     set when the server said the client or user filter matched nothing, else null
     */
    record Ok(String server, InfoLevel requestedLevel, InfoLevel level, List<Session> sessions, Duration duration,
              Instant finishedAt, FilterMiss filterMiss) implements ServerPollResult {
        public Ok {
            Objects.requireNonNull(server, "server");
            sessions = List.copyOf(sessions);
        }

        public Ok(String server, InfoLevel requestedLevel, InfoLevel level, List<Session> sessions, Duration duration,
                  Instant finishedAt) {
            this(server, requestedLevel, level, sessions, duration, finishedAt, null);
        }
    }

    /** @param level the level of the last attempt */
    record Failed(String server, InfoLevel level, NetApiError error, Duration duration, Instant finishedAt)
            implements ServerPollResult {
        public Failed {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(error, "error");
        }
    }
}
