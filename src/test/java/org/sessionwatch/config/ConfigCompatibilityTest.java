package org.sessionwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Files written by earlier releases load unchanged. The fixtures under {@code src/test/resources/.../config} were
 * written by the release before the settings became a declarative list in {@link ConfigJson}; never regenerate them
 * with the current code, or this test proves nothing.
 */
class ConfigCompatibilityTest {

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ConfigCompatibilityTest.class.getResourceAsStream(name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void aVersionOneFileWithEveryFieldLoadsAsWritten() throws Exception {
        AppConfig config = ConfigJson.parse(fixture("config-v1-full.json"));

        assertThat(config).isEqualTo(AppConfig.builder()
                .pollInterval(Duration.ofSeconds(30)).serverDeadline(Duration.ofSeconds(7))
                .hideOwnSession(true).hideComputerAccounts(false).hideAnonymous(true).reachabilityCheck(true)
                .servers(List.of(ServerConfig.of("FS01"),
                        ServerConfig.builder("fs02.corp.example").backend(Backend.SRVSVC).port(4455)
                                .username("helpdesk").domain("CORP").build(),
                        ServerConfig.builder("fe80::1").backend(Backend.WINDOWS).enabled(false)
                                .requireSigning(false).build(),
                        ServerConfig.of("demo-box", Backend.DEMO)))
                .build());
    }

    @Test
    void savingAnOldFileAgainWritesTheSameBytes() throws Exception {
        byte[] old = fixture("config-v1-full.json");

        String rewritten = new String(ConfigJson.write(ConfigJson.parse(old)), StandardCharsets.UTF_8);

        assertThat(rewritten.replace(System.lineSeparator(), "\n"))
                .isEqualTo(new String(old, StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    @Test
    void aMinimalVersionOneFileTakesTheDefaultsForWhatItLeavesOut() throws Exception {
        AppConfig config = ConfigJson.parse(fixture("config-v1-minimal.json"));

        assertThat(config).isEqualTo(AppConfig.defaults().withServers(List.of(ServerConfig.of("FS01"),
                ServerConfig.builder("fs02.corp.example").backend(Backend.SRVSVC).username("helpdesk").build())));
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.serverDeadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.servers().get(1).port()).isEqualTo(445);
        assertThat(config.servers().get(1).requireSigning()).isTrue();
    }

    @Test
    void theBuildersStartFromTheDocumentedDefaultsAndCopyEveryValue() throws Exception {
        AppConfig custom = ConfigJson.parse(fixture("config-v1-full.json"));

        assertThat(custom.toBuilder().build()).isEqualTo(custom);
        custom.servers().forEach(server -> assertThat(server.toBuilder().build()).isEqualTo(server));
        assertThat(AppConfig.builder().build()).isEqualTo(AppConfig.defaults());
        assertThat(ServerConfig.builder("FS01").build())
                .isEqualTo(new ServerConfig("FS01", Backend.AUTO, true, 445, null, null, true));
    }

    @Test
    void readOnlyIsOffInOldFilesAndWrittenOnlyWhenOn() throws Exception {
        AppConfig old = ConfigJson.parse(fixture("config-v1-full.json"));
        assertThat(old.readOnly()).isFalse();

        AppConfig readOnly = old.toBuilder().readOnly(true).build();
        String written = new String(ConfigJson.write(readOnly), StandardCharsets.UTF_8);

        assertThat(written).contains("\"readOnly\" : true");
        assertThat(ConfigJson.parse(written.getBytes(StandardCharsets.UTF_8))).isEqualTo(readOnly);
        assertThat(new String(ConfigJson.write(old), StandardCharsets.UTF_8)).doesNotContain("readOnly");
    }
}
