package org.sessionwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --once --files}: the demo fleet, the filters, the three formats, usage errors and unsupported backends. */
class FilesCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliHarness cli() {
        return new CliHarness(dir.resolve("config.json"));
    }

    @Test
    void theDemoFleetsOpenFilesAsJsonWithEveryKeyLabelledDemo() throws Exception {
        CliHarness cli = cli();

        int exit = cli.run("--once", "--files", "--format", "json");

        assertThat(exit).as("the demo fleet fails two servers on purpose").isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(cli.err()).startsWith("Demo data:").contains("FS-FINANCE: Access denied", "FS-BRANCH-OSLO");
        JsonNode root = JSON.readTree(cli.out());
        assertThat(keys(root)).containsExactly("polledAt", "servers", "files");
        JsonNode finance = find(root.get("servers"), "FS-FINANCE");
        assertThat(keys(finance)).containsExactly("server", "status", "level", "files", "durationMs", "error");
        assertThat(finance.get("status").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(finance.get("files").isNull()).isTrue();
        assertThat(finance.get("error").get("remedy").asText()).contains("Administrators");
        JsonNode hq = find(root.get("servers"), "FS-HQ-01");
        assertThat(hq.get("status").asText()).isEqualTo("OK");
        assertThat(hq.get("level").asInt()).isEqualTo(3);
        JsonNode files = root.get("files");
        assertThat(files.size()).isPositive();
        assertThat(keys(files.get(0))).containsExactly("server", "id", "user", "path", "locks", "permissions",
                "permissionNames", "level");
        for (JsonNode file : files) {
            assertThat(file.get("id").isIntegralNumber()).isTrue();
            assertThat(file.get("id").asLong()).isBetween(0L, 0xFFFF_FFFFL);
            assertThat(file.get("permissionNames").isArray()).isTrue();
        }
        assertThat(files).filteredOn(f -> f.get("server").asText().equals("NAS-SAMBA"))
                .as("Samba's ids above 2^31 stay positive").isNotEmpty()
                .allSatisfy(f -> assertThat(f.get("id").asLong()).isGreaterThan(Integer.MAX_VALUE));
        JsonNode readWrite = files.findParents("permissions").stream()
                .filter(f -> f.get("permissions").asLong() == 3).findFirst().orElseThrow();
        assertThat(readWrite.get("permissionNames").toString()).isEqualTo("[\"READ\",\"WRITE\"]");
        assertThat(hq.get("files").asInt()).isEqualTo(files.findValues("server").stream()
                .filter(s -> s.asText().equals("FS-HQ-01")).count());
    }

    @Test
    void userAndPathFiltersKeepOnlyMatchingFilesAnyCase() throws Exception {
        CliHarness all = cli();
        all.run("--once", "--files", "--format", "json");
        JsonNode first = JSON.readTree(all.out()).get("files").get(0);
        String user = first.get("user").asText();

        CliHarness cli = cli();
        cli.run("--once", "--files", "--format", "json", "--user", "CORP\\" + user.toUpperCase(),
                "--path-contains", "XLSX");

        JsonNode files = JSON.readTree(cli.out()).get("files");
        assertThat(files.size()).isPositive();
        assertThat(files).allSatisfy(f -> {
            assertThat(f.get("user").asText()).isEqualToIgnoringCase(user);
            assertThat(f.get("path").asText()).containsIgnoringCase("xlsx");
        });
    }

    @Test
    void tableAndCsvHaveTheSessionsShape() {
        CliHarness table = cli();
        table.run("--once", "--files", "--demo", "--path-contains", "budget");
        assertThat(table.out()).containsPattern("Listed at .*: \\d+ open files on 6 of 8 servers")
                .contains("SERVER", "ID", "PERMISSIONS", "READ, WRITE", "FS-FINANCE", "ACCESS_DENIED");

        CliHarness csv = cli();
        csv.run("--once", "--files", "--demo", "--format", "csv", "--path-contains", "budget");
        String[] rows = csv.out().split("\r\n");
        assertThat(rows[0]).isEqualTo("polledAt,server,id,user,path,locks,permissions,permissionNames,level");
        assertThat(rows.length).isGreaterThan(1);
        assertThat(rows[1]).startsWith("2026-11-24T16:20:00Z,FS-HQ-01,").containsIgnoringCase("budget");
    }

    @Test
    void aBackendWithoutOpenFilesIsReportedUnsupportedNotEmpty() throws Exception {
        CliHarness cli = cli();

        int exit = cli.run("--once", "--files", "--server", "FS01", "--format", "json");

        assertThat(exit).isEqualTo(ExitCodes.ALL_FAILED);
        JsonNode server = JSON.readTree(cli.out()).get("servers").get(0);
        assertThat(server.get("status").asText()).isEqualTo("UNSUPPORTED");
        assertThat(server.get("files").isNull()).isTrue();
        assertThat(server.get("error").get("message").asText()).contains("Listing open files is not supported");
        assertThat(cli.err()).contains("FS01: Listing open files is not supported");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--watch --files|--files goes with --once",
            "--once --path-contains x|--path-contains filters the open files of --files",
            "--once --files --level 2|--level is the sessions' information level",
            "--once --files --client PC7|--client does not filter open files",
            "--files|missing a mode: --once"})
    void misusedOptionsAreUsageErrorsNamingTheOption(String args, String message) {
        CliHarness cli = cli();

        assertThat(cli.run(args.split(" "))).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains(message);
        assertThat(cli.out()).isEmpty();
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static JsonNode find(JsonNode servers, String name) {
        for (JsonNode server : servers) {
            if (server.get("server").asText().equals(name)) {
                return server;
            }
        }
        throw new AssertionError("no server " + name + " in " + servers);
    }
}
