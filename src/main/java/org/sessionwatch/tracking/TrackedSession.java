package org.sessionwatch.tracking;

import java.time.Instant;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;

/** One live session as the tracker knows it. id: unique within one tracker, stable across polls for that session. */
public record TrackedSession(long id, SessionKey key, long startEpochSecond, Session session,
                            InfoLevel requestedLevel, Instant seenAt) {
}
