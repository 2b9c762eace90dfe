package org.sessionwatch.tracking;

import java.time.Instant;
import java.util.Objects;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiError;

/**
 * What changed between two answers of one server. Every event names its server and the time the answer that
 * produced it was complete (or the cycle's start when the result has no time of its own).
 */
public sealed interface SessionEvent {

    Instant at();

    String server();

    /**
     * A session appeared.
     *
     * @param initial whether it was in its server's first successful answer: the starting state, not a connect that
     *                was seen happening ({@code --watch} prints it as PRESENT, alerts never fire for it, the table
     *                does not highlight it)
     */
    record Connected(Instant at, TrackedSession session, boolean initial) implements SessionEvent {
        public Connected {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(session, "session");
        }

        @Override
        public String server() {
            return session.server();
        }
    }

    /**
     * A session is still there and some value of it changed (open files, idle time, client type, …, or its derived
     * start moved by more than rounding). A connected time that only advanced with the poll is no change: the start
     * stays, and consumers derive the age from it ({@link TrackedSession#asOf}).
     *
     * @param before the session as of the previous answer that contained it
     */
    record Changed(Instant at, TrackedSession before, TrackedSession after) implements SessionEvent {
        public Changed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            if (before.id() != after.id()) {
                throw new IllegalArgumentException("before and after must be the same session");
            }
        }

        @Override
        public String server() {
            return after.server();
        }
    }

    /** A session is gone; {@code last} holds its values from the last answer that contained it. */
    record Ended(Instant at, TrackedSession last, EndReason reason) implements SessionEvent {
        public Ended {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(last, "last");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String server() {
            return last.server();
        }
    }

    /**
     * A server failed to answer: sent when it starts failing and when the kind of error changes, not on every failed
     * poll. Its sessions stay tracked (a window shows them as stale) and are never reported as ended while it fails.
     *
     * @param level the level of the last attempt
     */
    record ServerFailing(Instant at, String server, NetApiError error, InfoLevel level) implements SessionEvent {
        public ServerFailing {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(error, "error");
        }
    }

    /** A server that was failing answered again, with {@code sessions} sessions. */
    record ServerRecovered(Instant at, String server, int sessions) implements SessionEvent {
        public ServerRecovered {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(server, "server");
        }
    }

    /** Why a session ended. */
    enum EndReason {
        /** It was missing from its server's answer. */
        DISCONNECTED,
        /** Its server is no longer polled (removed or disabled in the configuration). */
        SERVER_REMOVED
    }
}
