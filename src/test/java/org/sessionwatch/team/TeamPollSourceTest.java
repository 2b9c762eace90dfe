package org.sessionwatch.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.testing.Eventually.await;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerActions;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.testing.PostgresServer;
import org.sessionwatch.testing.ScriptedServers;
import org.sessionwatch.tracking.SessionEvent;
import org.sessionwatch.tracking.SessionTracker;
import org.sessionwatch.tracking.TrackerUpdate;

/**
 * The window's team source at view-model level: its polls feed a session tracker exactly as the window's scheduler
 * does (early results, then the cycle), against a real collector and PostgreSQL.
 */
class TeamPollSourceTest {
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    private final ExecutorService pollThread = Executors.newSingleThreadExecutor();
    private final SessionTracker tracker = new SessionTracker();
    private final List<SessionEvent> events = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        pollThread.shutdownNow();
    }

    private TeamPollSource source(TeamFixture fixture) {
        tracker.subscribe((TrackerUpdate update) -> events.addAll(update.events()));
        return new TeamPollSource(fixture.team, ServerActions.unsupported("test"), () -> { }, Clock.systemUTC(),
                ZoneOffset.UTC, INTERVAL);
    }

    /** One poll as the window's scheduler runs it: early results applied as they come, then the cycle. */
    private PollCycle poll(TeamPollSource source) throws Exception {
        Future<PollCycle> polled = pollThread.submit(() -> source.poll(result -> {
            synchronized (tracker) {
                tracker.apply(result.finishedAt(), List.of(result));
            }
        }));
        PollCycle cycle = polled.get(30, TimeUnit.SECONDS);
        synchronized (tracker) {
            tracker.completeCycle(cycle);
        }
        return cycle;
    }

    private boolean connected(String user) {
        return events.stream().anyMatch(e -> e instanceof SessionEvent.Connected c
                && c.session().session().userName().orElse("").equals(user));
    }

    @Test
    void rowsComeFromTheCollectorsCommitsAndTheStatusNamesTheCollector() throws Exception {
        ScriptedServers servers = new ScriptedServers().connect("FS01", "10.0.0.7", "alice", 3);
        try (TeamFixture fixture = new TeamFixture(PG); TeamPollSource source = source(fixture)) {
            fixture.start("fs-mon-01", servers, INTERVAL);
            await("alice is shown", PATIENCE, () -> {
                poll(source);
                return connected("alice");
            });
            servers.connect("FS01", "10.0.0.8", "bob", 1);
            await("bob, connected after the first cycle, is shown", PATIENCE, () -> {
                poll(source);
                return connected("bob");
            });
            assertThat(source.sourceStatus(Clock.systemUTC().instant()))
                    .hasValueSatisfying(s -> assertThat(s).startsWith("Team collector fs-mon-01, last cycle"));
            assertThat(source.actions().servers()).as("actions never go through the database").isEmpty();
        }
    }

    @Test
    void rowsTurnStaleWhenTheDatabaseIsDownAndEverythingIsReadAgainAfterReconnecting() throws Exception {
        ScriptedServers servers = new ScriptedServers().connect("FS01", "10.0.0.7", "alice", 3);
        try (TeamFixture fixture = new TeamFixture(PG); TeamPollSource source = source(fixture)) {
            Collector collector = fixture.start("fs-mon-01", servers, INTERVAL);
            await("alice is shown", PATIENCE, () -> {
                poll(source);
                return connected("alice");
            });

            PG.stop(true);
            PollCycle stale = await("a cycle marks every server failed", PATIENCE, () -> {
                PollCycle cycle = poll(source);
                return cycle.results().stream().allMatch(r -> r instanceof ServerPollResult.Failed) ? cycle : null;
            });
            ServerPollResult.Failed failed = (ServerPollResult.Failed) stale.results().get(0);
            assertThat(failed.server()).isEqualTo("FS01");
            assertThat(failed.error().kind()).isEqualTo(ErrorKind.UNREACHABLE);
            assertThat(failed.error().message()).contains("cannot be reached");
            assertThat(events).as("the rows stay, stale").anyMatch(e -> e instanceof SessionEvent.ServerFailing)
                    .noneMatch(e -> e instanceof SessionEvent.Ended);
            assertThat(source.sourceStatus(Clock.systemUTC().instant()))
                    .hasValueSatisfying(s -> assertThat(s).contains("cannot be reached").contains("reconnecting"));

            servers.connect("FS01", "10.0.0.9", "carol", 2);
            PG.start();
            await("after reconnecting, everything is read again: carol appears, FS01 recovers", PATIENCE, () -> {
                poll(source);
                return connected("carol") && events.stream().anyMatch(e -> e instanceof SessionEvent.ServerRecovered);
            });
            assertThat(collector.cyclesCompleted()).isPositive();
        }
    }
}
