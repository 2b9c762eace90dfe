package org.sessionwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.sessionwatch.audit.ActionLog;
import org.sessionwatch.files.AtomicFiles;
import org.sessionwatch.netapi.demo.DemoFleet;

/**
 * {@code --close-file} and {@code --end-session} on the demo fleet (one fleet across the runs of a test, so a closed
 * file stays closed): outcomes, exit codes, confirmation, the audit log and usage errors.
 */
class ActionCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private DemoFleet fleet;

    private CliHarness cli() {
        CliHarness cli = new CliHarness(dir.resolve("config.json"));
        if (fleet == null) {
            fleet = DemoFleet.withoutLatency(DemoFleet.DEFAULT_SEED, cli.clock);
        }
        cli.demo = () -> fleet;
        return cli;
    }

    private JsonNode json(CliHarness cli) throws Exception {
        return JSON.readTree(cli.out());
    }

    private JsonNode firstFile(String server) throws Exception {
        CliHarness list = cli();
        list.run("--once", "--files", "--format", "json");
        for (JsonNode file : json(list).get("files")) {
            if (file.get("server").asText().equals(server)) {
                return file;
            }
        }
        throw new AssertionError("no open file on " + server);
    }

    /** The demo sessions on {@code server}, of {@code user} from {@code client} when given. */
    private List<JsonNode> sessionsOn(String server, String client, String user) throws Exception {
        CliHarness list = cli();
        list.run("--once", "--demo", "--format", "json");
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode session : json(list).get("sessions")) {
            if (session.get("server").asText().equals(server) && !session.get("user").isNull()
                    && (client == null || session.get("client").asText().equals(client))
                    && (user == null || session.get("user").asText().equals(user))) {
                found.add(session);
            }
        }
        return found;
    }

    private List<JsonNode> auditLines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(ActionLog.FILE_NAME), StandardCharsets.UTF_8)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void closingAFileIsDoneThenAlreadyGoneBothExitZeroAndBothAudited() throws Exception {
        JsonNode file = firstFile("NAS-SAMBA");
        String id = file.get("id").asText();

        CliHarness first = cli();
        int exit = first.run("--close-file", id, "--server", "nas-samba", "--yes", "--format", "json");

        assertThat(exit).isZero();
        JsonNode done = json(first);
        assertThat(done.toString()).isEqualTo("{\"action\":\"CLOSE_FILE\",\"server\":\"NAS-SAMBA\",\"target\":"
                + "{\"fileId\":" + id + "},\"outcome\":\"DONE\",\"error\":null}");
        assertThat(first.err()).contains("Demo data");
        CliHarness again = cli();
        assertThat(again.run("--close-file", id, "--server", "NAS-SAMBA", "--yes", "--format", "json")).isZero();
        assertThat(json(again).get("outcome").asText()).isEqualTo("ALREADY_GONE");
        assertThat(again.err()).contains("File " + id + " is no longer open on NAS-SAMBA.");
        CliHarness listing = cli();
        listing.run("--once", "--files", "--format", "json");
        assertThat(json(listing).get("files").findValuesAsText("id")).doesNotContain(id);

        List<JsonNode> audit = auditLines();
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0).get("action").asText()).isEqualTo("CLOSE_FILE");
        assertThat(audit.get(0).get("server").asText()).isEqualTo("NAS-SAMBA");
        assertThat(audit.get(0).get("fileId").asText()).isEqualTo(id);
        assertThat(audit.get(0).get("outcome").asText()).isEqualTo("DONE");
        assertThat(audit.get(0).get("actor").asText()).isEqualTo(ActionLog.localAccount());
        assertThat(audit.get(0).get("demo").asBoolean()).isTrue();
        assertThat(audit.get(1).get("outcome").asText()).isEqualTo("ALREADY_GONE");
        if (AtomicFiles.isPosix()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("actions.log"))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void endingASessionEndsItThenFindsItGone() throws Exception {
        JsonNode session = sessionsOn("FS-HQ-02", null, null).get(0);
        String client = session.get("client").asText();
        String user = session.get("user").asText();

        CliHarness end = cli();
        int exit = end.run("--end-session", "--server", "FS-HQ-02", "--client", client, "--user", user, "--yes",
                "--format", "json");

        assertThat(exit).isZero();
        JsonNode result = json(end);
        assertThat(result.get("action").asText()).isEqualTo("END_SESSION");
        assertThat(result.get("target").toString())
                .isEqualTo("{\"client\":\"" + client + "\",\"user\":\"" + user + "\"}");
        assertThat(result.get("outcome").asText()).isEqualTo("DONE");
        assertThat(sessionsOn("FS-HQ-02", client, user)).isEmpty();
        CliHarness again = cli();
        assertThat(again.run("--end-session", "--server", "FS-HQ-02", "--client", client, "--user", user, "--yes",
                "--format", "json")).isZero();
        assertThat(json(again).get("outcome").asText()).isEqualTo("ALREADY_GONE");
        assertThat(auditLines()).extracting(line -> line.get("client").asText() + " " + line.get("outcome").asText())
                .containsExactly(client + " DONE", client + " ALREADY_GONE");
    }

    @Test
    void aRefusalExitsFourWithItsKindAndRemedy() throws Exception {
        CliHarness cli = cli();

        int exit = cli.run("--close-file", "7", "--server", "FS-FINANCE", "--yes", "--format", "json");

        assertThat(exit).isEqualTo(ExitCodes.ALL_FAILED);
        JsonNode result = json(cli);
        assertThat(result.get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(result.get("error").get("kind").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(result.get("error").get("code").asInt()).isEqualTo(5);
        assertThat(result.get("error").get("remedy").asText()).contains("Administrators");
        assertThat(cli.err()).contains("FS-FINANCE: Access denied");
        assertThat(auditLines()).singleElement().satisfies(line -> {
            assertThat(line.get("outcome").asText()).isEqualTo("REFUSED");
            assertThat(line.get("errorKind").asText()).isEqualTo("ACCESS_DENIED");
        });
    }

    @Test
    void withoutYesAndWithoutATerminalNothingIsDoneAndNothingAudited() throws Exception {
        JsonNode file = firstFile("FS-HQ-01");
        CliHarness cli = cli();

        int exit = cli.run("--close-file", file.get("id").asText(), "--server", "FS-HQ-01");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("asks for confirmation on a terminal", "nothing was done", "--yes");
        assertThat(cli.out()).isEmpty();
        assertThat(Files.readString(dir.resolve(ActionLog.FILE_NAME))).isEmpty();
        assertThat(firstFile("FS-HQ-01").get("id")).isEqualTo(file.get("id"));
    }

    @Test
    void theQuestionNamesTheFileAndTheRiskAndOnlyYesActs() throws Exception {
        JsonNode file = firstFile("FS-HQ-01");
        String id = file.get("id").asText();
        CliHarness declined = cli();
        declined.confirmation = Optional.of(false);

        assertThat(declined.run("--close-file", id, "--server", "FS-HQ-01")).isEqualTo(ExitCodes.USAGE);

        assertThat(declined.questions).singleElement().asString().contains("Close file " + id,
                file.get("path").asText(), file.get("user").asText(), "FS-HQ-01", "may lose unsaved changes",
                "Demo data");
        assertThat(declined.err()).contains("Cancelled; nothing was done.");
        CliHarness confirmed = cli();
        confirmed.confirmation = Optional.of(true);
        assertThat(confirmed.run("--close-file", id, "--server", "FS-HQ-01")).isZero();
        assertThat(confirmed.out()).isEqualTo("DONE: closed file " + id + " on FS-HQ-01." + System.lineSeparator());
        assertThat(auditLines()).singleElement().satisfies(line -> {
            assertThat(line.get("path").asText()).isEqualTo(file.get("path").asText());
            assertThat(line.get("user").asText()).isEqualTo(file.get("user").asText());
        });
    }

    @Test
    void endingASessionAsksWhatItMeans() {
        CliHarness cli = cli();
        cli.confirmation = Optional.of(false);

        cli.run("--end-session", "--server", "FS-HQ-01", "--user", "nobody");

        assertThat(cli.questions).singleElement().asString().contains("End the sessions of user nobody on FS-HQ-01",
                "closes all its files");
    }

    @Test
    void anUnsupportedBackendIsARefusalAndNoPasswordReachesTheAuditLog() throws Exception {
        CliHarness cli = cli();
        cli.environment.put(CliRun.PASSWORD_VARIABLE, "s3cret-Passw0rd");

        int exit = cli.run("--close-file", "7", "--server", "FS01", "--backend", "srvsvc", "--username",
                "CORP\\helpdesk", "--yes", "--format", "csv");

        assertThat(exit).isEqualTo(ExitCodes.ALL_FAILED);
        assertThat(cli.out()).startsWith("action,server,fileId,client,user,outcome,errorKind,code,message\r\n"
                + "CLOSE_FILE,FS01,7,,,REFUSED,UNSUPPORTED,0,");
        String audit = Files.readString(dir.resolve(ActionLog.FILE_NAME));
        assertThat(audit).contains("\"outcome\":\"UNSUPPORTED\"", "\"demo\":false").doesNotContain("s3cret");
    }

    @Test
    void anAuditLogThatCannotBeWrittenMeansNothingIsDone() throws Exception {
        JsonNode file = firstFile("FS-HQ-01");
        Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "");
        CliHarness cli = cli();
        cli.configFile = notAFolder.resolve("config.json");

        int exit = cli.run("--close-file", file.get("id").asText(), "--server", "FS-HQ-01", "--yes");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("audit log", "cannot be written (a file of that name is in the way)",
                "nothing was done").doesNotContain("Exception");
        assertThat(cli.out()).isEmpty();
        assertThat(firstFile("FS-HQ-01").get("id")).as("still open").isEqualTo(file.get("id"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--close-file 7|--close-file needs exactly one --server NAME",
            "--close-file -1 --server FS01|'-1' is not a file id",
            "--close-file 4294967296 --server FS01|is not a file id",
            "--close-file 7 --server A --server B|exactly one --server",
            "--end-session --server FS01|--end-session needs --client CLIENT, --user USER or both",
            "--close-file 7 --server FS01 --user bob|--client and --user belong to --end-session",
            "--close-file 7 --end-session --server FS01|mutually exclusive",
            "--once --close-file 7 --server FS01|mutually exclusive",
            "--once --yes|--yes confirms --close-file or --end-session",
            "--close-file 7 --server FS01 --files|--files",
            "--close-file 7 --server NOPE --demo --yes|is not a server of the demo fleet"})
    void misusedActionOptionsAreUsageErrorsNamingTheOption(String args, String message) {
        CliHarness cli = cli();

        assertThat(cli.run(args.split(" "))).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains(message);
        assertThat(cli.out()).isEmpty();
    }
}
