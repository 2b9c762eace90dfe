package org.sessionwatch.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;

/**
 * A simulated estate for the history benchmarks: {@code servers} × {@code perServer} session slots; per cycle a
 * share of the slots reconnects (a new session: one interval ends, one starts), a share changes its open count, and
 * every session's connected and idle times advance, as on real servers.
 */
final class ChurningEstate {
    private final int servers;
    private final int perServer;
    private final Random random = new Random(7);
    private final long[][] connectedAt;
    private final int[][] opens;
    private final long[][] activeAt;
    private final List<String> names = new ArrayList<>();

    ChurningEstate(int servers, int perServer, Instant start) {
        this.servers = servers;
        this.perServer = perServer;
        connectedAt = new long[servers][perServer];
        opens = new int[servers][perServer];
        activeAt = new long[servers][perServer];
        for (int s = 0; s < servers; s++) {
            names.add("FS-%03d".formatted(s));
            for (int i = 0; i < perServer; i++) {
                connectedAt[s][i] = start.getEpochSecond() - random.nextInt(8 * 3600);
                activeAt[s][i] = start.getEpochSecond() - random.nextInt(3600);
                opens[s][i] = random.nextInt(6);
            }
        }
    }

    int sessions() {
        return servers * perServer;
    }

    /** The answers of all servers at {@code at}, after {@code churn} of the slots reconnected. */
    PollCycle cycle(Instant at, double churn, double opensChange) {
        long now = at.getEpochSecond();
        List<ServerPollResult> results = new ArrayList<>(servers);
        for (int s = 0; s < servers; s++) {
            List<Session> sessions = new ArrayList<>(perServer);
            String server = names.get(s);
            for (int i = 0; i < perServer; i++) {
                if (random.nextDouble() < churn) {
                    connectedAt[s][i] = now - random.nextInt(10);
                    activeAt[s][i] = now;
                }
                if (random.nextDouble() < opensChange) {
                    opens[s][i] = random.nextInt(6);
                    activeAt[s][i] = now;
                }
                sessions.add(Session.builder(server, InfoLevel.LEVEL_502).clientName("10.%d.%d.%d".formatted(
                                s / 250, s % 250, i)).userName("user%05d".formatted((s * perServer + i) % 20_000))
                        .activeSeconds(now - connectedAt[s][i]).idleSeconds(now - activeAt[s][i])
                        .openCount(opens[s][i]).clientType("Windows 11 Pro 22631").transport("\\Device\\NetbiosSmb")
                        .build());
            }
            results.add(new ServerPollResult.Ok(server, InfoLevel.LEVEL_502, InfoLevel.LEVEL_502, sessions,
                    Duration.ofMillis(40), at));
        }
        return new PollCycle(at, results);
    }
}
