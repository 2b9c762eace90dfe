package org.sessionwatch.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;

/**
 * Servers whose sessions connect and disconnect at known times, answered as a real server would: each answer holds
 * the sessions connected at that moment with their connected time ({@code sesi_time}) counted in whole seconds.
 */
final class ScriptedEstate {
    static final NetApiError DOWN = new NetApiError(ErrorKind.UNREACHABLE, 53, "The server is not reachable", null);

    record Planned(String server, String client, String user, Instant connect, Instant disconnect, int opens) {
        boolean connectedAt(Instant t) {
            return !connect.isAfter(t) && (disconnect == null || disconnect.isAfter(t));
        }
    }

    private final Map<String, List<Instant[]>> outages = new LinkedHashMap<>();
    private final List<String> servers = new ArrayList<>();
    private final List<Planned> sessions = new ArrayList<>();

    ScriptedEstate server(String name) {
        servers.add(name);
        return this;
    }

    ScriptedEstate session(String server, String client, String user, Instant connect, Instant disconnect, int opens) {
        sessions.add(new Planned(server, client, user, connect, disconnect, opens));
        return this;
    }

    /** The server does not answer from {@code from} (inclusive) to {@code to} (exclusive). */
    ScriptedEstate outage(String server, Instant from, Instant to) {
        outages.computeIfAbsent(server, s -> new ArrayList<>()).add(new Instant[] {from, to});
        return this;
    }

    /** The cycle a poll at {@code at} returns; each server answers 200 ms later. */
    PollCycle poll(Instant at) {
        Instant answered = at.plusMillis(200);
        List<ServerPollResult> results = new ArrayList<>();
        for (String server : servers) {
            boolean down = outages.getOrDefault(server, List.of()).stream()
                    .anyMatch(o -> !at.isBefore(o[0]) && at.isBefore(o[1]));
            if (down) {
                results.add(new ServerPollResult.Failed(server, InfoLevel.LEVEL_502, DOWN, Duration.ofSeconds(10),
                        answered));
                continue;
            }
            List<Session> now = sessions.stream().filter(p -> p.server().equals(server) && p.connectedAt(answered))
                    .map(p -> Session.builder(server, InfoLevel.LEVEL_502).clientName(p.client()).userName(p.user())
                            .activeSeconds(Duration.between(p.connect(), answered).toSeconds())
                            .idleSeconds(0).openCount(p.opens()).clientType("Windows 11 Pro 22631")
                            .transport("\\Device\\NetbiosSmb").build())
                    .toList();
            results.add(new ServerPollResult.Ok(server, InfoLevel.LEVEL_502, InfoLevel.LEVEL_502, now,
                    Duration.ofMillis(200), answered));
        }
        return new PollCycle(at, results);
    }
}
