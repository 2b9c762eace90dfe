package org.sessionwatch.config;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigPathsTest {
    private static final Path HOME = Path.of("/home/alice");

    @Test
    void windowsUsesRoamingAppData() {
        String appData = "C:\\Users\\alice\\AppData\\Roaming";
        ConfigPaths paths = new ConfigPaths("Windows 11", Map.of("APPDATA", appData)::get, Path.of("C:\\Users\\alice"));
        assertThat(paths.configFile()).isEqualTo(Path.of(appData).resolve("SessionWatch").resolve("config.json"));
    }

    @Test
    void windowsWithoutAppDataFallsBackUnderTheHomeDirectory() {
        ConfigPaths paths = new ConfigPaths("Windows Server 2022", Map.<String, String>of()::get, HOME);
        assertThat(paths.configFile())
                .isEqualTo(HOME.resolve("AppData").resolve("Roaming").resolve("SessionWatch").resolve("config.json"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        ConfigPaths paths = new ConfigPaths("Mac OS X", Map.of("XDG_CONFIG_HOME", "/xdg")::get, HOME);
        assertThat(paths.configFile())
                .isEqualTo(Path.of("/home/alice/Library/Application Support/SessionWatch/config.json"));
    }

    @Test
    void linuxHonoursXdgConfigHome() {
        ConfigPaths paths = new ConfigPaths("Linux", Map.of("XDG_CONFIG_HOME", "/srv/cfg")::get, HOME);
        assertThat(paths.configFile()).isEqualTo(Path.of("/srv/cfg/sessionwatch/config.json"));
        assertThat(paths.configDirectory()).isEqualTo(Path.of("/srv/cfg/sessionwatch"));
    }

    @Test
    void linuxWithoutXdgUsesDotConfig() {
        ConfigPaths paths = new ConfigPaths("Linux", Map.<String, String>of()::get, HOME);
        assertThat(paths.configFile()).isEqualTo(Path.of("/home/alice/.config/sessionwatch/config.json"));
    }

    @Test
    void emptyOrRelativeXdgConfigHomeIsIgnoredAsTheSpecSays() {
        assertThat(new ConfigPaths("Linux", Map.of("XDG_CONFIG_HOME", "  ")::get, HOME).configFile())
                .isEqualTo(Path.of("/home/alice/.config/sessionwatch/config.json"));
        assertThat(new ConfigPaths("FreeBSD", Map.of("XDG_CONFIG_HOME", "relative/dir")::get, HOME).configFile())
                .isEqualTo(Path.of("/home/alice/.config/sessionwatch/config.json"));
    }

    @Test
    void theRunningSystemGivesAnAbsolutePathEndingInConfigJson() {
        Path file = ConfigPaths.ofSystem().configFile();
        assertThat(file.getFileName()).hasToString("config.json");
    }
}
