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

/**
 * The acceptance run, in-process: {@code --once --format json --server 127.0.0.1 --port P --backend srvsvc
 * --username ADMIN} with the password in {@code SESSIONWATCH_PASSWORD}, against a real smbd, through the same
 * backends {@code java -jar sessionwatch.jar} uses.
 */
class CliAgainstSambaTest {

    private static final SambaAccounts.TestAccount ADMIN =
            new SambaAccounts.TestAccount("swtest_cliadmin", "Cl1-Adm1n!", true);
    private static final SambaAccounts.TestAccount USER =
            new SambaAccounts.TestAccount("swtest_cliuser", "Cl1-Us3r!", false);

    @RegisterExtension
    static final SambaServer SAMBA = new SambaServer(ADMIN, USER);

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void anAdministratorGetsTheLiveSessionsAtLevelOne() throws Exception {
        int exit = run(ADMIN);

        assertThat(exit).as("exit code; stderr: %s", text(err)).isZero();
        JsonNode json = new ObjectMapper().readTree(text(out));
        JsonNode server = json.get("servers").get(0);
        assertThat(server.get("server").asText()).isEqualTo("127.0.0.1");
        assertThat(server.get("status").asText()).isEqualTo("OK");
        assertThat(server.get("level").asInt()).as("Samba answers 502 with 124; level 1 is obtained").isEqualTo(1);
        List<String> users = new ArrayList<>();
        json.get("sessions").forEach(session -> {
            users.add(session.get("user").asText());
            assertThat(session.get("level").asInt()).isEqualTo(1);
            assertThat(session.get("transport").isNull()).as("level 1 carries no transport").isTrue();
        });
        assertThat(users).as("the poller's own session is listed").contains(ADMIN.name());
        assertThat(server.get("sessions").asInt()).isEqualTo(users.size());
    }

    @Test
    void aNonAdministratorGetsAccessDeniedWithTheRemedyAndExitCodeFour() throws Exception {
        int exit = run(USER);

        assertThat(exit).isEqualTo(4);
        JsonNode server = new ObjectMapper().readTree(text(out)).get("servers").get(0);
        assertThat(server.get("status").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(server.get("error").get("remedy").asText()).contains("Administrators", "Server Operators");
        assertThat(text(err)).contains("127.0.0.1", "Access denied");
        assertThat(text(out) + text(err)).doesNotContain(USER.password());
    }

    @Test
    void watchPrintsAnAlertWhenAWatchedUserConnects() throws Exception {
        java.nio.file.Files.writeString(home.resolve("config.json"), """
                {"alerts": [{"name": "user connects", "event": "SESSION_CONNECTED", "user": "swtest_cliuser"}]}
                """);
        List<SmbTestClient> clients = new ArrayList<>();
        Map<String, String> environment = Map.of("SESSIONWATCH_PASSWORD", ADMIN.password());
        // Between the first and the second poll, USER connects from a second loopback address.
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment::get, prompt -> Optional.empty(),
                Clock.systemUTC(), duration -> {
                    try {
                        clients.add(SmbTestClient.connect("127.0.0.3", "127.0.0.1", SAMBA.port(), USER.name(),
                                USER.password(), 0));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, () -> home.resolve("config.json"),
                credentials -> PollSources.standard(credentials, Clock.systemUTC()));
        try {
            int exit = new Cli(context).execute(new String[] {"--watch", "--cycles", "2", "--interval", "1",
                    "--format", "json", "--server", "127.0.0.1", "--port", Integer.toString(SAMBA.port()),
                    "--backend", "srvsvc", "--username", ADMIN.name(), "--deadline", "10"});

            assertThat(exit).as("stderr: %s", text(err)).isZero();
            List<JsonNode> alerts = new ArrayList<>();
            for (String line : text(out).lines().toList()) {
                JsonNode event = new ObjectMapper().readTree(line);
                if (event.get("event").asText().equals("ALERT")) {
                    alerts.add(event);
                }
            }
            assertThat(alerts).singleElement().satisfies(alert -> {
                assertThat(alert.get("rule").asText()).isEqualTo("user connects");
                assertThat(alert.get("server").asText()).isEqualTo("127.0.0.1");
                assertThat(alert.get("client").asText()).isEqualTo("127.0.0.3");
                assertThat(alert.get("user").asText()).isEqualTo(USER.name());
                assertThat(alert.get("text").asText()).isEqualTo("127.0.0.1 127.0.0.3 " + USER.name() + " connected");
                assertThat(alert.get("time").asText()).endsWith("Z");
            });
            // --watch recorded history next to the configuration: the alert was kept there too.
            try (org.sessionwatch.history.HistoryRecorder history = org.sessionwatch.history.HistoryRecorder.start(
                    home.resolve("history.db"), java.time.Duration.ofDays(1), java.time.Duration.ofMinutes(1),
                    Clock.systemUTC(), status -> { })) {
                assertThat(history.fired(java.time.Instant.EPOCH, java.time.Instant.now().plusSeconds(60))
                        .toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS))
                        .singleElement().satisfies(kept -> {
                            assertThat(kept.rule()).isEqualTo("user connects");
                            assertThat(kept.text()).isEqualTo(alerts.getFirst().get("text").asText());
                        });
            }
        } finally {
            for (SmbTestClient client : clients) {
                client.close();
            }
        }
    }

    private int run(SambaAccounts.TestAccount account) {
        Map<String, String> environment = Map.of("SESSIONWATCH_PASSWORD", account.password());
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment::get, prompt -> Optional.empty(),
                Clock.systemUTC(), duration -> { }, () -> home.resolve("no-config.json"),
                credentials -> PollSources.standard(credentials, Clock.systemUTC()));
        return new Cli(context).execute(new String[] {"--once", "--format", "json", "--server", "127.0.0.1",
                "--port", Integer.toString(SAMBA.port()), "--backend", "srvsvc", "--username", account.name(),
                "--deadline", "10"});
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
