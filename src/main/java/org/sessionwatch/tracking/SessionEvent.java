package org.sessionwatch.tracking;

import java.time.Instant;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiError;

/** What changed between two answers of a server. */
public sealed interface SessionEvent {
    Instant at();

    String server();

    /** initial = part of this server's first successful answer (the starting state). */
    record Connected(Instant at, TrackedSession session, boolean initial) implements SessionEvent {
        @Override
        public String server() {
            return session.key().server();
        }
    }

    /** Any value of the session changed: before and after. */
    record Changed(Instant at, TrackedSession before, TrackedSession after) implements SessionEvent {
        @Override
        public String server() {
            return after.key().server();
        }
    }

    /** DISCONNECTED: absent from its server's answer; SERVER_REMOVED: the server left the configuration. */
    record Ended(Instant at, TrackedSession last, EndReason reason) implements SessionEvent {
        @Override
        public String server() {
            return last.key().server();
        }
    }

    /** The server failed; emitted when it starts failing and when the error kind changes. */
    record ServerFailing(Instant at, String server, NetApiError error, InfoLevel level) implements SessionEvent {
    }

    /** The server answers again after failing. */
    record ServerRecovered(Instant at, String server, int sessions) implements SessionEvent {
    }

    enum EndReason { DISCONNECTED, SERVER_REMOVED }
}
