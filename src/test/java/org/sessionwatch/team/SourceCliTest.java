package org.sessionwatch.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.testing.Eventually.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sessionwatch.cli.Cli;
import org.sessionwatch.cli.CliContext;
import org.sessionwatch.testing.PostgresServer;
import org.sessionwatch.testing.ScriptedServers;

/** {@code --once --source} and {@code --watch --source}: the CLI prints what the collector stored, never polling. */
class SourceCliTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void onceSourcePrintsTheStoredStateInTheUsualJson() throws Exception {
        ScriptedServers servers = new ScriptedServers().connect("FS01", "10.0.0.7", "alice", 3)
                .connect("FS01", "10.0.0.8", "bob", 0).fail("FS02", ScriptedServers.DENIED);
        try (TeamFixture fixture = new TeamFixture(PG)) {
            Collector collector = fixture.start("fs-mon-01", servers, Duration.ofSeconds(1));
            await("a cycle is stored", PATIENCE, () -> collector.cyclesCompleted() >= 1);

            int exit = cli(PostgresServer.SUPERUSER_PASSWORD, "--once", "--format", "json", "--source",
                    fixture.url(PostgresServer.SUPERUSER).toUrlText());

            assertThat(exit).as("FS02 failed: exit 3; stderr %s", text(err)).isEqualTo(3);
            JsonNode json = new ObjectMapper().readTree(text(out));
            assertThat(json.get("servers")).extracting(s -> s.get("server").asText() + " " + s.get("status").asText())
                    .containsExactly("FS01 OK", "FS02 ACCESS_DENIED");
            assertThat(json.get("servers").get(1).get("error").get("remedy").asText()).contains("Administrators");
            assertThat(json.get("sessions")).extracting(s -> s.get("user").asText() + "@" + s.get("client").asText()
                    + " opens " + s.get("opens").asInt()).containsExactly("alice@10.0.0.7 opens 3",
                    "bob@10.0.0.8 opens 0");
            assertThat(text(err)).contains("Team collector fs-mon-01 on test-host (active), last cycle");
        }
    }

    @Test
    void watchSourcePrintsChangesItHearsOfThroughNotify() throws Exception {
        ScriptedServers servers = new ScriptedServers().connect("FS01", "10.0.0.7", "alice", 3);
        try (TeamFixture fixture = new TeamFixture(PG)) {
            Collector collector = fixture.start("fs-mon-01", servers, Duration.ofSeconds(1));
            await("a cycle is stored", PATIENCE, () -> collector.cyclesCompleted() >= 1);
            AtomicInteger exit = new AtomicInteger(-1);
            Thread watch = new Thread(() -> exit.set(cli(PostgresServer.SUPERUSER_PASSWORD, "--watch", "--cycles",
                    "6", "--source", fixture.url(PostgresServer.SUPERUSER).toUrlText())), "test-watch-source");
            watch.start();
            await("alice is printed as present", PATIENCE, () -> text(out).contains("= PRESENT    FS01 10.0.0.7 alice"));

            servers.connect("FS01", "10.0.0.9", "carol", 1);
            watch.join(PATIENCE.toMillis());

            assertThat(exit.get()).as("stderr: %s", text(err)).isZero();
            assertThat(text(out)).contains("+ CONNECT    FS01 10.0.0.9 carol");
            assertThat(text(out).lines().filter(l -> l.contains("alice")).count())
                    .as("alice is printed once, as present").isEqualTo(1);
        }
    }

    @Test
    void historySourceAnswersFromTheCollectorsHistoryInTheUsualJson() throws Exception {
        ScriptedServers servers = new ScriptedServers().connect("FS01", "10.0.0.7", "alice", 3)
                .connect("FS02", "10.0.0.8", "bob", 0);
        try (TeamFixture fixture = new TeamFixture(PG)) {
            Collector collector = fixture.start("fs-mon-01", servers, Duration.ofSeconds(1));
            await("a cycle is stored", PATIENCE, () -> collector.cyclesCompleted() >= 1);
            String url = fixture.url(PostgresServer.SUPERUSER).toUrlText();

            int exit = cli(PostgresServer.SUPERUSER_PASSWORD, "--history", "--user", "alice", "--format", "json",
                    "--source", url);

            assertThat(exit).as("stderr: %s", text(err)).isZero();
            JsonNode json = new ObjectMapper().readTree(text(out));
            assertThat(json.get("query").get("user").asText()).isEqualTo("alice");
            assertThat(json.get("intervals")).singleElement().satisfies(interval -> {
                assertThat(interval.get("server").asText()).isEqualTo("FS01");
                assertThat(interval.get("client").asText()).isEqualTo("10.0.0.7");
                assertThat(interval.get("end").isNull()).as("still connected").isTrue();
            });
            assertThat(json.get("coverage")).extracting(span -> span.get("server").asText()).contains("FS01");

            out.reset();
            assertThat(cli(PostgresServer.SUPERUSER_PASSWORD, "--history", "--at",
                    java.time.Instant.now().toString(), "--server", "FS02", "--source", url)).isZero();
            assertThat(text(out)).contains("FS02").contains("bob").doesNotContain("alice");

            assertThat(cli(PostgresServer.SUPERUSER_PASSWORD, "--history", "--user", "alice", "--source", url,
                    "--history-db", home.resolve("h.db").toString())).isEqualTo(2);
            assertThat(text(err)).contains("Use one of them");
        }
    }

    @Test
    void filesSourcePrintsTheOpenFilesTheCollectorStoredInTheFilesJson() throws Exception {
        ScriptedServers servers = new ScriptedServers().connect("FS01", "10.0.0.7", "alice", 2)
                .openFile("FS01", 4_294_967_295L, "alice", "C:\\Finance\\budget.xlsx")
                .openFile("FS01", 7, "bob", "C:\\Finance\\notes.txt").fail("FS02", ScriptedServers.DENIED);
        try (TeamFixture fixture = new TeamFixture(PG)) {
            Collector collector = fixture.start("fs-mon-01", servers, Duration.ofSeconds(1));
            await("a cycle is stored", PATIENCE, () -> collector.cyclesCompleted() >= 1);

            int exit = cli(PostgresServer.SUPERUSER_PASSWORD, "--once", "--files", "--user", "CORP\\alice",
                    "--format", "json", "--source", fixture.url(PostgresServer.SUPERUSER).toUrlText());

            assertThat(exit).as("stderr: %s", text(err)).isZero();
            JsonNode json = new ObjectMapper().readTree(text(out));
            assertThat(json.get("servers")).extracting(s -> s.get("server").asText() + " " + s.get("status").asText())
                    .containsExactly("FS01 OK");
            assertThat(json.get("files")).singleElement().satisfies(file -> {
                assertThat(file.get("id").asLong()).isEqualTo(4_294_967_295L);
                assertThat(file.get("user").asText()).isEqualTo("alice");
                assertThat(file.get("path").asText()).isEqualTo("C:\\Finance\\budget.xlsx");
                assertThat(file.get("permissionNames")).extracting(JsonNode::asText).contains("READ", "WRITE");
            });
            assertThat(text(err)).contains("Team collector fs-mon-01");
        }
    }

    @Test
    void aWrongDatabasePasswordIsReportedInPlainWords() throws Exception {
        try (TeamFixture fixture = new TeamFixture(PG)) {
            int exit = cli("wrong", "--once", "--source", fixture.url(PostgresServer.SUPERUSER).toUrlText());

            assertThat(exit).isEqualTo(4);
            assertThat(text(err)).contains("refused the login", DatabaseUrl.PASSWORD_VARIABLE).doesNotContain("wrong");
        }
    }

    @Test
    void theSourceTakesNoPollingOptionsAndNoPasswordInTheUrl() {
        assertThat(cli("x", "--once", "--source", "postgresql://db.example/sw?user=a", "--server", "FS01"))
                .isEqualTo(2);
        assertThat(text(err)).contains("belong to the collector");
        assertThat(cli("x", "--once", "--source", "postgresql://a:secret@db.example/sw")).isEqualTo(2);
        assertThat(text(err)).contains("contains a password").doesNotContain("secret");
        assertThat(cli("x", "--collect", "--server", "FS01")).isEqualTo(2);
        assertThat(text(err)).contains("--collect needs --db");
    }

    private int cli(String databasePassword, String... args) {
        Map<String, String> environment = Map.of(DatabaseUrl.PASSWORD_VARIABLE, databasePassword);
        List<String> polled = new ArrayList<>();
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment::get, prompt -> Optional.empty(),
                Clock.systemUTC(), d -> Thread.sleep(d.toMillis()), () -> home.resolve("config.json"),
                credentials -> {
                    polled.add("poll sources built");
                    throw new AssertionError("--source must not build a poll source");
                });
        int exit = new Cli(context).execute(args);
        assertThat(polled).isEmpty();
        return exit;
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
