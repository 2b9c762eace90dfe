package org.sessionwatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.ConfigStore;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.ui.settings.ServerListReader;
import org.sessionwatch.ui.testing.MemoryCredentials;

class DefaultEnvironmentTest {
    @TempDir
    Path dir;

    private DefaultEnvironment environment() {
        return new DefaultEnvironment(new ConfigStore(dir.resolve("config.json")), dir.resolve("ui-state.json"),
                new MemoryCredentials());
    }

    @Test
    void firstStartIsTheDemoWithoutAProblem() {
        AppEnvironment.Startup startup = environment().loadConfig();

        assertThat(startup.config().servers()).isEmpty();
        assertThat(startup.problem()).isEmpty();
    }

    @Test
    void savedSettingsAreReadAtTheNextStart() throws IOException {
        AppConfig config = AppConfig.defaults().withServers(List.of(ServerConfig.of("FS01")));
        environment().saveConfig(config);

        assertThat(environment().loadConfig().config()).isEqualTo(config);
    }

    @Test
    void aBrokenFileIsReportedAndTheDefaultsStandIn() throws IOException {
        Files.writeString(dir.resolve("config.json"), "{ \"servers\": [ ");

        AppEnvironment.Startup startup = environment().loadConfig();

        assertThat(startup.config()).isEqualTo(AppConfig.defaults());
        assertThat(startup.problem()).hasValueSatisfying(p -> assertThat(p).contains("config.json"));
    }

    @Test
    void serverListsReportBadLinesByNumber() throws IOException {
        Path list = Files.writeString(dir.resolve("servers.txt"), "FS01\n# comment\nbad name!\n10.0.0.12\n");

        ServerListReader.Outcome outcome = environment().serverLists().read(list);

        assertThat(outcome.servers()).extracting(ServerConfig::name).containsExactly("FS01", "10.0.0.12");
        assertThat(outcome.badLines()).singleElement().asString().startsWith("line 3: ");
    }
}
