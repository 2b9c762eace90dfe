package org.sessionwatch.tracking;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;

/**
 * One live session as the tracker knows it, immutable: each answer that still contains the session produces a new
 * instance with the same {@link #id()}.
 *
 * @param id               unique within one tracker and stable across polls for this session, so a consumer can key
 *                         its own state (a table row, a history interval) by it
 * @param key              server, client and user, as matched
 * @param startEpochSecond when the session started (answer time minus connected time), or
 *                         {@link SessionKey#UNKNOWN_START} at levels without a connected time
 * @param session          the values of the latest answer
 * @param requestedLevel   the level that was asked for first (so "not provided at level 10" can name both)
 * @param seenAt           when the latest answer containing it was complete
 */
public record TrackedSession(long id, SessionKey key, long startEpochSecond, Session session,
                             InfoLevel requestedLevel, Instant seenAt) {

    public TrackedSession {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(seenAt, "seenAt");
    }

    public String server() {
        return session.server();
    }

    /** When the session started, or empty when its level carries no connected time. */
    public Optional<Instant> since() {
        return startEpochSecond == SessionKey.UNKNOWN_START ? Optional.empty()
                : Optional.of(Instant.ofEpochSecond(startEpochSecond));
    }
}
