package org.sessionwatch.tracking;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;

/**
 * One live session as the tracker knows it, immutable: each event about the session carries an instance with the same
 * {@link #id()}. An answer in which the session only aged (its connected time advanced with a start that did not
 * move) produces no event and no instance: what such an answer says is {@link #asOf} the time it was complete.
 *
 * @param id               unique within one tracker and stable across polls for this session, so a consumer can key
 *                         its own state (a table row, a history interval) by it
 * @param key              server, client and user, as matched
 * @param startEpochSecond when the session started (answer time minus connected time), or
 *                         {@link SessionKey#UNKNOWN_START} at levels without a connected time
 * @param session          the values of the answer this instance describes
 * @param requestedLevel   the level that was asked for first (so "not provided at level 10" can name both)
 * @param seenAt           when that answer was complete (a later one in which it only aged: {@link #asOf})
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

    /**
     * This session as a later answer (complete at {@code answeredAt}) that contained it unchanged says it is: the same
     * start and values, the connected time advanced to {@code answeredAt} minus the start, seen then. This instance
     * when {@code answeredAt} is not later than {@link #seenAt()}. The one rule by which every consumer ages a session
     * between events (the table's Connected column, the last values of an ended session).
     */
    public TrackedSession asOf(Instant answeredAt) {
        if (answeredAt == null || !answeredAt.isAfter(seenAt)) {
            return this;
        }
        Session aged = session;
        if (startEpochSecond != SessionKey.UNKNOWN_START && session.activeSeconds().isPresent()) {
            aged = session.toBuilder()
                    .activeSeconds(Math.max(0, answeredAt.getEpochSecond() - startEpochSecond)).build();
        }
        return new TrackedSession(id, key, startEpochSecond, aged, requestedLevel, answeredAt);
    }

    /** When the session started, or empty when its level carries no connected time. */
    public Optional<Instant> since() {
        return startEpochSecond == SessionKey.UNKNOWN_START ? Optional.empty()
                : Optional.of(Instant.ofEpochSecond(startEpochSecond));
    }
}
