package org.sessionwatch.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.LongSupplier;

import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.ServerPollResult;

/**
 * What the tracker knows of one server: whether it answered and whether it fails now, its live sessions in the order
 * of its last answer and by key, and when that answer was complete. Matches each new answer against them.
 *
 * <p>A server answers in the same order poll after poll, so the session at a position is first compared with the one
 * that was there (a few positions further after sessions ended before it): same server, client and user as written,
 * start within the tolerance. Only a session that is not there is looked up by its {@link SessionKey}, and a key that
 * several live sessions share is always looked up, so the closest start wins. With one live session per key, the
 * positional match is the one the lookup would find. A session that only aged costs no lookup and no allocation.
 *
 * <p>Not thread-safe: the tracker's thread.
 */
final class ServerSessions {
    /**
     * How far (in seconds) a derived start may be from the one consumers know and still produce no event. The server
     * counts whole seconds, so 1 s is rounding. A start that moves further within the tolerance (clock drift, a large
     * server's paging skew) is a {@link SessionEvent.Changed} with the new start: the known start never falls so far
     * behind that a steady session would look like a reconnect.
     */
    static final long START_NOISE_SECONDS = 1;
    /** How many positions past the expected one a session is looked for before its key is (sessions that ended). */
    private static final int LOOKAHEAD = 4;
    private static final TrackedSession[] NONE = new TrackedSession[0];

    boolean answered;
    /** The kind of the current failure, or null while the server answers. */
    ErrorKind failing;
    /** When its last successful answer was complete; every live session was in it. */
    private Instant lastAnswer;
    /** The live sessions in the order of that answer, each as its last event described it. */
    private TrackedSession[] order = NONE;
    /** The same sessions by key: a {@link TrackedSession}, or a {@code List} of them when several share the key. */
    private final KeyIndex byKey = new KeyIndex();
    /** How many keys several live sessions share. */
    private int sharedKeys;

    // State of one comparison.
    private boolean[] taken;
    private IdentityHashMap<TrackedSession, Integer> positions;

    int size() {
        return order.length;
    }

    /** Every live session as of the last answer. */
    void addAllTo(List<TrackedSession> out) {
        for (TrackedSession session : order) {
            out.add(session.asOf(lastAnswer));
        }
    }

    /** Ends every live session (the server is no longer polled). */
    void endAll(Instant at, List<SessionEvent> events) {
        for (TrackedSession session : order) {
            events.add(new SessionEvent.Ended(at, session.asOf(lastAnswer), SessionEvent.EndReason.SERVER_REMOVED));
        }
    }

    /**
     * Matches an answer complete at {@code at} against the live sessions and adds the events, ended then connected
     * then changed: nothing for a session that only aged (see {@link #START_NOISE_SECONDS}).
     */
    void compare(ServerPollResult.Ok ok, Instant at, boolean initial, LongSupplier ids, List<SessionEvent> events) {
        List<Session> answer = ok.sessions();
        InfoLevel level = ok.requestedLevel();
        TrackedSession[] previous = order;
        Instant previousAnswer = lastAnswer;
        taken = new boolean[previous.length];
        positions = null;
        TrackedSession[] next = new TrackedSession[answer.size()];
        List<SessionEvent> connected = new ArrayList<>();
        List<SessionEvent> changed = new ArrayList<>();
        List<TrackedSession> replaced = new ArrayList<>();
        int matched = 0;
        int cursor = 0;
        for (int i = 0; i < next.length; i++) {
            Session session = answer.get(i);
            long start = SessionKey.startOf(session, at);
            int found = positional(previous, cursor, session, start);
            if (found < 0) {
                found = lookup(previous, SessionKey.of(session), start);
            }
            if (found < 0) {
                TrackedSession fresh = new TrackedSession(ids.getAsLong(), SessionKey.of(session), start, session,
                        level, at);
                connected.add(new SessionEvent.Connected(at, fresh, initial));
                next[i] = fresh;
                continue;
            }
            taken[found] = true;
            matched++;
            cursor = found + 1;
            TrackedSession before = previous[found];
            TrackedSession after = update(before, session, start, level, at);
            if (after != before) {
                changed.add(new SessionEvent.Changed(at, before.asOf(previousAnswer), after));
                replaced.add(before);
                replaced.add(after);
            }
            next[i] = after;
        }
        for (int k = 0; k < replaced.size(); k += 2) {
            replace(replaced.get(k), replaced.get(k + 1));
        }
        if (matched < previous.length) {
            for (int k = 0; k < previous.length; k++) {
                if (!taken[k]) {
                    events.add(new SessionEvent.Ended(at, previous[k].asOf(previousAnswer),
                            SessionEvent.EndReason.DISCONNECTED));
                    unindex(previous[k]);
                }
            }
        }
        for (SessionEvent event : connected) {
            index(((SessionEvent.Connected) event).session());
        }
        events.addAll(connected);
        events.addAll(changed);
        order = next;
        lastAnswer = at;
        taken = null;
        positions = null;
    }

