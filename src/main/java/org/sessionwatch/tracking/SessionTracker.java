package org.sessionwatch.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

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
 * <p>A session whose connected time only advanced with its start (within {@link ServerSessions#START_NOISE_SECONDS})
 * produces no event: every consumer derives the age from the start ({@link TrackedSession#asOf}). So a steady estate
 * costs its consumers nothing per poll; open files, idle time, any other value, or a start that moved further, is a
 * {@link SessionEvent.Changed} with the values before and after.
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

    private final Map<String, ServerSessions> servers = new LinkedHashMap<>();
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
        List<SessionEvent> events = new ArrayList<>();
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
        List<SessionEvent> events = new ArrayList<>();
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
                entry.getValue().endAll(lastAnswer, events);
                it.remove();
            }
        }
        return publish(new TrackerUpdate(cycle.polledAt(), consumed, events, true));
    }

    /** The sessions tracked now, those of failing servers included, server by server, as of each one's last answer. */
    public List<TrackedSession> sessions() {
        List<TrackedSession> snapshot = new ArrayList<>();
        servers.values().forEach(state -> state.addAllTo(snapshot));
        return snapshot;
    }

    /** Whether {@code server}'s last result was a failure. */
    public boolean isFailing(String server) {
        ServerSessions state = servers.get(server);
        return state != null && state.failing != null;
    }

    private void applyOne(ServerPollResult result, Instant polledAt, List<SessionEvent> events) {
        ServerSessions state = servers.computeIfAbsent(result.server(), name -> new ServerSessions());
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
                state.compare(ok, at, initial, () -> nextId++, events);
            }
        }
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
