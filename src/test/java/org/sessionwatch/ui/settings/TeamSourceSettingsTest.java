package org.sessionwatch.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.ServerConfig;

/** The settings dialog's source: this computer (default) or a team collector's database, checked as typed. */
class TeamSourceSettingsTest {
    private static final String URL = "postgresql://db.corp.example:5432/sessionwatch?user=helpdesk1";

    @Test
    void thisComputerPollsByDefaultAndStaysSo() {
        SettingsViewModel settings = new SettingsViewModel(AppConfig.defaults()
                .withServers(List.of(ServerConfig.of("FS01"))));

        assertThat(settings.teamSource().teamModeProperty().get()).isFalse();
        assertThat(settings.result().config().teamSource()).isNull();
    }

    @Test
    void aTeamCollectorIsChosenWithACheckedUrlAndItsPasswordGoesToTheCredentialStore() {
        SettingsViewModel settings = new SettingsViewModel(AppConfig.defaults());
        TeamSourceDraft team = settings.teamSource();

        team.teamModeProperty().set(true);
        assertThat(team.urlErrorProperty().get()).startsWith("Enter the team database");
        assertThat(settings.validProperty().get()).isFalse();

        team.urlProperty().set("postgresql://helpdesk1:secret@db.corp.example/sessionwatch");
        assertThat(team.urlErrorProperty().get()).contains("contains a password").doesNotContain("secret");
        assertThat(settings.validProperty().get()).isFalse();

        team.urlProperty().set(URL);
        team.passwordProperty().set("db-pw");
        assertThat(settings.validProperty().get()).isTrue();
        SettingsResult result = settings.result();

        assertThat(result.config().teamSource()).isEqualTo(URL);
        assertThat(result.passwordsToStore()).containsOnlyKeys("postgresql:helpdesk1@db.corp.example:5432/sessionwatch");
        assertThat(new String(result.passwordsToStore().values().iterator().next())).isEqualTo("db-pw");
    }

    @Test
    void switchingBackToThisComputerRemovesTheSource() {
        SettingsViewModel settings = new SettingsViewModel(AppConfig.builder().teamSource(URL).build());
        assertThat(settings.teamSource().teamModeProperty().get()).isTrue();
        assertThat(settings.teamSource().urlProperty().get()).isEqualTo(URL);

        settings.teamSource().teamModeProperty().set(false);

        assertThat(settings.result().config().teamSource()).isNull();
        assertThat(settings.result().passwordsToStore()).isEmpty();
    }
}
