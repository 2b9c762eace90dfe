package org.sessionwatch.bench;

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
 * Successive full poll cycles of a large estate for the table-merge benchmark: {@code servers x perServer} sessions,
 * and from one cycle to the next a churn share of them changes, split in three: sessions that end, new ones, and
 * ones whose idle time and open count change. As on a real server every session's connected time advances by the
 * poll interval, so every row gets a new {@link Session} value each cycle, changed or not.
 *
 * <p>The first {@link #PROTECTED} sessions of the first server never end, so a row can stay selected throughout.
 */
public final class EstateSnapshots {
    public static final int PROTECTED = 10;
    static final Duration INTERVAL = Duration.ofSeconds(15);
    private static final String[] TYPES = {"Windows 10 Enterprise 19045", "Windows 11 Enterprise 22631", "Unix",
            "macOS 14.5"};
    private static final String[] TRANSPORTS = {"\\Device\\NetbiosSmb", "\\Device\\NetBT_Tcpip_{6A3C52E1}"};

    /** What a server knows about one session; the {@link Session} is derived per cycle. */
    private record Live(String client, String user, long startEpochSecond, long idle, long opens, String type,
                        String transport) {
    }

    private final List<String> servers = new ArrayList<>();
    private final List<List<Live>> live = new ArrayList<>();
    private final Random random = new Random(2026);
    private final double churn;
    private final Instant start = Instant.parse("2026-11-24T08:00:00Z");
    private int cycle;
    private int nextUser;

    public EstateSnapshots(int serverCount, int perServer, double churn) {
        this.churn = churn;
        for (int s = 0; s < serverCount; s++) {
            servers.add("FS-%03d.corp.example".formatted(s + 1));
            List<Live> sessions = new ArrayList<>(perServer);
            for (int i = 0; i < perServer; i++) {
                sessions.add(newSession(s, 8 * 3600));
            }
            live.add(sessions);
        }
    }

    /** A session that started up to {@code maxAgeSeconds} before the current cycle. */
    private Live newSession(int server, int maxAgeSeconds) {
        int user = nextUser++;
        long startedAt = start.getEpochSecond() + cycle * INTERVAL.toSeconds() - random.nextInt(maxAgeSeconds);
        return new Live("10." + (server % 250) + "." + (user / 250 % 250) + "." + (user % 250 + 1),
                "user" + user, startedAt, random.nextInt(3600), random.nextInt(40),
                TYPES[random.nextInt(TYPES.length)], TRANSPORTS[random.nextInt(TRANSPORTS.length)]);
    }

    public int sessionCount() {
        return live.stream().mapToInt(List::size).sum();
    }

    /** The server names, in order. */
    public List<String> servers() {
        return servers;
    }

    /** Advances one poll interval, applies the churn and returns the cycle as the poller would deliver it. */
    public PollCycle next() {
        if (cycle > 0) {
            churn();
        }
        Instant polledAt = start.plus(INTERVAL.multipliedBy(cycle));
        List<ServerPollResult> results = new ArrayList<>(servers.size());
        for (int s = 0; s < servers.size(); s++) {
            List<Session> sessions = new ArrayList<>(live.get(s).size());
            for (Live l : live.get(s)) {
                sessions.add(Session.builder(servers.get(s), InfoLevel.LEVEL_502).clientName(l.client())
                        .userName(l.user()).openCount(l.opens())
                        .activeSeconds(Math.max(0, polledAt.getEpochSecond() - l.startEpochSecond()))
                        .idleSeconds(l.idle()).userFlags(0).clientType(l.type()).transport(l.transport()).build());
            }
            results.add(new ServerPollResult.Ok(servers.get(s), InfoLevel.LEVEL_502, InfoLevel.LEVEL_502, sessions,
                    Duration.ofMillis(40 + random.nextInt(160)), polledAt));
        }
        cycle++;
        return new PollCycle(polledAt, results);
    }

    private void churn() {
        int changes = (int) Math.round(sessionCount() * churn);
        int ends = changes / 3;
        int starts = changes / 3;
        int updates = changes - ends - starts;
        for (int i = 0; i < ends; i++) {
            int s = random.nextInt(servers.size());
            List<Live> sessions = live.get(s);
            int first = s == 0 ? PROTECTED : 0;
            if (sessions.size() > first) {
                sessions.remove(first + random.nextInt(sessions.size() - first));
            }
        }
        for (int i = 0; i < starts; i++) {
            int s = random.nextInt(servers.size());
            live.get(s).add(newSession(s, (int) INTERVAL.toSeconds()));
        }
        for (int i = 0; i < updates; i++) {
            List<Live> sessions = live.get(random.nextInt(servers.size()));
            int at = random.nextInt(sessions.size());
            Live l = sessions.get(at);
            sessions.set(at, new Live(l.client(), l.user(), l.startEpochSecond(), random.nextInt(3600),
                    random.nextInt(40), l.type(), l.transport()));
        }
    }
}
