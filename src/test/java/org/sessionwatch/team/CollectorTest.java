package org.sessionwatch.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sessionwatch.testing.Eventually.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.testing.PostgresServer;
import org.sessionwatch.testing.ScriptedServers;

/** The collector against a real PostgreSQL: what it stores, what it announces, who may write, and standbys. */
class CollectorTest {
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    @Test
    void storesEachServersOutcomeAndSessionsAndAnnouncesEachCommit() throws Exception {
        ScriptedServers servers = new ScriptedServers()
                .connect("FS01", "10.0.0.7", "alice", 3).connect("FS01", "10.0.0.8", "bob", 0)
                .fail("FS02", ScriptedServers.DENIED);
        try (TeamFixture fixture = new TeamFixture(PG)) {
            fixture.team.migrate();
            try (Connection listener = fixture.superuser()) {
                listener.createStatement().execute("LISTEN " + TeamDatabase.CHANNEL);
                fixture.start("fs-mon-01", servers, INTERVAL);
                List<Notice> notices = new ArrayList<>();
                await("a cycle is announced", PATIENCE, () -> {
                    PGNotification[] got = listener.unwrap(PGConnection.class).getNotifications(200);
                    for (PGNotification n : got == null ? new PGNotification[0] : got) {
                        notices.add(Notice.parse(n.getParameter()));
                    }
                    return notices.stream().anyMatch(n -> n.server().isEmpty());
                });
                assertThat(notices.subList(0, 3)).extracting(n -> n.server().orElse("(cycle)"))
                        .containsExactly("FS01", "FS02", "(cycle)");
                assertThat(notices.subList(0, 3)).allSatisfy(n -> {
                    assertThat(n.cycle()).isEqualTo(1);
                    assertThat(n.atMillis()).isPositive();
                });

                LiveState state = LiveStateReader.readAll(listener);
                assertThat(state.servers()).extracting(s -> s.result().server()).containsExactly("FS01", "FS02");
                ServerPollResult.Ok fs01 = (ServerPollResult.Ok) state.servers().get(0).result();
                assertThat(fs01.sessions()).extracting(s -> s.userName().orElseThrow())
                        .containsExactly("alice", "bob");
                Session alice = fs01.sessions().get(0);
                assertThat(alice.clientName()).contains("10.0.0.7");
                assertThat(alice.openCount()).hasValue(3);
                assertThat(alice.transport()).contains("\\Device\\NetbiosSmb");
                ServerPollResult.Failed fs02 = (ServerPollResult.Failed) state.servers().get(1).result();
                assertThat(fs02.error().kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
                assertThat(fs02.error().remedyText()).hasValueSatisfying(r -> assertThat(r).contains("Administrators"));
                assertThat(state.active()).hasValueSatisfying(beat -> {
                    assertThat(beat.name()).isEqualTo("fs-mon-01");
                    assertThat(beat.lastCycleAt()).isPresent();
                });
                assertThat(fixture.count("SELECT COUNT(*) FROM session_interval WHERE server = 'FS01'"))
                        .as("history is written in the same transactions").isEqualTo(2);
                assertThat(fixture.count("SELECT COUNT(*) FROM poll_coverage WHERE server = 'FS02' AND NOT answered"))
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void storesEachAnsweringServersOpenFilesAndWritesOnlyWhatChanged() throws Exception {
        ScriptedServers servers = new ScriptedServers().connect("FS01", "10.0.0.7", "alice", 2)
                .openFile("FS01", 4_294_967_295L, "alice", "C:\\Finance\\budget.xlsx")
                .openFile("FS01", 7, "alice", "C:\\Finance\\notes.txt").fail("FS02", ScriptedServers.DENIED);
        try (TeamFixture fixture = new TeamFixture(PG)) {
            Collector collector = fixture.start("fs-mon-01", servers, INTERVAL);
            await("a cycle is stored", PATIENCE, () -> collector.cyclesCompleted() >= 1);
            java.util.Map<String, org.sessionwatch.netapi.OpenFilesResult> stored =
                    fixture.team.readOpenFiles("test");
            assertThat(stored).containsOnlyKeys("FS01").as("a failing server is not asked for its files");
            assertThat(((org.sessionwatch.netapi.OpenFilesResult.Success) stored.get("FS01")).files())
                    .extracting(f -> f.id() + " " + f.user() + " " + f.path() + " " + f.permissions())
                    .containsExactly("7 alice C:\\Finance\\notes.txt 3",
                            "4294967295 alice C:\\Finance\\budget.xlsx 3");

            servers.closeFile("FS01", 7);
            long cycles = collector.cyclesCompleted();
            await("notes.txt is gone", PATIENCE, () -> collector.cyclesCompleted() > cycles + 1
                    && fixture.count("SELECT COUNT(*) FROM team_open_file") == 1);
            long statusRows = fixture.count("SELECT COUNT(*) FROM team_open_files_status WHERE server = 'FS01'"
                    + " AND status = 'OK'");
            assertThat(statusRows).isEqualTo(1);
        }
    }

    @Test
    void aReaderReadsAndAppendsToTheAuditButCannotWriteLiveState() throws Exception {
        ScriptedServers servers = new ScriptedServers().connect("FS01", "10.0.0.7", "alice", 1);
        try (TeamFixture fixture = new TeamFixture(PG)) {
            fixture.start("fs-mon-01", servers, INTERVAL);
            await("the first cycle is stored", PATIENCE,
                    () -> fixture.count("SELECT COUNT(*) FROM team_collector WHERE last_cycle IS NOT NULL") > 0);
            PG.execute(fixture.database, "DROP ROLE IF EXISTS console1",
                    "CREATE ROLE console1 LOGIN PASSWORD 'console-pw' IN ROLE sessionwatch_reader");
            Properties login = new Properties();
            login.setProperty("user", "console1");
            login.setProperty("password", "console-pw");
            try (Connection reader = java.sql.DriverManager.getConnection(PG.jdbcUrl(fixture.database), login);
                 Statement sql = reader.createStatement()) {
                assertThat(LiveStateReader.readAll(reader).servers()).hasSize(1);
                assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM team_session"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> sql.executeUpdate("UPDATE team_server SET status = 'OK'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> sql.executeUpdate("INSERT INTO session_interval (id) VALUES (99)"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> sql.executeUpdate("INSERT INTO team_audit (at_ms, db_user, action, outcome)"
                        + " VALUES (1, 'someone_else', 'CLOSE_FILE', 'done')"))
                        .as("the audit names the real login").isInstanceOf(SQLException.class);
                sql.executeUpdate("INSERT INTO team_audit (at_ms, workstation, action, server, target, outcome)"
                        + " VALUES (1, 'PC-7', 'CLOSE_FILE', 'FS01', 'D:\\\\x.xlsx', 'closed')");
            }
            assertThat(fixture.count("SELECT COUNT(*) FROM team_audit WHERE db_user = 'console1'")).isEqualTo(1);
        }
    }

    @Test
    void onlyOneCollectorPollsAndAStandbyTakesOverWhenItStops() throws Exception {
        ScriptedServers first = new ScriptedServers().connect("FS01", "10.0.0.7", "alice", 1);
        ScriptedServers second = new ScriptedServers().connect("FS01", "10.0.0.7", "alice", 1);
        try (TeamFixture fixture = new TeamFixture(PG)) {
            Collector a = fixture.start("collector-a", first, INTERVAL);
            await("a is active", PATIENCE, a::isActive);
            Collector b = fixture.start("collector-b", second, INTERVAL);
            await("b reports as standby", PATIENCE, () -> fixture.count(
                    "SELECT COUNT(*) FROM team_collector WHERE name = 'collector-b' AND role = 'STANDBY'") == 1);
            await("a completes further cycles", PATIENCE, () -> a.cyclesCompleted() >= 3);
            assertThat(second.enumerations()).as("the standby polls nothing").isZero();

            fixture.stop(a);
            await("b takes over and polls", PATIENCE, () -> b.isActive() && second.enumerations() > 0);
            assertThat(fixture.count("SELECT COUNT(*) FROM team_collector WHERE name = 'collector-a'"
                    + " AND role = 'STOPPED'")).isEqualTo(1);
            await("b's results are stored", PATIENCE, () -> fixture.count(
                    "SELECT COUNT(*) FROM team_server WHERE collector = 'collector-b'") == 1);
            assertThat(fixture.count("SELECT COUNT(*) FROM session_interval"))
                    .as("alice's interval continues across the handover").isEqualTo(1);
        }
    }

    @Test
    void collectorAndFollowerReconnectAndResyncAfterADatabaseRestart() throws Exception {
        ScriptedServers servers = new ScriptedServers().connect("FS01", "10.0.0.7", "alice", 1);
        try (TeamFixture fixture = new TeamFixture(PG)) {
            Collector collector = fixture.start("fs-mon-01", servers, INTERVAL);
            await("the first cycle is stored", PATIENCE, () -> collector.cyclesCompleted() >= 1);
            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            List<LiveState> resyncs = Collections.synchronizedList(new ArrayList<>());
            SourceFollower follower = new SourceFollower(fixture.team, new SourceFollower.Listener() {
                @Override
                public void resynced(LiveState state) {
                    resyncs.add(state);
                }

                @Override
                public void serverChanged(Notice notice, LiveState state) {
                    seen.add(notice.server().orElseThrow());
                }

                @Override
                public void disconnected(String message, Duration retryIn) {
                    seen.add("disconnected: " + message);
                }
            }, Duration.ofMillis(500));
            Thread following = new Thread(() -> {
                try {
                    follower.run(() -> Thread.currentThread().isInterrupted());
                } catch (Exception e) {
                    seen.add("stopped: " + e);
                }
            }, "test-follower");
            following.setDaemon(true);
            following.start();
            await("the follower hears of FS01", PATIENCE, () -> seen.contains("FS01"));

            PG.stop(true);
            servers.connect("FS01", "10.0.0.9", "carol", 2);
            PG.start();

            await("the follower was told of the outage", PATIENCE,
                    () -> seen.stream().anyMatch(s -> s.startsWith("disconnected")));
            await("after reconnecting both sides, carol is read back", PATIENCE, () -> {
                LiveState last = resyncs.get(resyncs.size() - 1);
                return last.servers().size() == 1 && ((ServerPollResult.Ok) last.servers().get(0).result())
                        .sessions().stream().anyMatch(s -> s.userName().orElse("").equals("carol"));
            });
            following.interrupt();
            following.join(10_000);
        }
    }
}
