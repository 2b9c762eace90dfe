package org.sessionwatch.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;

/**
 * Poll results in, session events out (see the tracker contract). Not thread-safe: one thread calls it.
 */
public final class SessionTracker {
    private final List<Consumer<TrackerUpdate>> subscribers = new CopyOnWriteArrayList<>();
    private final Map<String, List<TrackedSession>> byServer = new HashMap<>();
    private final Map<String, ErrorKind> failing = new HashMap<>();
    private final Set<String> appliedThisCycle = new HashSet<>();
    private long nextId = 1;

    public void subscribe(Consumer<TrackerUpdate> subscriber) {
        subscribers.add(subscriber);
    }

    public TrackerUpdate apply(Instant polledAt, List<ServerPollResult> results) {
        List<SessionEvent> events = new ArrayList<>();
        for (ServerPollResult result : results) {
            applyOne(polledAt, result, events);
        }
        return publish(new TrackerUpdate(polledAt, results, events, false));
    }

    public TrackerUpdate completeCycle(PollCycle cycle) {
        List<SessionEvent> events = new ArrayList<>();
        List<ServerPollResult> consumed = new ArrayList<>();
        Set<String> inCycle = new HashSet<>();
        for (ServerPollResult result : cycle.results()) {
            inCycle.add(result.server());
            if (!appliedThisCycle.contains(result.server())) {
                applyOne(cycle.polledAt(), result, events);
                consumed.add(result);
            }
        }
        for (String server : List.copyOf(byServer.keySet())) {
            if (!inCycle.contains(server)) {
                for (TrackedSession gone : byServer.remove(server)) {
                    events.add(new SessionEvent.Ended(cycle.polledAt(), gone, SessionEvent.EndReason.SERVER_REMOVED));
                }
                failing.remove(server);
            }
        }
        appliedThisCycle.clear();
        return publish(new TrackerUpdate(cycle.polledAt(), consumed, events, true));
    }

    public List<TrackedSession> sessions() {
        return byServer.values().stream().flatMap(List::stream).toList();
    }

    public boolean isFailing(String server) {
        return failing.containsKey(server);
    }

    private TrackerUpdate publish(TrackerUpdate update) {
        subscribers.forEach(s -> s.accept(update));
        return update;
    }

    private void applyOne(Instant polledAt, ServerPollResult result, List<SessionEvent> events) {
        appliedThisCycle.add(result.server());
        Instant at = result.finishedAt() != null ? result.finishedAt() : polledAt;
        switch (result) {
            case ServerPollResult.Failed failed -> {
                ErrorKind before = failing.put(failed.server(), failed.error().kind());
                if (before != failed.error().kind()) {
                    events.add(new SessionEvent.ServerFailing(at, failed.server(), failed.error(), failed.level()));
                }
            }
            case ServerPollResult.Ok ok -> {
                boolean initial = !byServer.containsKey(ok.server());
                List<TrackedSession> previous = byServer.getOrDefault(ok.server(), List.of());
                Map<SessionKey, List<TrackedSession>> unmatched = new HashMap<>();
                for (TrackedSession tracked : previous) {
                    unmatched.computeIfAbsent(tracked.key(), k -> new ArrayList<>(1)).add(tracked);
                }
                List<TrackedSession> now = new ArrayList<>(ok.sessions().size());
                for (Session session : ok.sessions()) {
                    SessionKey key = SessionKey.of(session);
                    long start = SessionKey.startOf(session, at);
                    TrackedSession match = takeClosest(unmatched.get(key), start);
                    if (match == null) {
                        TrackedSession created = new TrackedSession(nextId++, key, start, session,
                                ok.requestedLevel(), at);
                        now.add(created);
                        events.add(new SessionEvent.Connected(at, created, initial));
                    } else {
                        TrackedSession after = new TrackedSession(match.id(), key, match.startEpochSecond(), session,
                                ok.requestedLevel(), at);
                        now.add(after);
                        if (!session.equals(match.session())) {
                            events.add(new SessionEvent.Changed(at, match, after));
                        }
                    }
                }
                for (List<TrackedSession> left : unmatched.values()) {
                    for (TrackedSession gone : left) {
                        events.add(new SessionEvent.Ended(at, gone, SessionEvent.EndReason.DISCONNECTED));
                    }
                }
                byServer.put(ok.server(), now);
                if (failing.remove(ok.server()) != null) {
                    events.add(new SessionEvent.ServerRecovered(at, ok.server(), now.size()));
                }
            }
        }
    }

    private static TrackedSession takeClosest(List<TrackedSession> candidates, long start) {
        if (candidates == null || candidates.isEmpty()) {
            return null;
        }
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < candidates.size(); i++) {
            long distance = SessionKey.startDistance(candidates.get(i).startEpochSecond(), start);
            if (SessionKey.sameStart(candidates.get(i).startEpochSecond(), start) && distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best < 0 ? null : candidates.remove(best);
    }
}
