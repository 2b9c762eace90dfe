package org.sessionwatch.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sessionwatch.app.PollSources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The real poller and demo fleet behind the real command line, with only stdout and stderr captured. */
class CliEndToEndTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), name -> null, prompt -> Optional.empty(),
                Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()),
                () -> dir.resolve("config.json"), credentials -> PollSources.standard(credentials, Clock.systemUTC()));
        return new Cli(context).execute(args);
    }

    @Test
    void onceWithTheDemoFleetAsJson() throws Exception {
        int exit = run("--once", "--demo", "--format", "json");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCodes.SOME_FAILED);
        JsonNode root = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        Map<String, JsonNode> servers = new HashMap<>();
        root.get("servers").forEach(s -> servers.put(s.get("server").asText(), s));
        assertThat(servers).hasSizeGreaterThanOrEqualTo(6);

        List<JsonNode> ok502 = servers.values().stream()
                .filter(s -> s.get("status").asText().equals("OK") && s.get("level").asInt() == 502).toList();
        assertThat(ok502).hasSizeGreaterThanOrEqualTo(3);
        assertThat(ok502).allSatisfy(s -> assertThat(s.get("sessions").asInt()).isPositive());

        List<JsonNode> failed = servers.values().stream().filter(s -> !s.get("status").asText().equals("OK")).toList();
        assertThat(failed).extracting(s -> s.get("status").asText()).contains("ACCESS_DENIED", "UNREACHABLE");
        assertThat(failed).allSatisfy(s -> {
            assertThat(s.get("error").get("message").asText()).contains(s.get("server").asText());
            assertThat(s.get("sessions").isNull()).isTrue();
        });

        JsonNode sessions = root.get("sessions");
        long full = 0;
        for (JsonNode session : sessions) {
            if (session.get("level").asInt() == 502 && !session.get("client").isNull()
                    && !session.get("opens").isNull() && !session.get("activeSeconds").isNull()
                    && !session.get("clientType").isNull() && !session.get("transport").isNull()) {
                full++;
            }
        }
        assertThat(full).isGreaterThan(100);

        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(stderr).contains("Demo data");
        for (JsonNode s : failed) {
            assertThat(stderr).contains("sessionwatch: " + s.get("server").asText() + ": ");
        }
    }

    @Test
    void watchTwoCyclesOfTheDemoFleetAsText() {
        int exit = run("--watch", "--demo", "--interval", "1", "--cycles", "2", "--deadline", "5");
        assertThat(exit).isEqualTo(ExitCodes.SOME_FAILED);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains(" = PRESENT    FS-HQ-01 ", " ! FAILING    ");
        assertThat(text.lines()).allSatisfy(line -> assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT.* [=+\\-!*] .*"));
    }
}
