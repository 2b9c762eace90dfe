package org.sessionwatch.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sessionwatch.testing.Eventually.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.time.Clock;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionwatch.alerts.Alert;
import org.sessionwatch.alerts.AlertFeed;
import org.sessionwatch.config.AlertEvent;
import org.sessionwatch.config.AlertRule;
import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.Capabilities;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;
import org.sessionwatch.polling.ServerActions;
import org.sessionwatch.testing.PostgresServer;
import org.sessionwatch.testing.ScriptedServers;

/** Alerts fired once by the collector for every console; the audit table a reader may append to but never rewrite. */
class TeamAlertsAndAuditTest {
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    @Test
    void theCollectorStoresEachAlertOnceAndFollowersAreToldOfIt() throws Exception {
        ScriptedServers servers = new ScriptedServers().connect("FS01", "10.0.0.7", "alice", 1);
        AlertRule rule = AlertRule.builder("bob connects", AlertEvent.SESSION_CONNECTED).user("bob").build();
        try (TeamFixture fixture = new TeamFixture(PG)) {
            Collector collector = fixture.start("fs-mon-01", servers, INTERVAL, List.of(rule));
            await("the first cycle is stored", PATIENCE, () -> collector.cyclesCompleted() >= 1);
            List<TeamAlerts.Stored> told = Collections.synchronizedList(new ArrayList<>());
            Thread following = fixture.follow(new SourceFollower.Listener() {
                @Override
                public void resynced(LiveState state) {
                }

                @Override
                public void serverChanged(Notice notice, LiveState state) {
                }

                @Override
                public void disconnected(String message, Duration retryIn) {
                }

                @Override
                public void alertsStored(List<TeamAlerts.Stored> alerts) {
                    told.addAll(alerts);
                }
            });
            Instant before = Instant.now().minusSeconds(1);
            servers.connect("FS01", "10.0.0.8", "bob", 0);
            await("the follower is told of bob's alert", PATIENCE, () -> !told.isEmpty());
            long cycles = collector.cyclesCompleted();
            await("two more cycles pass", PATIENCE, () -> collector.cyclesCompleted() >= cycles + 2);

            assertThat(fixture.count("SELECT COUNT(*) FROM team_alert")).as("fired once, not once per cycle")
                    .isEqualTo(1);
            assertThat(told).singleElement().satisfies(stored -> {
                assertThat(stored.collector()).isEqualTo("fs-mon-01");
                assertThat(stored.alert().rule()).isEqualTo("bob connects");
                assertThat(stored.alert().event()).isEqualTo(AlertEvent.SESSION_CONNECTED);
                assertThat(stored.alert().server()).isEqualTo("FS01");
                assertThat(stored.alert().user()).isEqualTo("bob");
                assertThat(stored.alert().text()).contains("bob");
            });
            assertThat(fixture.team.readAlerts(before, "test")).extracting(s -> s.alert().user())
                    .containsExactly("bob");
            following.interrupt();
            following.join(10_000);
        }
    }

