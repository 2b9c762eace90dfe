package org.sessionwatch.history;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One stored open-file interval: a file from the open-files answer that first listed it to the one that no longer
 * did.
 *
 * @param fileId    the server's id of the open file (unsigned 32-bit)
 * @param path      as the server reported it; null at levels without paths
 * @param user      who had it open; null at levels without users
 * @param firstSeen the first answer that listed it
 * @param lastSeen  the last answer that listed it (while open: the last one that showed a change)
 * @param end       the first answer without it; empty while open
 * @param maxLocks  the most locks it held in any answer, empty at levels without locks
 */
public record FileInterval(long id, String server, long fileId, String path, String user, Instant firstSeen,
                           Instant lastSeen, Optional<Instant> end, Optional<HistoryInterval.EndReason> endReason,
                           OptionalLong maxLocks) {

    public FileInterval {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(endReason, "endReason");
        Objects.requireNonNull(maxLocks, "maxLocks");
    }

    public boolean isOpen() {
        return end.isEmpty();
    }
}
