package org.sessionwatch.cli;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.Session;

/** One line of {@code --watch} output: something that changed between two poll cycles. */
sealed interface WatchEvent {

    /** When the change was noticed: the start of the poll cycle that showed it. */
    Instant at();

    String server();

    /**
     * A session seen on the first successful poll of its server, so whether it is new is unknown.
     *
     * @param since when it was established (poll time minus its active time), if the level carries that
     */
    record Present(Instant at, Session session, Optional<Instant> since) implements WatchEvent {
        public Present {
            Objects.requireNonNull(session, "session");
        }

        @Override
        public String server() {
            return session.server();
        }
    }

    /** A session that was not there in the previous successful poll of its server. */
    record Connected(Instant at, Session session, Optional<Instant> since) implements WatchEvent {
        public Connected {
            Objects.requireNonNull(session, "session");
        }

        @Override
        public String server() {
            return session.server();
        }
    }

    /** A session that is gone; {@code session} is how it looked when last seen. */
    record Disconnected(Instant at, Session session, Optional<Instant> since) implements WatchEvent {
        public Disconnected {
            Objects.requireNonNull(session, "session");
        }

        @Override
        public String server() {
            return session.server();
        }
    }

    /** The server stopped answering, or now fails for a different reason. */
    record ServerFailed(Instant at, String server, NetApiError error) implements WatchEvent {
        public ServerFailed {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(error, "error");
        }
    }

    /** The server answers again after failing. */
    record ServerRecovered(Instant at, String server, int sessions) implements WatchEvent {
        public ServerRecovered {
            Objects.requireNonNull(server, "server");
        }
    }
}
