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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionwatch.config.AlertEvent;
import org.sessionwatch.config.AlertRule;
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
}
