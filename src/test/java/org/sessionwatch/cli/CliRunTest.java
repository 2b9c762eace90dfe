package org.sessionwatch.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.OpenFilesResult;
import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;

import static org.assertj.core.api.Assertions.assertThat;

/** Exit codes, where output and errors go, --watch cycles and the demo-fleet fallback. */
class CliRunTest {
    @TempDir
    Path dir;

    private CliHarness harness() {
        CliHarness cli = new CliHarness(dir.resolve("config.json"));
        // FS01 answers with one session, DOWN is unreachable, DENIED refuses.
        cli.backend = request -> switch (request.server()) {
            case "DOWN" -> new EnumerationResult.Failure("DOWN", request.level(),
                    NetApiStatus.toError(NetApiStatus.ERROR_BAD_NETPATH, "DOWN"));
            case "DENIED" -> new EnumerationResult.Failure("DENIED", request.level(),
                    NetApiStatus.toError(NetApiStatus.ERROR_ACCESS_DENIED, "DENIED"));
            default -> new EnumerationResult.Success(request.server(), InfoLevel.LEVEL_10, List.of(
                    Session.builder(request.server(), InfoLevel.LEVEL_10).clientName("10.0.0.1").userName("alice")
                            .activeSeconds(60).idleSeconds(5).build()));
        };
        return cli;
    }

    @Test
    void everyServerAnsweringExitsZeroWithNothingOnStderr() {
        CliHarness cli = harness();
        assertThat(cli.run("--once", "--server", "FS01", "--server", "FS02", "--format", "csv")).isZero();
        assertThat(cli.out()).startsWith("polledAt,server,").contains("FS01,10.0.0.1,alice", "FS02,10.0.0.1,alice");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void someServersFailingExitsThreeAndNamesEachOnStderr() {
        CliHarness cli = harness();
        assertThat(cli.run("--once", "--server", "FS01", "--server", "DOWN")).isEqualTo(3);
        assertThat(cli.out()).contains("1 session on 1 of 2 servers", "DOWN    UNREACHABLE");
        assertThat(cli.err()).isEqualTo("sessionwatch: DOWN: "
                + NetApiStatus.toError(NetApiStatus.ERROR_BAD_NETPATH, "DOWN").describe() + System.lineSeparator());
    }

    @Test
    void allServersFailingExitsFour() throws Exception {
        CliHarness cli = harness();
        assertThat(cli.run("--once", "--server", "DOWN", "--server", "DENIED", "--format", "json")).isEqualTo(4);
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.get("servers")).extracting(s -> s.get("status").asText())
                .containsExactly("UNREACHABLE", "ACCESS_DENIED");
        assertThat(json.get("sessions")).isEmpty();
        assertThat(cli.err().lines()).containsExactly(
                "sessionwatch: DOWN: " + NetApiStatus.toError(NetApiStatus.ERROR_BAD_NETPATH, "DOWN").describe(),
                "sessionwatch: DENIED: " + NetApiStatus.toError(NetApiStatus.ERROR_ACCESS_DENIED, "DENIED").describe());
    }

