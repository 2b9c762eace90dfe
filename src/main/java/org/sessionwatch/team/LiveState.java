package org.sessionwatch.team;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;

/**
 * What the collectors stored, as read by a console: each server's last outcome and the collectors' heartbeats.
 *
 * @param servers    every server the active collector polls, by name
 * @param collectors every collector that has run against this database, active first
 */
public record LiveState(List<ServerState> servers, List<Heartbeat> collectors) {
    static final String OK = "OK";

    public LiveState {
        servers = List.copyOf(servers);
        collectors = List.copyOf(collectors);
    }

    /**
     * One server's last outcome.
     *
     * @param result       as the collector's poller produced it (a failed server carries no sessions here)
     * @param cycle        the collector's cycle number
     * @param polledAt     when that cycle started
     * @param lastSessions the sessions of its last successful answer: the same as the result's when it answered,
     *                     otherwise the stale ones a window keeps showing
     */
    public record ServerState(ServerPollResult result, long cycle, Instant polledAt, Optional<Instant> lastSuccess,
                              String collector, List<Session> lastSessions) {
        public ServerState {
            lastSessions = List.copyOf(lastSessions);
        }
    }

    /** A collector's heartbeat: who, where, in which role, and when it last finished a cycle. */
    public record Heartbeat(String name, String host, String role, Duration interval, Instant beatAt,
                            Optional<Long> lastCycle, Optional<Instant> lastCycleAt) {

        public boolean active() {
            return "ACTIVE".equals(role);
        }

        /** "collector fs-mon-01 on host mon1, last cycle 3 s ago". */
        public String describe(Instant now) {
            String last = lastCycleAt.map(at -> "last cycle " + Math.max(0, Duration.between(at, now).toSeconds())
                    + " s ago").orElse("no cycle yet");
            return "collector " + name + " on " + host + " (" + role.toLowerCase(java.util.Locale.ROOT) + "), " + last;
        }

        /** "collector fs-mon-01, last cycle 3 s ago", for a status bar. */
        public String brief(Instant now) {
            return "collector " + name + ", " + lastCycleAt.map(at -> "last cycle "
                    + Math.max(0, Duration.between(at, now).toSeconds()) + " s ago").orElse("no cycle yet");
        }

        /** A collector that has not beaten for two of its intervals is presumed gone. */
        public boolean silent(Instant now) {
            return Duration.between(beatAt, now).compareTo(interval.multipliedBy(2)) > 0;
        }
    }

    /** The active collector, if one is beating. */
    public Optional<Heartbeat> active() {
        return collectors.stream().filter(Heartbeat::active).findFirst();
    }

    /** The stored results as one poll cycle (polled at the latest cycle start), for the CLI's existing formats. */
    public PollCycle asCycle() {
        Instant polledAt = servers.stream().map(ServerState::polledAt).max(Instant::compareTo).orElse(Instant.EPOCH);
        return new PollCycle(polledAt, servers.stream().map(ServerState::result).toList());
    }
}
