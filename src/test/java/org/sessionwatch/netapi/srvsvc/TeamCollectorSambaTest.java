package org.sessionwatch.netapi.srvsvc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sessionwatch.app.PollSources;
import org.sessionwatch.cli.Cli;
import org.sessionwatch.cli.CliContext;
import org.sessionwatch.testing.PostgresServer;

/**
 * Team mode end to end against the real servers: {@code --collect} polls a real smbd and stores into a real
 * PostgreSQL, and {@code --once --source} then prints what a direct {@code --once} against the same smbd prints.
 */
class TeamCollectorSambaTest {
    private static final SambaAccounts.TestAccount ADMIN =
            new SambaAccounts.TestAccount("swtest_teamadmin", "T3am-Adm1n!", true);
    private static final SambaAccounts.TestAccount USER =
            new SambaAccounts.TestAccount("swtest_teamuser", "T3am-Us3r!", false);

    @RegisterExtension
    static final SambaServer SAMBA = new SambaServer(ADMIN, USER);

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    @TempDir
    Path home;

    @Test
    void theCollectorStoresWhatADirectPollSees() throws Exception {
        String db = "postgresql://127.0.0.1:" + PG.port() + "/" + PG.createDatabase("samba_team") + "?user="
                + PostgresServer.SUPERUSER;
        try (SmbTestClient user = SmbTestClient.connect("127.0.0.3", "127.0.0.1", SAMBA.port(), USER.name(),
                USER.password(), 0)) {
            Output collect = run("--collect", "--cycles", "1", "--db", db, "--server", "127.0.0.1", "--port",
                    Integer.toString(SAMBA.port()), "--backend", "srvsvc", "--username", ADMIN.name());
            assertThat(collect.exit).as("collector stderr: %s", collect.err).isZero();

            Output stored = run("--once", "--format", "json", "--source", db);
            Output direct = run("--once", "--format", "json", "--server", "127.0.0.1", "--port",
                    Integer.toString(SAMBA.port()), "--backend", "srvsvc", "--username", ADMIN.name());

            assertThat(stored.exit).as("stderr: %s", stored.err).isZero();
            assertThat(direct.exit).as("stderr: %s", direct.err).isZero();
            JsonNode fromDatabase = new ObjectMapper().readTree(stored.out);
            JsonNode fromServer = new ObjectMapper().readTree(direct.out);
            assertThat(server(fromDatabase)).isEqualTo(server(fromServer)).isEqualTo("127.0.0.1 OK level 1");
            // The pollers' own sessions differ (each run logs on anew); the user's session is the same in both.
            assertThat(sessionsOf(fromDatabase, USER.name())).isEqualTo(sessionsOf(fromServer, USER.name()))
                    .singleElement().asString().contains("127.0.0.3");
            assertThat(sessionsOf(fromDatabase, ADMIN.name())).as("the collector's own session").isNotEmpty();
        }
    }

    private static String server(JsonNode json) {
        JsonNode server = json.get("servers").get(0);
        return server.get("server").asText() + " " + server.get("status").asText() + " level "
                + server.get("level").asInt();
    }

    /** The sessions of one user without the values that move between two polls (times). */
    private static List<String> sessionsOf(JsonNode json, String user) {
        List<String> found = new ArrayList<>();
        json.get("sessions").forEach(s -> {
            if (s.get("user").asText().equals(user)) {
                found.add(s.get("server").asText() + " " + s.get("client").asText() + " " + s.get("user").asText()
                        + " opens " + s.get("opens") + " flags " + s.get("userFlags") + " type " + s.get("clientType")
                        + " transport " + s.get("transport") + " level " + s.get("level"));
            }
        });
        return found;
    }

    private record Output(int exit, String out, String err) {
    }

    private Output run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> environment = Map.of("SESSIONWATCH_PASSWORD", ADMIN.password(),
                "SESSIONWATCH_DB_PASSWORD", PostgresServer.SUPERUSER_PASSWORD);
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment::get, prompt -> Optional.empty(),
                Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()), () -> home.resolve("none.json"),
                credentials -> PollSources.standard(credentials, Clock.systemUTC()));
        int exit = new Cli(context).execute(args);
        return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
