package org.sessionwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.history.HistoryRecorder;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.tracking.SessionTracker;

/** {@code --watch} records history and {@code --history} answers from it, in the documented shapes. */
class HistoryCliTest {
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    @TempDir
    Path dir;

    private Path db;

    /** A clock that moves 15 s per poll, like a real watch. */
    private static final class PollClock extends Clock {
        final AtomicInteger polls = new AtomicInteger();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return T0.plusSeconds(polls.get() * 15L);
        }
    }

    private CliHarness harness() {
        return new CliHarness(dir.resolve("config.json"));
    }

    /**
     * Polls of FS01 answered at 09:00:15, :30, :45 and 09:01:00: alice throughout (connected since 08:00), bob
     * (connected at 09:00:10) in the second and third; at 09:01:15 FS01 fails.
     */
    @BeforeEach
    void recordAWatch() {
        db = dir.resolve("recorded.db");
        CliHarness cli = harness();
        PollClock clock = new PollClock();
        cli.clock = clock;
        cli.backend = request -> {
            int n = clock.polls.incrementAndGet();
            Instant at = clock.instant();
            Session alice = Session.builder("FS01", InfoLevel.LEVEL_502).clientName("10.0.0.1").userName("alice")
                    .activeSeconds(Duration.between(T0.minusSeconds(3_600), at).toSeconds()).idleSeconds(0)
                    .openCount(2).clientType("Windows 11 Pro 22631").transport("\\Device\\NetbiosSmb").build();
            return switch (n) {
                case 1 -> new EnumerationResult.Success("FS01", InfoLevel.LEVEL_502, List.of(alice));
                case 2, 3 -> new EnumerationResult.Success("FS01", InfoLevel.LEVEL_502, List.of(alice,
                        Session.builder("FS01", InfoLevel.LEVEL_502).clientName("PC-0412").userName("bob")
                                .activeSeconds(Duration.between(T0.plusSeconds(10), at).toSeconds()).idleSeconds(0)
                                .openCount(n).clientType("Unix").transport("\\Device\\Tcp").build()));
                case 4 -> new EnumerationResult.Success("FS01", InfoLevel.LEVEL_502, List.of(alice));
                default -> new EnumerationResult.Failure("FS01", InfoLevel.LEVEL_502,
                        NetApiStatus.toError(NetApiStatus.ERROR_BAD_NETPATH, "FS01"));
            };
        };
        assertThat(cli.run("--watch", "--server", "FS01", "--cycles", "5", "--history-db", db.toString()))
                .as(cli.err())
                .isEqualTo(ExitCodes.ALL_FAILED);
        assertThat(cli.err()).contains("Recording history in " + db.toAbsolutePath());
        assertThat(db).exists();
    }

    private JsonNode json(String... args) throws Exception {
        CliHarness cli = harness();
        assertThat(cli.run(args)).as(cli.err()).isZero();
        return new ObjectMapper().readTree(cli.out());
    }

    @Test
    void aUsersIntervalsAsJsonHaveTheDocumentedShape() throws Exception {
        JsonNode answer = json("--history", "--user", "BOB", "--history-db", db.toString(), "--format", "json");

        assertThat(answer.get("query").properties()).extracting(e -> e.getKey())
                .containsExactly("at", "server", "user", "client", "since", "until");
        assertThat(answer.get("query").get("user").asText()).isEqualTo("BOB");
        JsonNode bob = answer.get("intervals").get(0);
        assertThat(answer.get("intervals")).hasSize(1);
        assertThat(bob.properties()).extracting(e -> e.getKey()).containsExactly("server", "client", "user", "start",
                "end", "firstSeen", "lastSeen", "maxOpens", "clientType", "transport", "level");
        assertThat(bob.get("server").asText()).isEqualTo("FS01");
        assertThat(bob.get("client").asText()).isEqualTo("PC-0412");
        assertThat(bob.get("start").asText()).isEqualTo("2026-11-30T09:00:10Z");
        assertThat(bob.get("firstSeen").asText()).isEqualTo("2026-11-30T09:00:30Z");
        assertThat(bob.get("lastSeen").asText()).isEqualTo("2026-11-30T09:00:45Z");
        assertThat(bob.get("end").asText()).isEqualTo("2026-11-30T09:01:00Z");
        assertThat(bob.get("maxOpens").asLong()).isEqualTo(3);
        assertThat(bob.get("clientType").asText()).isEqualTo("Unix");
        assertThat(bob.get("level").asInt()).isEqualTo(502);
        assertThat(answer.get("coverage")).extracting(c -> c.get("server").asText() + " " + c.get("from").asText()
                        + " " + c.get("to").asText() + " " + c.get("answered").asBoolean())
                .containsExactly("FS01 2026-11-30T09:00:15Z 2026-11-30T09:01:00Z true",
                        "FS01 2026-11-30T09:01:15Z 2026-11-30T09:01:15Z false");
    }

    @Test
    void whoWasOnAServerAtATime() throws Exception {
        JsonNode answer = json("--history", "--at", "2026-11-30T09:00:20Z", "--server", "FS01", "--history-db",
                db.toString(), "--format", "json");

        assertThat(answer.get("query").get("at").asText()).isEqualTo("2026-11-30T09:00:20Z");
        assertThat(answer.get("intervals")).extracting(i -> i.get("user").asText()).containsExactly("alice", "bob");
        JsonNode alice = answer.get("intervals").get(0);
        assertThat(alice.get("start").asText()).isEqualTo("2026-11-30T08:00:00Z");
        // The watch stopped after 09:01:00, FS01's last answer: alice's interval ends there, not "open".
        assertThat(alice.get("end").asText()).isEqualTo("2026-11-30T09:01:00Z");
        assertThat(answer.get("coverage")).hasSize(1);

        JsonNode earlier = json("--history", "--at", "2026-11-30T09:00:05Z", "--history-db", db.toString(),
                "--format", "json");
        assertThat(earlier.get("intervals")).extracting(i -> i.get("user").asText()).containsExactly("alice");
        JsonNode unwatched = json("--history", "--at", "2026-11-30T09:01:05Z", "--history-db", db.toString(),
                "--format", "json");
        assertThat(unwatched.get("intervals")).isEmpty();
        assertThat(unwatched.get("coverage")).as("nobody was watching between the last answer and the failure")
                .isEmpty();
    }

    @Test
    void csvAndTableListTheSameIntervals() {
        CliHarness csv = harness();
        assertThat(csv.run("--history", "--client", "pc-0412", "--since", "2026-11-30T09:00:00Z", "--until",
                "2026-11-30T10:00:00Z", "--history-db", db.toString(), "--format", "csv")).isZero();
        assertThat(csv.out().split("\r\n")).containsExactly(
                "server,client,user,start,end,firstSeen,lastSeen,maxOpens,clientType,transport,level",
                "FS01,PC-0412,bob,2026-11-30T09:00:10Z,2026-11-30T09:01:00Z,2026-11-30T09:00:30Z,"
                        + "2026-11-30T09:00:45Z,3,Unix,\\Device\\Tcp,502");

        CliHarness table = harness();
        assertThat(table.run("--history", "--user", "alice", "--history-db", db.toString())).isZero();
        assertThat(table.out()).contains("SERVER", "10.0.0.1  alice  2026-11-30T08:00:00Z  2026-11-30T09:01:00Z", "1 interval",
                "Coverage:", "FS01 2026-11-30T09:01:15Z to 2026-11-30T09:01:15Z NOT ANSWERING (UNREACHABLE) (1 poll)");
    }

    @Test
    void badQuestionsAreUsageErrors() {
        String file = db.toString();
        assertUsage("needs --at TIME, or exactly one of --user USER and --client CLIENT",
                "--history", "--history-db", file);
        assertUsage("--at lists who was connected", "--history", "--at", "2026-11-30T09:00:00Z", "--user", "bob",
                "--history-db", file);
        assertUsage("is not an ISO-8601 time", "--history", "--at", "yesterday", "--history-db", file);
        assertUsage("polls nothing", "--history", "--user", "bob", "--demo", "--history-db", file);
        assertUsage("--at belongs to --history queries", "--once", "--demo", "--at", "2026-11-30T09:00:00Z");
        assertUsage("--no-history goes with --watch, or alone for the window: only they record history", "--once", "--demo",
                "--no-history");
        assertUsage("--no-history goes with --watch, or alone for the window: only they record history", "--history", "--user",
                "bob", "--no-history", "--history-db", file);
        assertUsage("--history-db goes with --watch or --history", "--once", "--demo", "--history-db", file);
        assertUsage("No history has been recorded in", "--history", "--user", "bob", "--history-db",
                dir.resolve("missing.db").toString());
        assertThat(dir.resolve("missing.db")).doesNotExist();
    }

    @Test
    void noHistoryRecordsNothing() {
        CliHarness cli = harness();
        assertThat(cli.run("--watch", "--demo", "--cycles", "1", "--no-history")).isIn(0, 3, 4);
        assertThat(dir.resolve("history.db")).doesNotExist();
        assertThat(cli.err()).doesNotContain("Recording history");
    }

    @Test
    void endIsNullWhileTheSessionIsOpenInAHistoryStillBeingRecorded() throws Exception {
        Path live = dir.resolve("live.db");
        Instant at = Instant.parse("2026-11-30T10:00:00Z");
        try (HistoryRecorder recorder = HistoryRecorder.start(live, Duration.ofDays(90), Duration.ofMinutes(1),
                Clock.systemUTC(), status -> { })) {
            SessionTracker tracker = new SessionTracker();
            tracker.subscribe(recorder);
            tracker.completeCycle(new PollCycle(at, List.of(new ServerPollResult.Ok("FS01", InfoLevel.LEVEL_502,
                    InfoLevel.LEVEL_502, List.of(Session.builder("FS01", InfoLevel.LEVEL_502).clientName("pc9")
                            .userName("erin").activeSeconds(60).build()), Duration.ofMillis(5), at))));
            assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();

            JsonNode answer = json("--history", "--user", "erin", "--history-db", live.toString(), "--format",
                    "json");
            JsonNode erin = answer.get("intervals").get(0);
            assertThat(erin.get("end").isNull()).isTrue();
            assertThat(erin.get("start").asText()).isEqualTo("2026-11-30T09:59:00Z");
            assertThat(erin.get("maxOpens").isNull()).as("level 502 without an open count").isTrue();
        }
    }

    private void assertUsage(String message, String... args) {
        CliHarness cli = harness();
        assertThat(cli.run(args)).as(cli.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).doesNotContain("SQL State", "SQLITE_", "Exception");
        assertThat(cli.err()).contains(message);
    }

    @Test
    void theDefaultFileOfTestsAndScriptsSitsNextToTheConfiguration() throws Exception {
        CliHarness cli = harness();
        Files.deleteIfExists(dir.resolve("history.db"));
        cli.run("--watch", "--server", "FS01", "--cycles", "1");
        assertThat(dir.resolve("history.db")).exists();
    }

    @Test
    void aQueryOfSomethingThatIsNoHistoryDatabaseSaysWhatItIsAndChangesNothing() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.db"), "junk junk");
        Path empty = Files.writeString(dir.resolve("empty.db"), "");
        Path folder = Files.createDirectory(dir.resolve("folder.db"));
        String at = "2026-11-30T09:00:20Z";

        assertUsage(junk + " is not a history database (not an SQLite file): name the history file with"
                + " --history-db", "--history", "--at", at, "--history-db", junk.toString());
        assertUsage("No history has been recorded in " + empty + " yet", "--history", "--at", at, "--history-db",
                empty.toString());
        assertUsage(folder + " is a folder, not a history database", "--history", "--at", at, "--history-db",
                folder.toString());

        assertThat(Files.readString(junk)).isEqualTo("junk junk");
        assertThat(Files.size(empty)).as("no schema written into it").isZero();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("corrupt"));
        }
    }

    @Test
    void aDamagedHistoryFileIsMovedAsideAndSaidOnce() throws Exception {
        Files.writeString(dir.resolve("history.db"), "junk junk");
        CliHarness cli = harness();

        assertThat(cli.run("--watch", "--server", "FS01", "--cycles", "1")).as(cli.err()).isZero();

        assertThat(cli.err().split("was damaged", -1)).as(cli.err()).hasSize(2);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("history.db.corrupt-"));
        }
    }

    @Test
    void madeUpSessionsAreNeverRecorded() throws Exception {
        Files.deleteIfExists(dir.resolve("history.db"));
        CliHarness fleet = harness();
        assertThat(fleet.run("--watch", "--demo", "--cycles", "1")).as(fleet.err()).isIn(0, 3, 4);
        assertThat(fleet.err()).contains("Demo data is not recorded in this computer's history")
                .doesNotContain("Recording history");

        CliHarness backend = harness();
        assertThat(backend.run("--watch", "--server", "FS-HQ-01", "--backend", "demo", "--cycles", "1"))
                .as(backend.err()).isZero();
        assertThat(backend.err()).contains("Demo data: FS-HQ-01 uses the demo backend, whose sessions are made up.",
                "Demo data is not recorded in this computer's history");
        assertThat(dir.resolve("history.db")).doesNotExist();

        // a file named for it is the one place made-up sessions may go (to try history out)
        Path named = dir.resolve("demo-history.db");
        CliHarness tryOut = harness();
        assertThat(tryOut.run("--watch", "--demo", "--cycles", "1", "--history-db", named.toString()))
                .as(tryOut.err()).isIn(0, 3, 4);
        assertThat(tryOut.err()).contains("Recording history in " + named.toAbsolutePath());
        assertThat(named).exists();
        assertThat(dir.resolve("history.db")).doesNotExist();
    }
}
