package org.sessionwatch.cli;

import java.time.Duration;
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

/**
 * Turns consecutive poll cycles into connect/disconnect events.
 *
 * <p>A session has no id on the wire, so it is recognised by server, client and user plus its derived start time
 * (poll time minus {@code sesi_time}). That start jitters by the server's answer latency and whole-second rounding,
 * so starts within {@link #TOLERANCE} of each other are the same session; a user who reconnects in between gets a new
 * start and shows as a disconnect plus a connect, which is what happened. At levels without a time only the count per
 * server, client and user can be compared.
 *
 * <p>A failing server's sessions are not reported as disconnected: the last successful picture is kept and compared
 * with the next one once it answers again.
 */
final class WatchDiff {
    static final Duration TOLERANCE = Duration.ofSeconds(2);

    private record Seen(Session session, Optional<Instant> since) {
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
                    List<Seen> now = ok.sessions().stream().map(s -> new Seen(s, since(at, s))).toList();
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
        Map<String, List<Seen>> unmatched = new LinkedHashMap<>();
        for (Seen seen : before) {
            unmatched.computeIfAbsent(identity(seen.session()), k -> new ArrayList<>()).add(seen);
        }
        List<WatchEvent> connected = new ArrayList<>();
        for (Seen seen : now) {
            List<Seen> candidates = unmatched.getOrDefault(identity(seen.session()), List.of());
            Optional<Seen> match = candidates.stream()
                    .filter(old -> sameStart(old.since(), seen.since()))
                    .min(Comparator.comparing(old -> distance(old.since(), seen.since())));
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

    private static boolean sameStart(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        return distance(a, b).compareTo(TOLERANCE) <= 0;
    }

    private static Duration distance(Optional<Instant> a, Optional<Instant> b) {
        return a.isPresent() && b.isPresent() ? Duration.between(a.get(), b.get()).abs() : Duration.ZERO;
    }

    private static Optional<Instant> since(Instant polledAt, Session session) {
        return session.activeSeconds().isPresent()
                ? Optional.of(polledAt.minusSeconds(session.activeSeconds().getAsLong()))
                : Optional.empty();
    }

    /** Server, client and user; names compare case-insensitively as Windows does. */
    private static String identity(Session s) {
        return key(s.server()) + '\u0000' + s.clientName().map(WatchDiff::key).orElse("") + '\u0000'
                + s.userName().map(WatchDiff::key).orElse("");
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
