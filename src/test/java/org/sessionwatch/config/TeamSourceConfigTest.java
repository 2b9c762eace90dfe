package org.sessionwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The window's source: "this computer polls" (the default, never written) or a team collector's database URL. */
class TeamSourceConfigTest {
    private static final String URL = "postgresql://db.corp.example:5432/sessionwatch?user=helpdesk1&sslmode=verify-full";

    @Test
    void theDefaultIsThisComputerPollsAndIsNotWritten() {
        AppConfig defaults = AppConfig.defaults();

        assertThat(defaults.teamMode()).isFalse();
        assertThat(new String(ConfigJson.write(defaults), StandardCharsets.UTF_8)).doesNotContain("teamSource");
    }

    @Test
    void aTeamSourceIsWrittenAndReadBack() throws Exception {
        AppConfig team = AppConfig.builder().teamSource(URL).build();

        String json = new String(ConfigJson.write(team), StandardCharsets.UTF_8);
        AppConfig read = ConfigJson.parse(json.getBytes(StandardCharsets.UTF_8));

        assertThat(json).contains("\"teamSource\" : \"" + URL + "\"");
        assertThat(read).isEqualTo(team);
        assertThat(read.teamMode()).isTrue();
        assertThat(read.toBuilder().build()).isEqualTo(read);
    }

    @Test
    void aBlankSourceMeansThisComputerPolls() {
        assertThat(AppConfig.builder().teamSource("  ").build().teamSource()).isNull();
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithTheRemedy() {
        byte[] file = ("{\"version\": 1, \"teamSource\": \"postgresql://helpdesk1:secret@db/sessionwatch\"}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ConfigJson.parse(file)).isInstanceOf(ConfigJson.ConfigFormatException.class)
                .hasMessageContaining("contains a password").hasMessageContaining("SESSIONWATCH_DB_PASSWORD")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> AppConfig.builder().teamSource("postgresql://db/sw?user=a&password=x").build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
