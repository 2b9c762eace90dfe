package org.sessionwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sessionwatch.netapi.demo.DemoFleet;
import org.sessionwatch.team.DatabaseUrl;
import org.sessionwatch.team.TeamDatabase;
import org.sessionwatch.testing.PostgresServer;

/** A console whose configuration names a team database appends each action's outcome to the team's audit table. */
class TeamCliTest {
    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    @TempDir
    Path dir;

    @Test
    void anActionsOutcomeGoesToTheLocalLogAndTheTeamsAuditTable() throws Exception {
        String database = PG.createDatabase("teamcli");
        String url = "postgresql://127.0.0.1:" + PG.port() + "/" + database + "?user=" + PostgresServer.SUPERUSER;
        new TeamDatabase(DatabaseUrl.parse(url), Map.of(DatabaseUrl.PASSWORD_VARIABLE,
                PostgresServer.SUPERUSER_PASSWORD)::get).migrate();
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"version\": 1, \"teamSource\": \"" + url + "\"}", StandardCharsets.UTF_8);
        CliHarness list = new CliHarness(config);
        DemoFleet fleet = DemoFleet.withoutLatency(DemoFleet.DEFAULT_SEED, list.clock);
        list.demo = () -> fleet;
        list.run("--once", "--files", "--format", "json");
        JsonNode file = new ObjectMapper().readTree(list.out()).get("files").get(0);

        CliHarness close = new CliHarness(config);
        close.demo = () -> fleet;
        close.environment.put(DatabaseUrl.PASSWORD_VARIABLE, PostgresServer.SUPERUSER_PASSWORD);
        int exit = close.run("--close-file", file.get("id").asText(), "--server", file.get("server").asText(),
                "--yes");

        assertThat(exit).as("stderr: %s", close.err()).isZero();
        assertThat(close.err()).doesNotContain("audit table");
        assertThat(Files.readAllLines(dir.resolve("actions.log"))).hasSize(1);
        try (Connection c = PG.superuser(database); Statement sql = c.createStatement();
             ResultSet rows = sql.executeQuery("SELECT action, server, target, outcome, db_user FROM team_audit")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("CLOSE_FILE");
            assertThat(rows.getString(2)).isEqualTo(file.get("server").asText());
            assertThat(rows.getString(3)).contains("file id " + file.get("id").asText());
            assertThat(rows.getString(4)).startsWith("DONE").contains("demo data");
            assertThat(rows.getString(5)).isEqualTo(PostgresServer.SUPERUSER);
            assertThat(rows.next()).isFalse();
        }
    }
}