    @Test
    void watchPrintsChangesForTheGivenNumberOfCyclesAndSleepsTheInterval() {
        CliHarness cli = harness();
        AtomicInteger call = new AtomicInteger();
        Instant t0 = Instant.parse("2026-11-24T16:20:00Z");
        cli.clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return t0.plusSeconds(call.get() * 10L);
            }
        };
        // Cycle 1: alice present; cycle 2: bob connects; cycle 3: FS01 fails.
        cli.backend = request -> {
            int n = call.incrementAndGet();
            Instant at = t0.plusSeconds((n - 1) * 10L);
            long aliceActive = Duration.between(t0.minusSeconds(60), at).toSeconds();
            Session alice = Session.builder("FS01", InfoLevel.LEVEL_10).clientName("pc1").userName("alice")
                    .activeSeconds(aliceActive).idleSeconds(0).build();
            Session bob = Session.builder("FS01", InfoLevel.LEVEL_10).clientName("pc2").userName("bob")
                    .activeSeconds(3).idleSeconds(0).build();
            return switch (n) {
                case 1 -> new EnumerationResult.Success("FS01", InfoLevel.LEVEL_10, List.of(alice));
                case 2 -> new EnumerationResult.Success("FS01", InfoLevel.LEVEL_10, List.of(alice, bob));
                default -> new EnumerationResult.Failure("FS01", InfoLevel.LEVEL_10,
                        NetApiStatus.toError(NetApiStatus.ERROR_BAD_NETPATH, "FS01"));
            };
        };
        assertThat(cli.run("--watch", "--server", "FS01", "--interval", "15", "--cycles", "3")).isEqualTo(4);
        List<String> lines = cli.out().lines().toList();
        assertThat(lines).hasSize(3);
        // A line carries the time the server's answer was complete: 10 s into each cycle on the moving clock.
        assertThat(lines.get(0)).startsWith("2026-11-24T16:20:10Z = PRESENT    FS01 pc1 alice");
        assertThat(lines.get(1)).startsWith("2026-11-24T16:20:20Z + CONNECT    FS01 pc2 bob (connected 3s");
        assertThat(lines.get(2)).startsWith("2026-11-24T16:20:30Z ! FAILING    FS01 FS01 could not be reached.");
        // each cycle "took" 10 s on the moving clock, so 5 s are left of the 15 s interval; none after the last
        assertThat(cli.sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(cli.err()).contains("Watching 1 server(s) every 15 s");
    }

    @Test
    void watchPrintsAnAlertLineAfterTheEventThatFiredIt() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("config.json"), """
                {"alerts": [{"name": "bob connects", "event": "SESSION_CONNECTED", "user": "BOB"},
                            {"name": "budget", "event": "FILE_OPENED", "pathGlob": "*budget*"}]}
                """);
        CliHarness cli = harness();
        AtomicInteger call = new AtomicInteger();
        cli.backend = request -> {
            Session bob = Session.builder("FS01", InfoLevel.LEVEL_10).clientName("pc2").userName("bob")
                    .activeSeconds(3).idleSeconds(0).build();
            return new EnumerationResult.Success("FS01", InfoLevel.LEVEL_10,
                    call.incrementAndGet() == 1 ? List.of() : List.of(bob));
        };

        assertThat(cli.run("--watch", "--server", "FS01", "--cycles", "2")).isZero();

        List<String> lines = cli.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains(" + CONNECT    FS01 pc2 bob (connected 3s");
        assertThat(lines.get(1)).matches("\\S+Z ! ALERT      bob connects: FS01 pc2 bob connected");
        assertThat(cli.err()).contains("alert rule 'budget' is not evaluated: FILE_OPENED rules fire only while open"
                + " files are watched");
    }

    @Test
    void watchWatchesOpenFilesForFileOpenedRulesAndPrintsTheirAlerts() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("config.json"), """
                {"alerts": [{"name": "budget", "event": "FILE_OPENED", "pathGlob": "*budget*"}]}
                """);
        CliHarness cli = harness();
        AtomicInteger call = new AtomicInteger();
        OpenFile notes = new OpenFile("FS01", FileInfoLevel.LEVEL_3, 1, 1L, 0L, "C:\\share\\notes.txt", "bob");
        OpenFile budget = new OpenFile("FS01", FileInfoLevel.LEVEL_3, 4026531841L, 3L, 0L,
                "C:\\share\\budget.xlsx", "alice");
        cli.files = request -> new OpenFilesResult.Success(request.server(), FileInfoLevel.LEVEL_3,
                call.incrementAndGet() == 1 ? List.of(notes) : List.of(notes, budget));

        assertThat(cli.run("--watch", "--server", "FS01", "--cycles", "2")).isZero();

        List<String> alerts = cli.out().lines().filter(line -> line.contains("! ALERT")).toList();
        assertThat(alerts).singleElement().asString().contains("budget:").contains("budget.xlsx").contains("alice");
        assertThat(cli.err()).doesNotContain("is not evaluated");
    }

    @Test
    void stoppingDuringAPollPrintsNothingForTheCutShortCycle() {
        CliHarness cli = harness();
        AtomicInteger call = new AtomicInteger();
        SessionEnumeratorStub stub = request -> {
            if (call.incrementAndGet() == 2) {
                // What Ctrl+C does: the shutdown hook asks the run to stop and interrupts it mid-poll.
                cli.cli.stop(Thread.currentThread());
                return new EnumerationResult.Failure("FS01", request.level(),
                        NetApiStatus.timeout("FS01", 0));
            }
            return new EnumerationResult.Success("FS01", InfoLevel.LEVEL_10, List.of(
                    Session.builder("FS01", InfoLevel.LEVEL_10).clientName("pc1").userName("alice").build()));
        };
        cli.backend = stub::enumerate;
        try {
            assertThat(cli.run("--watch", "--server", "FS01", "--format", "json")).isZero();
        } finally {
            Thread.interrupted();
        }
        assertThat(call.get()).isEqualTo(2);
        assertThat(cli.out().lines()).singleElement().asString().contains("\"event\":\"PRESENT\"")
                .doesNotContain("FAILING");
        assertThat(cli.sleeps).hasSize(1);
    }

    private interface SessionEnumeratorStub {
        EnumerationResult enumerate(org.sessionwatch.netapi.EnumerationRequest request);
    }

    @Test
    void watchAsCsvPrintsTheHeaderOnce() {
        CliHarness cli = harness();
        assertThat(cli.run("--watch", "--server", "FS01", "--cycles", "2", "--format", "csv")).isZero();
        assertThat(cli.out().split("\r\n")).hasSize(2);
        assertThat(cli.out()).startsWith("at,event,server,client,user,").contains(",PRESENT,FS01,10.0.0.1,alice,");
    }

    @Test
    void noServersConfiguredFallsBackToTheDemoFleetWithANotice() {
        CliHarness cli = harness();
        // the demo fleet has a server that denies access and one that cannot be reached: some failed, exit 3
        assertThat(cli.run("--once", "--format", "json")).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(cli.err()).contains("Demo data: no servers are configured in " + dir.resolve("config.json"));
        assertThat(cli.out()).contains("\"server\":\"FS-HQ-01\"", "\"server\":\"NAS-SAMBA\"");
        assertThat(cli.createdFor).as("the real backends were not asked").isEmpty();
        assertThat(cli.demoCreated).isTrue();
    }

    @Test
    void serversThatAreAllDisabledAreNamedAsSuchNotReplacedByTheDemoFleet() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("config.json"), """
                {"version": 1, "servers": [{"name": "FS01", "enabled": false}, {"name": "FS02", "enabled": false}]}
                """);
        CliHarness cli = harness();
        cli.demo = () -> {
            throw new AssertionError("the demo fleet was not expected here");
        };

        assertThat(cli.run("--once")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("every server in " + dir.resolve("config.json") + " is disabled (2)")
                .doesNotContain("Demo data");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void aCollectorWithoutServersSaysSoOnceAndShowsNoDemoNotice() {
        CliHarness cli = harness();

        assertThat(cli.run("--collect", "--db", "postgresql://127.0.0.1:1/sw?user=x")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err().strip()).isEqualTo("sessionwatch: " + CollectRun.NO_SERVERS);
        assertThat(cli.demoCreated).isFalse();
    }

    @Test
    void anIntervalBelongsToWatchAndCollectNotToOnce() {
        CliHarness cli = harness();

        assertThat(cli.run("--once", "--server", "FS01", "--interval", "5")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--interval is the time between the polls of --watch or --collect");
        assertThat(cli.createdFor).as("nothing was polled").isEmpty();
    }

    @Test
    void configuredServersNeverCreateTheDemoFleet() {
        CliHarness cli = harness();
        cli.demo = () -> {
            throw new AssertionError("the demo fleet was not expected here");
        };
        assertThat(cli.run("--once", "--server", "FS01")).isZero();
        assertThat(cli.demoCreated).isFalse();
    }
}
