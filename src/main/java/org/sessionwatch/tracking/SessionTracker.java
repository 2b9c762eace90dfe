package org.sessionwatch.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Poll results in, session events out: the one place that decides whether a session of this answer is one of the
 * previous answer.
 *
 * <p>The rule: same {@link SessionKey} (server, client and user, case folded) and derived start times no more than
 * {@link SessionKey#START_TOLERANCE} apart; of several candidates the closest start wins, an unknown start (level 0)
 * matching any. A user who reconnects gets a new start, so the old session ends and a new one connects, which is what
 * happened.
 *
 * <p>A failing server's sessions stay tracked and are never reported as ended while it fails; the next successful
 * answer is compared with the last one before the failure. A server whose results stop appearing in completed cycles
 * (removed or disabled) has its sessions ended with {@link SessionEvent.EndReason#SERVER_REMOVED}.
 *
 * <p>Not thread-safe: call from one thread at a time (the window uses a single tracker thread, the CLI its main
 * thread). Subscribers run synchronously on that thread, in subscription order; one that throws is logged and the
 * others still get the update.
 */
public final class SessionTracker {
    private static final Logger LOG = LoggerFactory.getLogger(SessionTracker.class);

    /** What the tracker knows of one server. */
    private static final class ServerState {
        boolean answered;
        /** The kind of the current failure, or null while the server answers. */
        ErrorKind failing;
        /** Live sessions by key: a {@link TrackedSession}, or a {@code List} of them when several share the key. */
        Map<SessionKey, Object> sessions = new HashMap<>();
        int size;
    }

    private final Map<String, ServerState> servers = new LinkedHashMap<>();
    /** Results consumed by {@link #apply} since the last completed cycle, by identity. */
    private final Set<ServerPollResult> appliedThisCycle = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Consumer<TrackerUpdate>> subscribers = new CopyOnWriteArrayList<>();
    private long nextId = 1;

    /** Adds a consumer of every later update. */
    public void subscribe(Consumer<TrackerUpdate> subscriber) {
        subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
    }

    /**
     * Consumes the results of some servers as they arrive during a cycle (each server at most once per cycle) and
     * publishes what changed.
     */
    public TrackerUpdate apply(Instant polledAt, List<ServerPollResult> results) {
        Objects.requireNonNull(polledAt, "polledAt");
        List<SessionEvent> events = eventList(results);
        for (ServerPollResult result : results) {
            appliedThisCycle.add(result);
            applyOne(result, polledAt, events);
        }
        return publish(new TrackerUpdate(polledAt, results, events, false));
    }

    /**
     * Closes a cycle: its results not yet consumed by {@link #apply} are consumed now, and the sessions of servers
     * the cycle does not contain end with {@link SessionEvent.EndReason#SERVER_REMOVED}.
     */
    public TrackerUpdate completeCycle(PollCycle cycle) {
        Objects.requireNonNull(cycle, "cycle");
        List<ServerPollResult> consumed = new ArrayList<>();
        Set<String> polled = new HashSet<>();
        Instant lastAnswer = cycle.polledAt();
        List<SessionEvent> events = eventList(cycle.results().stream()
                .filter(result -> !appliedThisCycle.contains(result)).toList());
        for (ServerPollResult result : cycle.results()) {
            polled.add(result.server());
            if (result.finishedAt() != null && result.finishedAt().isAfter(lastAnswer)) {
                lastAnswer = result.finishedAt();
            }
            if (!appliedThisCycle.contains(result)) {
                consumed.add(result);
                applyOne(result, cycle.polledAt(), events);
            }
        }
        appliedThisCycle.clear();
        for (var it = servers.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (!polled.contains(entry.getKey())) {
                for (TrackedSession gone : all(entry.getValue())) {
                    events.add(new SessionEvent.Ended(lastAnswer, gone, SessionEvent.EndReason.SERVER_REMOVED));
                }
                it.remove();
            }
        }
        return publish(new TrackerUpdate(cycle.polledAt(), consumed, events, true));
    }

    /**
     * A list sized for one event per session of {@code results}: every session's connected time advances each poll,
     * so each is a {@code Changed}; 100,000 events would otherwise grow the list through two dozen copies.
     */
    private static List<SessionEvent> eventList(List<ServerPollResult> results) {
        int expected = 16;
        for (ServerPollResult result : results) {
            if (result instanceof ServerPollResult.Ok ok) {
                expected += ok.sessions().size();
            }
        }
        return new ArrayList<>(expected);
    }

    /** The sessions tracked now, those of failing servers included, server by server. */
    public List<TrackedSession> sessions() {
        List<TrackedSession> snapshot = new ArrayList<>();
        servers.values().forEach(state -> snapshot.addAll(all(state)));
        return snapshot;
    }

    /** Whether {@code server}'s last result was a failure. */
    public boolean isFailing(String server) {
        ServerState state = servers.get(server);
        return state != null && state.failing != null;
    }

    private void applyOne(ServerPollResult result, Instant polledAt, List<SessionEvent> events) {
        ServerState state = servers.computeIfAbsent(result.server(), name -> new ServerState());
        Instant at = result.finishedAt() != null ? result.finishedAt() : polledAt;
        switch (result) {
            case ServerPollResult.Failed failed -> {
                if (state.failing != failed.error().kind()) {
                    events.add(new SessionEvent.ServerFailing(at, failed.server(), failed.error(), failed.level()));
                    state.failing = failed.error().kind();
                }
            }
            case ServerPollResult.Ok ok -> {
                if (state.failing != null) {
                    events.add(new SessionEvent.ServerRecovered(at, ok.server(), ok.sessions().size()));
                    state.failing = null;
                }
                boolean initial = !state.answered;
                state.answered = true;
                compare(state, ok, at, initial, events);
            }
        }
    }

    /** Matches an answer against the server's previous sessions; emits ended, connected, then changed sessions. */
    private void compare(ServerState state, ServerPollResult.Ok ok, Instant at, boolean initial,
                         List<SessionEvent> events) {
        Map<SessionKey, Object> previous = state.sessions;
        Map<SessionKey, Object> current = HashMap.newHashMap(ok.sessions().size());
        List<SessionEvent> connected = new ArrayList<>();
        List<SessionEvent> changed = new ArrayList<>(ok.sessions().size());
        for (Session session : ok.sessions()) {
            SessionKey key = SessionKey.of(session);
            long start = SessionKey.startOf(session, at);
            TrackedSession before = take(previous, key, start);
            if (before == null) {
                TrackedSession fresh = new TrackedSession(nextId++, key, start, session, ok.requestedLevel(), at);
                connected.add(new SessionEvent.Connected(at, fresh, initial));
                put(current, fresh);
                continue;
            }
            // The latest derived start is kept, so slow clock drift between server and poller never adds up to a
            // false reconnect; an answer without a connected time keeps the start that was known.
            long newStart = start == SessionKey.UNKNOWN_START ? before.startEpochSecond() : start;
            // The matched key is kept: the one just built for the lookup is garbage at once.
            TrackedSession after = new TrackedSession(before.id(), before.key(), newStart, session,
                    ok.requestedLevel(), at);
            if (!before.session().equals(session) || before.requestedLevel() != ok.requestedLevel()) {
                changed.add(new SessionEvent.Changed(at, before, after));
            }
            put(current, after);
        }
        for (Object left : previous.values()) {
            for (TrackedSession gone : asList(left)) {
                events.add(new SessionEvent.Ended(at, gone, SessionEvent.EndReason.DISCONNECTED));
            }
        }
        events.addAll(connected);
        events.addAll(changed);
        state.sessions = current;
        state.size = ok.sessions().size();
    }

    /** Removes and returns the session under {@code key} whose start is closest to {@code start}, within tolerance. */
    private static TrackedSession take(Map<SessionKey, Object> sessions, SessionKey key, long start) {
        // Removed first and put back on the rare miss: one hash lookup instead of two for the usual single match.
        Object found = sessions.remove(key);
        if (found == null) {
            return null;
        }
        if (found instanceof TrackedSession only) {
            if (!SessionKey.sameStart(only.startEpochSecond(), start)) {
                sessions.put(key, only);
                return null;
            }
            return only;
        }
        List<TrackedSession> candidates = asList(found);
        TrackedSession best = null;
        long bestDistance = Long.MAX_VALUE;
        for (TrackedSession candidate : candidates) {
            long distance = SessionKey.startDistance(candidate.startEpochSecond(), start);
            if (distance <= SessionKey.START_TOLERANCE.toSeconds() && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best != null) {
            candidates.remove(best);
        }
        if (!candidates.isEmpty()) {
            sessions.put(key, candidates);
        }
        return best;
    }

    private static void put(Map<SessionKey, Object> sessions, TrackedSession session) {
        sessions.merge(session.key(), session, (existing, added) -> {
            List<TrackedSession> sameKey = existing instanceof TrackedSession one
                    ? new ArrayList<>(List.of(one)) : asList(existing);
            sameKey.add((TrackedSession) added);
            return sameKey;
        });
    }

    @SuppressWarnings("unchecked")
    private static List<TrackedSession> asList(Object indexed) {
        return indexed instanceof TrackedSession one ? List.of(one) : (List<TrackedSession>) indexed;
    }

    private static List<TrackedSession> all(ServerState state) {
        List<TrackedSession> sessions = new ArrayList<>(state.size);
        state.sessions.values().forEach(value -> sessions.addAll(asList(value)));
        return sessions;
    }

    private TrackerUpdate publish(TrackerUpdate update) {
        for (Consumer<TrackerUpdate> subscriber : subscribers) {
            try {
                subscriber.accept(update);
            } catch (RuntimeException e) {
                LOG.warn("A session event consumer failed; the others still got the update", e);
            }
        }
        return update;
    }
}
