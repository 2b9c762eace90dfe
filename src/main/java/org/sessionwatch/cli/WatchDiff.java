package org.sessionwatch.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.tracking.SessionKey;

/**
 * Turns consecutive poll cycles into connect/disconnect events.
 *
 * <p>A session is recognised the way the window's table recognises it: its {@link SessionKey} (server, client, user)
 * plus its derived start time (answer time minus {@code sesi_time}), starts within
 * {@link SessionKey#START_TOLERANCE} of each other being the same session. A user who reconnects in between gets a new
 * start and shows as a disconnect plus a connect, which is what happened. At levels without a time only the count per
 * server, client and user can be compared.
 *
 * <p>A failing server's sessions are not reported as disconnected: the last successful picture is kept and compared
 * with the next one once it answers again.
 */
final class WatchDiff {
    private record Seen(Session session, long start) {
        Optional<Instant> since() {
            return start == SessionKey.UNKNOWN_START ? Optional.empty() : Optional.of(Instant.ofEpochSecond(start));
        }
    }

    private static final class ServerState {
        List<Seen> sessions;
        ErrorKind failing;
    }

    private final Map<String, ServerState> servers = new HashMap<>();

    /** The events between the previous cycle (if any) and {@code cycle}, in server order. */
    List<WatchEvent> next(PollCycle cycle) {
        Objects.requireNonNull(cycle, "cycle");
        List<WatchEvent> events = new ArrayList<>();
        Instant at = cycle.polledAt();
        for (ServerPollResult result : cycle.results()) {
            ServerState state = servers.computeIfAbsent(key(result.server()), k -> new ServerState());
            switch (result) {
                case ServerPollResult.Failed failed -> {
                    if (state.failing != failed.error().kind()) {
                        events.add(new WatchEvent.ServerFailed(at, failed.server(), failed.error()));
                    }
                    state.failing = failed.error().kind();
                }
                case ServerPollResult.Ok ok -> {
                    if (state.failing != null) {
                        events.add(new WatchEvent.ServerRecovered(at, ok.server(), ok.sessions().size()));
                        state.failing = null;
                    }
                    // The same time base as the window: when the answer was complete, else when the poll was.
                    Instant answeredAt = ok.finishedAt() != null ? ok.finishedAt() : at;
                    List<Seen> now = ok.sessions().stream()
                            .map(s -> new Seen(s, SessionKey.startOf(s, answeredAt))).toList();
                    if (state.sessions == null) {
                        now.forEach(seen -> events.add(new WatchEvent.Present(at, seen.session(), seen.since())));
                    } else {
                        compare(at, state.sessions, now, events);
                    }
                    state.sessions = now;
                }
            }
        }
        return events;
    }

    private static void compare(Instant at, List<Seen> before, List<Seen> now, List<WatchEvent> events) {
        Map<SessionKey, List<Seen>> unmatched = new LinkedHashMap<>();
        for (Seen seen : before) {
            unmatched.computeIfAbsent(SessionKey.of(seen.session()), k -> new ArrayList<>()).add(seen);
        }
        List<WatchEvent> connected = new ArrayList<>();
        for (Seen seen : now) {
            List<Seen> candidates = unmatched.getOrDefault(SessionKey.of(seen.session()), List.of());
            Optional<Seen> match = candidates.stream()
                    .filter(old -> SessionKey.sameStart(old.start(), seen.start()))
                    .min(Comparator.comparingLong(old -> SessionKey.startDistance(old.start(), seen.start())));
            if (match.isPresent()) {
                candidates.remove(match.get());
            } else {
                connected.add(new WatchEvent.Connected(at, seen.session(), seen.since()));
            }
        }
        unmatched.values().forEach(left -> left.forEach(
                old -> events.add(new WatchEvent.Disconnected(at, old.session(), old.since()))));
        events.addAll(connected);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