    @Test
    void aReaderAppendsToTheAuditButCannotRewriteOrDeleteIt() throws Exception {
        ScriptedServers servers = new ScriptedServers().connect("FS01", "10.0.0.7", "alice", 1);
        try (TeamFixture fixture = new TeamFixture(PG)) {
            fixture.start("fs-mon-01", servers, INTERVAL);
            await("the first cycle is stored", PATIENCE,
                    () -> fixture.count("SELECT COUNT(*) FROM team_collector WHERE last_cycle IS NOT NULL") > 0);
            PG.execute(fixture.database, "DROP ROLE IF EXISTS console2",
                    "CREATE ROLE console2 LOGIN PASSWORD 'console-pw' IN ROLE sessionwatch_reader");
            TeamDatabase asReader = new TeamDatabase(fixture.url("console2"),
                    name -> DatabaseUrl.PASSWORD_VARIABLE.equals(name) ? "console-pw" : null);
            TeamAudit.append(asReader, new TeamAudit.Entry(Instant.ofEpochMilli(1_000), "PC-7", "CLOSE_FILE", "FS01",
                    "D:\\Finance\\budget.xlsx (id 4711)", "DONE"));

            Properties login = new Properties();
            login.setProperty("user", "console2");
            login.setProperty("password", "console-pw");
            try (Connection reader = java.sql.DriverManager.getConnection(PG.jdbcUrl(fixture.database), login);
                 Statement sql = reader.createStatement()) {
                assertThatThrownBy(() -> sql.executeUpdate("UPDATE team_audit SET outcome = 'REFUSED'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM team_audit"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> sql.executeUpdate("TRUNCATE team_audit"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> sql.executeUpdate("INSERT INTO team_alert (at_ms, rule, text, collector,"
                        + " cycle) VALUES (1, 'x', 'forged', 'me', 1)"))
                        .as("alerts are the collector's").isInstanceOf(SQLException.class);
            }
            assertThat(fixture.count("SELECT COUNT(*) FROM team_audit WHERE db_user = 'console2'"
                    + " AND action = 'CLOSE_FILE' AND outcome = 'DONE' AND workstation = 'PC-7'")).isEqualTo(1);
        }
    }

    @Test
    void aConsolesSourceIsAnAlertFeedOfTheStoredAlertsAndSharesItsActionsOutcomes() throws Exception {
        ScriptedServers servers = new ScriptedServers().connect("FS01", "10.0.0.7", "alice", 1);
        AlertRule rule = AlertRule.builder("bob connects", AlertEvent.SESSION_CONNECTED).user("bob").build();
        try (TeamFixture fixture = new TeamFixture(PG)) {
            Collector collector = fixture.start("fs-mon-01", servers, INTERVAL, List.of(rule));
            await("the first cycle is stored", PATIENCE, () -> collector.cyclesCompleted() >= 1);
            ServerActions direct = new ServerActions() {
                @Override
                public List<String> servers() {
                    return List.of("FS01");
                }

                @Override
                public Capabilities capabilities(String server) {
                    return Capabilities.all();
                }

                @Override
                public CompletableFuture<OpenFilesResult> listOpenFiles(OpenFilesRequest request) {
                    return CompletableFuture.completedFuture(new OpenFilesResult.Unsupported(request.server(), "-"));
                }

                @Override
                public CompletableFuture<ActionResult> closeFile(String server, long fileId) {
                    return CompletableFuture.completedFuture(new ActionResult.Done());
                }

                @Override
                public CompletableFuture<ActionResult> endSession(String server, String client, String user) {
                    return CompletableFuture.completedFuture(new ActionResult.AlreadyGone("no such session"));
                }
            };
            try (TeamPollSource source = new TeamPollSource(fixture.team, direct, () -> { }, Clock.systemUTC(),
                    ZoneOffset.UTC, INTERVAL)) {
                Instant before = Instant.now().minusSeconds(1);
                List<Alert> told = Collections.synchronizedList(new ArrayList<>());
                AlertFeed feed = source;
                feed.subscribe(told::addAll);
                source.poll();

                servers.connect("FS01", "10.0.0.8", "bob", 0);
                await("the console is told of bob's alert", PATIENCE, () -> {
                    source.poll();
                    return !told.isEmpty();
                });
                assertThat(told).singleElement().satisfies(alert -> assertThat(alert.user()).isEqualTo("bob"));
                assertThat(feed.fired(before, Instant.now().plusSeconds(60)).toCompletableFuture()
                        .get(30, TimeUnit.SECONDS)).extracting(Alert::rule).containsExactly("bob connects");
                assertThat(feed.fired(before, before.plusMillis(1)).toCompletableFuture()
                        .get(30, TimeUnit.SECONDS)).as("until is exclusive of later alerts").isEmpty();

                assertThat(source.actions().closeFile("FS01", 4_026_531_841L).get(30, TimeUnit.SECONDS))
                        .isEqualTo(new ActionResult.Done());
                assertThat(source.actions().endSession("FS01", "10.0.0.9", "carol").get(30, TimeUnit.SECONDS))
                        .isInstanceOf(ActionResult.AlreadyGone.class);
                await("both outcomes reach the team's audit table", PATIENCE,
                        () -> fixture.count("SELECT COUNT(*) FROM team_audit") == 2);
                assertThat(fixture.count("SELECT COUNT(*) FROM team_audit WHERE action = 'CLOSE_FILE'"
                        + " AND server = 'FS01' AND target LIKE '%4026531841%'")).isEqualTo(1);
            }
        }
    }
}