    /**
     * The session as this answer describes it: {@code before} itself when only its connected time advanced and its
     * start stayed within {@link #START_NOISE_SECONDS}, else a new instance with the latest derived start (an answer
     * without a connected time keeps the start that was known).
     */
    private static TrackedSession update(TrackedSession before, Session session, long start, InfoLevel level,
                                         Instant at) {
        long known = before.startEpochSecond();
        long newStart = start == SessionKey.UNKNOWN_START ? known : start;
        if (level == before.requestedLevel() && session.equalsExceptActiveTime(before.session())
                && SessionKey.startDistance(known, newStart) <= START_NOISE_SECONDS) {
            return before;
        }
        return new TrackedSession(before.id(), before.key(), newStart, session, level, at);
    }

    /** The position of the session expected at {@code cursor} (or a few after it) if it is this one, else -1. */
    private int positional(TrackedSession[] previous, int cursor, Session session, long start) {
        int end = Math.min(previous.length, cursor + LOOKAHEAD);
        for (int k = cursor; k < end; k++) {
            TrackedSession candidate = previous[k];
            if (!taken[k] && candidate.session().sameServerClientAndUser(session)
                    && SessionKey.sameStart(candidate.startEpochSecond(), start)) {
                // A shared key goes through the lookup, which picks the closest start.
                return sharedKeys > 0 && byKey.get(candidate.key()) instanceof List<?> ? -1 : k;
            }
        }
        return -1;
    }

    /** The position of the untaken session under {@code key} whose start is closest to {@code start}, or -1. */
    private int lookup(TrackedSession[] previous, SessionKey key, long start) {
        Object indexed = byKey.get(key);
        if (indexed == null) {
            return -1;
        }
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (TrackedSession candidate : asList(indexed)) {
            long distance = SessionKey.startDistance(candidate.startEpochSecond(), start);
            if (distance <= SessionKey.START_TOLERANCE.toSeconds() && distance < bestDistance) {
                int at = positionOf(previous, candidate);
                if (!taken[at]) {
                    best = at;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    private int positionOf(TrackedSession[] previous, TrackedSession session) {
        if (positions == null) {
            // Built once per answer, and only for a server whose sessions moved or share keys.
            positions = new IdentityHashMap<>(previous.length * 2);
            for (int k = 0; k < previous.length; k++) {
                positions.put(previous[k], k);
            }
        }
        return positions.get(session);
    }

    private void index(TrackedSession session) {
        Object existing = byKey.get(session.key());
        if (existing == null) {
            byKey.put(session);
        } else if (existing instanceof TrackedSession one) {
            List<TrackedSession> sameKey = new ArrayList<>(2);
            sameKey.add(one);
            sameKey.add(session);
            byKey.put(sameKey);
            sharedKeys++;
        } else {
            asList(existing).add(session);
        }
    }

    private void unindex(TrackedSession session) {
        Object existing = byKey.get(session.key());
        if (existing == session) {
            byKey.remove(session.key());
        } else if (existing != null) {
            List<TrackedSession> sameKey = asList(existing);
            sameKey.removeIf(s -> s == session);
            if (sameKey.size() == 1) {
                byKey.put(sameKey.getFirst());
                sharedKeys--;
            }
        }
    }

    private void replace(TrackedSession old, TrackedSession now) {
        Object existing = byKey.get(old.key());
        if (existing == old) {
            byKey.put(now);
        } else if (existing != null) {
            List<TrackedSession> sameKey = asList(existing);
            for (int k = 0; k < sameKey.size(); k++) {
                if (sameKey.get(k) == old) {
                    sameKey.set(k, now);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<TrackedSession> asList(Object indexed) {
        return indexed instanceof TrackedSession one ? List.of(one) : (List<TrackedSession>) indexed;
    }
}
