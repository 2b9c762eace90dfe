package org.sessionwatch.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.testing.Eventually.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sessionwatch.testing.PostgresServer;
import org.sessionwatch.testing.ScriptedServers;

/**
 * The failover: the active collector is a real {@code sessionwatch --collect} process, killed without warning
 * (SIGKILL: no sign-off, its connection simply drops); the standby in this JVM must be polling within two intervals,
 * and history must show the handover as a gap, not as lost or doubled intervals.
 */
class CollectorFailoverTest {
    private static final Duration INTERVAL = Duration.ofSeconds(3);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    @TempDir
    Path dir;

    @Test
    void aStandbyPollsWithinTwoIntervalsOfTheActiveCollectorBeingKilled() throws Exception {
        try (TeamFixture fixture = new TeamFixture(PG)) {
            fixture.team.migrate();
            Path config = Files.writeString(dir.resolve("config.json"), "{}");
            Process child = startCollectorProcess(fixture, config);
            try {
                String childName = "%/" + child.pid();
                await("the collector process completes a cycle as the active collector", PATIENCE, () ->
                        fixture.count("SELECT COUNT(*) FROM team_collector WHERE name LIKE '" + childName
                                + "' AND role = 'ACTIVE' AND last_cycle IS NOT NULL") == 1);

                ScriptedServers standbyServers = new ScriptedServers().connect("FS-HQ-01", "10.9.9.9", "standby", 0);
                Collector standby = fixture.start("standby", standbyServers, INTERVAL);
                await("the second collector stands by", PATIENCE, () -> fixture.count(
                        "SELECT COUNT(*) FROM team_collector WHERE name = 'standby' AND role = 'STANDBY'") == 1);
                Thread.sleep(INTERVAL.toMillis());
                assertThat(standbyServers.enumerations()).as("a standby polls nothing").isZero();

                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                long killed = System.nanoTime();
                await("the standby polls", PATIENCE, () -> standbyServers.enumerations() > 0);
                Duration takeover = Duration.ofNanos(System.nanoTime() - killed);

                assertThat(takeover).as("took over after %s", takeover).isLessThanOrEqualTo(INTERVAL.multipliedBy(2));
                assertThat(standby.isActive()).isTrue();
                await("the standby's first cycle is stored", PATIENCE,
                        () -> fixture.count("SELECT COUNT(*) FROM team_server WHERE collector = 'standby'") == 1);
                assertThat(coverage(fixture, "FS-HQ-01")).as("the killed collector's span, a gap, the standby's")
                        .satisfies(spans -> {
                            assertThat(spans).hasSizeGreaterThanOrEqualTo(2);
                            long[] last = spans.get(spans.size() - 1);
                            long[] before = spans.get(spans.size() - 2);
                            assertThat(last[0]).isGreaterThan(before[1]);
                        });
                assertThat(fixture.count("SELECT COUNT(*) FROM session_interval WHERE end_reason = 'UNOBSERVED'"))
                        .as("sessions last seen by the killed collector are closed at their last sighting")
                        .isPositive();
            } finally {
                child.destroyForcibly();
            }
        }
    }

    private Process startCollectorProcess(TeamFixture fixture, Path config) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "org.sessionwatch.Launcher", "--collect",
                "--db", fixture.url(PostgresServer.SUPERUSER).toUrlText(), "--demo", "--config", config.toString(),
                "--interval", Long.toString(INTERVAL.toSeconds())));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File(dir.toFile(), "collector.log"));
        builder.environment().put(DatabaseUrl.PASSWORD_VARIABLE, PostgresServer.SUPERUSER_PASSWORD);
        return builder.start();
    }

    /** The coverage spans of one server as [from, to], in time order. */
    private static List<long[]> coverage(TeamFixture fixture, String server) throws Exception {
        List<long[]> spans = new ArrayList<>();
        try (Connection c = fixture.superuser(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT from_ms, to_ms FROM poll_coverage WHERE server = '" + server
                     + "' ORDER BY from_ms")) {
            while (rows.next()) {
                spans.add(new long[] {rows.getLong(1), rows.getLong(2)});
            }
        }
        return spans;
    }
}
