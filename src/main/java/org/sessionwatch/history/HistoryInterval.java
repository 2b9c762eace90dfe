package org.sessionwatch.history;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One stored session interval: a session from the first answer that contained it to its end.
 *
 * @param id        the row's id, stable for the life of the database (a view may key its bars by it)
 * @param start     when the session started (answer time minus connected time), empty at levels without one
 * @param firstSeen the first answer that contained it
 * @param lastSeen  the last answer that contained it (for an open interval: its server's latest answer)
 * @param end       when it was found gone, empty while it is open
 * @param endReason why it ended, empty while open
 * @param level     the level it was read at (0, 1, 2, 10 or 502)
 * @param maxOpens  the most files it held open at once, empty at levels without an open count
 */
public record HistoryInterval(long id, String server, String client, String user, Optional<Instant> start,
                              Instant firstSeen, Instant lastSeen, Optional<Instant> end,
                              Optional<EndReason> endReason, String clientType, String transport, int level,
                              OptionalLong maxOpens, OptionalLong lastIdleSeconds) {

    public HistoryInterval {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(endReason, "endReason");
        Objects.requireNonNull(maxOpens, "maxOpens");
        Objects.requireNonNull(lastIdleSeconds, "lastIdleSeconds");
    }

    public boolean isOpen() {
        return end.isEmpty();
    }

    /** Why an interval is closed. */
    public enum EndReason {
        /** Its server answered without it. */
        DISCONNECTED,
        /** Its server stopped being polled (removed or disabled in the configuration). */
        SERVER_REMOVED,
        /** Recording stopped while it was open (the program ended or was killed): it was last seen at its end. */
        UNOBSERVED
    }
}
