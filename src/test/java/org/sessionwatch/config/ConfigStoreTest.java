package org.sessionwatch.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionwatch.files.AtomicFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

class ConfigStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T16:30:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static AppConfig sample() {
        return AppConfig.builder().servers(List.of(
                        ServerConfig.of("FS01"),
                        ServerConfig.builder("fs02.corp.example").backend(Backend.SRVSVC).enabled(false).port(4455)
                                .username("helpdesk").domain("CORP").requireSigning(false).build(),
                        ServerConfig.of("fe80::1", Backend.WINDOWS)))
                .pollInterval(Duration.ofSeconds(30)).serverDeadline(Duration.ofSeconds(7))
                .hideOwnSession(true).hideComputerAccounts(true).reachabilityCheck(true)
                .historyRetention(Duration.ofDays(30)).build();
    }

    private Path write(String json) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private String invalidReason(String json) throws IOException {
        ConfigLoad load = new ConfigStore(write(json)).load();
        assertThat(load).isInstanceOf(ConfigLoad.Invalid.class);
        assertThat(load.config()).isEqualTo(AppConfig.defaults());
        return ((ConfigLoad.Invalid) load).reason();
    }

    @Test
    void savedConfigurationLoadsBackEqual() throws IOException {
        ConfigStore store = new ConfigStore(dir.resolve("sub/dir/config.json"));
        assertThat(store.save(sample())).isEmpty();
        ConfigLoad load = store.load();
        assertThat(load).isInstanceOf(ConfigLoad.Loaded.class);
        assertThat(load.config()).isEqualTo(sample());
        assertThat(load.problem()).isEmpty();
    }

    @Test
    void fileHasTheDocumentedSchemaAndNoSecrets() throws IOException {
        ConfigStore store = new ConfigStore(dir.resolve("config.json"));
        store.save(sample());
        String json = Files.readString(store.file());
        assertThat(json).contains("\"version\" : 1", "\"pollIntervalSeconds\" : 30", "\"serverDeadlineSeconds\" : 7",
                "\"hideOwnSession\" : true", "\"reachabilityCheck\" : true", "\"backend\" : \"srvsvc\"",
                "\"username\" : \"helpdesk\"", "\"domain\" : \"CORP\"", "\"requireSigning\" : false",
                "\"port\" : 4455", "\"historyRetentionDays\" : 30");
        assertThat(json.toLowerCase()).doesNotContain("password");
    }

    @Test
    void theDefaultHistoryRetentionIsNotWrittenSoOlderReleasesStillReadTheFile() throws IOException {
        ConfigStore store = new ConfigStore(dir.resolve("config.json"));
        store.save(AppConfig.defaults());
        assertThat(Files.readString(store.file())).doesNotContain("historyRetentionDays");
        assertThat(store.load().config().historyRetention()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void missingFileGivesDefaultsAndNoProblem() {
        ConfigLoad load = new ConfigStore(dir.resolve("nothing-here.json")).load();
        assertThat(load).isInstanceOf(ConfigLoad.Missing.class);
        assertThat(load.config()).isEqualTo(AppConfig.defaults());
        assertThat(load.problem()).isEmpty();
        assertThat(dir.resolve("nothing-here.json")).doesNotExist();
    }

    @Test
    void minimalHandWrittenFileUsesDefaultsForWhatItLeavesOut() throws IOException {
        ConfigLoad load = new ConfigStore(write("{\"servers\":[{\"name\":\"\\\\\\\\FS09\"}]}")).load();
        assertThat(load.config()).isEqualTo(AppConfig.defaults().withServers(List.of(ServerConfig.of("FS09"))));
    }

    @Test
    void corruptJsonIsReportedWithPathAndLineAndLeftUntouched() throws IOException {
        String corrupt = "{\n  \"version\": 1,\n  \"pollIntervalSeconds\": 15,,\n  \"servers\": []\n}\n";
        Path file = write(corrupt);
        ConfigLoad load = new ConfigStore(file).load();
        assertThat(load).isInstanceOf(ConfigLoad.Invalid.class);
        assertThat(((ConfigLoad.Invalid) load).reason()).startsWith("line 3, column ").contains("invalid JSON");
        assertThat(load.problem()).get().asString().contains(file.toString()).contains("line 3")
                .contains("left unchanged");
        assertThat(load.config()).isEqualTo(AppConfig.defaults());
        assertThat(Files.readString(file)).isEqualTo(corrupt);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void savingOverACorruptFileKeepsACopyOfItFirst() throws IOException {
        String corrupt = "{\"servers\": [ {\"name\": \"FS01\"} ";
        Path file = write(corrupt);
        ConfigStore store = new ConfigStore(file, CLOCK);
        assertThat(store.load()).isInstanceOf(ConfigLoad.Invalid.class);

        Optional<Path> kept = store.save(sample());

        Path expected = dir.resolve("config.json.corrupt-20261124T163005Z");
        assertThat(kept).contains(expected);
        assertThat(Files.readString(expected)).isEqualTo(corrupt);
        assertThat(store.load().config()).isEqualTo(sample());

        // A second corrupt file in the same second gets its own copy instead of replacing the first.
        Files.writeString(file, "not json");
        assertThat(store.save(sample())).contains(dir.resolve("config.json.corrupt-20261124T163005Z-1"));
        assertThat(Files.readString(expected)).isEqualTo(corrupt);
    }

    @Test
    void savingOverAValidFileKeepsNoCopy() throws IOException {
        ConfigStore store = new ConfigStore(dir.resolve("config.json"), CLOCK);
        store.save(AppConfig.defaults());
        assertThat(store.save(sample())).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("config.json"));
        }
    }

    @Test
    void invalidValuesAreNamedByFieldAndServerIndex() throws IOException {
        assertThat(invalidReason("{\"servers\":[{\"name\":\"a\"},{\"name\":\"b\"},{\"name\":\"c\",\"port\":70000}]}"))
                .isEqualTo("servers[2].port: 70000 is not a port (1–65535)");
        assertThat(invalidReason("{\"pollIntervalSeconds\": 0}"))
                .isEqualTo("pollIntervalSeconds: 0 is not a number of seconds (1–86400)");
        assertThat(invalidReason("{\"serverDeadlineSeconds\": \"ten\"}"))
                .isEqualTo("serverDeadlineSeconds: \"ten\" is not a whole number");
        assertThat(invalidReason("{\"historyRetentionDays\": 0}"))
                .isEqualTo("historyRetentionDays: 0 is not a number of days (1–3650)");
        assertThat(invalidReason("{\"hideAnonymous\": \"yes\"}")).isEqualTo("hideAnonymous: \"yes\" is not true or false");
        assertThat(invalidReason("{\"servers\":[{\"name\":\"FS01\",\"backend\":\"smb1\"}]}"))
                .isEqualTo("servers[0].backend: Invalid backend 'smb1': use auto, windows, srvsvc or demo");
        assertThat(invalidReason("{\"servers\":[{\"name\":\"bad name!\"}]}")).startsWith("servers[0].name: Invalid server name 'bad name!'");
        assertThat(invalidReason("{\"servers\":[{\"port\":445}]}")).isEqualTo("servers[0].name: missing; every server needs a \"name\"");
        assertThat(invalidReason("{\"servers\":[{\"name\":\"FS01\"},{\"name\":\"fs01\"}]}"))
                .isEqualTo("servers[1].name: 'fs01' is already listed as servers[0]");
        assertThat(invalidReason("{\"pollIntervalSecond\": 5}")).startsWith("pollIntervalSecond: unknown field");
        assertThat(invalidReason("{\"version\": 2}")).startsWith("version: 2 is not supported");
        assertThat(invalidReason("[1,2]")).isEqualTo("the file must hold one JSON object {...}, not a list");
        assertThat(invalidReason("")).isEqualTo("the file is empty");
        assertThat(invalidReason("{\"servers\": {}}")).isEqualTo("servers: must be a list [...] of servers, not an object");
        assertThat(invalidReason("{\"version\":1}{}")).contains("invalid JSON");
        assertThat(invalidReason("{\"version\":1, \"version\":1}")).contains("Duplicate field 'version'");
    }

    @Test
    void passwordKeyIsRefusedPointingAtTheCredentialStoreWithoutEchoingIt() throws IOException {
        String reason = invalidReason("{\"servers\":[{\"name\":\"FS01\",\"username\":\"bob\",\"password\":\"hunter2\"}]}");
        assertThat(reason).startsWith("servers[0].password: passwords are never kept in the configuration file")
                .contains("credential store").doesNotContain("hunter2");
        assertThat(invalidReason("{\"Password\":\"x\"}")).startsWith("Password: passwords are never kept");
        // unquoted, so a syntax error comes first: its message must not repeat the value either
        assertThat(invalidReason("{\"servers\":[{\"name\":\"FS01\",\"password\": hunter2}]}"))
                .startsWith("line 1, column ").contains("Unrecognized token").doesNotContain("hunter2");
    }

    @Test
    void aConfigurationTheNextStartWouldRejectIsNotSaved() throws IOException {
        ConfigStore store = new ConfigStore(dir.resolve("config.json"));
        store.save(sample());
        AppConfig duplicate = AppConfig.defaults().withServers(List.of(ServerConfig.of("FS01"), ServerConfig.of("fs01")));
        assertThatThrownBy(() -> store.save(duplicate)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The configuration cannot be saved: servers[1].name: 'fs01' is already listed as servers[0]");
        AppConfig slow = AppConfig.builder().pollInterval(Duration.ofDays(2)).build();
        assertThatThrownBy(() -> store.save(slow)).hasMessageContaining("pollIntervalSeconds: 172800 is not");
        assertThat(store.load().config()).isEqualTo(sample());
    }

    @Test
    void failedWriteLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
        ConfigStore store = new ConfigStore(dir.resolve("config.json"));
        store.save(sample());
        byte[] before = Files.readAllBytes(store.file());

        assertThatThrownBy(() -> store.save(out -> {
            out.write("{\"version\": 1, \"serv".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).isInstanceOf(IOException.class).hasMessage("No space left on device");

        assertThat(Files.readAllBytes(store.file())).isEqualTo(before);
        assertThat(store.load().config()).isEqualTo(sample());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(store.file());
        }
    }

    @Test
    void fileIsOwnerOnlyAndNewDirectoriesToo() throws IOException {
        assumeThat(AtomicFiles.isPosix()).isTrue();
        Path file = dir.resolve("new/sessionwatch/config.json");
        Files.createDirectories(dir.resolve("new"));
        Files.setPosixFilePermissions(dir.resolve("new"), PosixFilePermissions.fromString("rwxr-xr-x"));
        new ConfigStore(file).save(sample());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        // an existing parent keeps the permissions its owner chose
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new"))))
                .isEqualTo("rwxr-xr-x");
    }

    @Test
    void rewritingAWorldReadableFileMakesItOwnerOnly() throws IOException {
        assumeThat(AtomicFiles.isPosix()).isTrue();
        Path file = write("{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        new ConfigStore(file).save(sample());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void directoryInPlaceOfTheFileIsReportedNotThrown() throws IOException {
        Path file = Files.createDirectory(dir.resolve("config.json"));
        ConfigLoad load = new ConfigStore(file).load();
        assertThat(load).isInstanceOf(ConfigLoad.Invalid.class);
        assertThat(load.problem()).get().asString().contains("is a directory");
    }
}
