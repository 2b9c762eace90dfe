package org.sessionwatch.history;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.tracking.SessionTracker;

/**
 * The child JVM of {@link HistoryCrashTest}: records an estate with heavy churn as fast as it can and prints
 * {@code durable N} once cycle N is committed, until it is killed.
 */
public final class HistoryCrashChild {
    static final int SERVERS = 40;
    static final int SESSIONS_PER_SERVER = 50;

    private HistoryCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Instant t0 = Instant.parse("2026-11-30T08:00:00Z");
        Random random = new Random(42);
        // Per server: each slot's connect time; a slot reconnects (a new session) with 20 % chance per cycle.
        long[][] connected = new long[SERVERS][SESSIONS_PER_SERVER];
        for (long[] server : connected) {
            java.util.Arrays.fill(server, t0.getEpochSecond() - 600);
        }
        HistoryRecorder recorder = HistoryRecorder.start(file, Duration.ofDays(90), Duration.ofMinutes(1),
                Clock.systemUTC(), status -> System.out.println("status " + status.state()));
        SessionTracker tracker = new SessionTracker();
        tracker.subscribe(recorder);
        for (int cycle = 1; ; cycle++) {
            Instant at = t0.plusSeconds(15L * cycle);
            List<ServerPollResult> results = new ArrayList<>();
            for (int s = 0; s < SERVERS; s++) {
                String server = "FS" + s;
                List<Session> sessions = new ArrayList<>();
                for (int i = 0; i < SESSIONS_PER_SERVER; i++) {
                    if (random.nextInt(5) == 0) {
                        connected[s][i] = at.getEpochSecond() - random.nextInt(10);
                    }
                    sessions.add(Session.builder(server, InfoLevel.LEVEL_502).clientName("10.0." + s + "." + i)
                            .userName("user" + i).activeSeconds(at.getEpochSecond() - connected[s][i])
                            .idleSeconds(random.nextInt(2_000)).openCount(random.nextInt(4)).build());
                }
                results.add(new ServerPollResult.Ok(server, InfoLevel.LEVEL_502, InfoLevel.LEVEL_502, sessions,
                        Duration.ofMillis(5), at));
            }
            tracker.completeCycle(new PollCycle(at, results));
            if (!recorder.flush(Duration.ofSeconds(30))) {
                throw new IllegalStateException("the writer did not keep up");
            }
            System.out.println("durable " + cycle);
            System.out.flush();
        }
    }
}
