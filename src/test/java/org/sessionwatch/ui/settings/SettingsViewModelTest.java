package org.sessionwatch.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.ui.testing.MemoryCredentials;

class SettingsViewModelTest {
    private static final ServerConfig FS01 = ServerConfig.of("FS01");
    private static final ServerConfig NAS = new ServerConfig("nas.corp.example", Backend.SRVSVC, true, 445,
            "svc-watch", "CORP", true);

    private final SettingsViewModel settings = new SettingsViewModel(AppConfig.defaults().withServers(List.of(FS01, NAS)));

    @Test
    void unchangedSettingsGiveTheSameConfiguration() {
        assertThat(settings.validProperty().get()).isTrue();
        SettingsResult result = settings.result();

        assertThat(result.config().servers()).containsExactly(FS01, NAS);
        assertThat(result.config().pollInterval()).isEqualTo(AppConfig.DEFAULT_POLL_INTERVAL);
        assertThat(result.passwordsToStore()).isEmpty();
        assertThat(result.keysToDelete()).isEmpty();
    }

    @Test
    void invalidNameIsRefusedWithTheReasonOfServerNames() {
        ServerDraft draft = settings.addServer();
        assertThat(draft.nameErrorProperty().get()).isEqualTo("Server name is empty");
        assertThat(settings.validProperty().get()).isFalse();

        draft.nameProperty().set("bad name!");
        assertThat(draft.nameErrorProperty().get()).startsWith("Invalid server name 'bad name!'");

        draft.nameProperty().set("\\\\FS02");
        assertThat(draft.nameErrorProperty().get()).isEmpty();
        assertThat(settings.validProperty().get()).isTrue();
        assertThat(settings.result().config().servers().get(2).name()).isEqualTo("FS02");
    }

    @Test
    void invalidPortIsRefusedWithTheReason() {
        ServerDraft draft = settings.servers().get(0);
        draft.portProperty().set("70000");
        assertThat(draft.portErrorProperty().get()).isEqualTo("Invalid port 70000: use 1 to 65535");
        draft.portProperty().set("x");
        assertThat(draft.portErrorProperty().get()).isEqualTo("Invalid port 'x': use a number from 1 to 65535");
        assertThat(settings.validProperty().get()).isFalse();
        assertThatThrownBy(settings::result).isInstanceOf(IllegalStateException.class);

        draft.portProperty().set(" 1445 ");
        assertThat(settings.validProperty().get()).isTrue();
        assertThat(settings.result().config().servers().get(0).port()).isEqualTo(1445);
    }

    @Test
    void credentialsNeedAUserAndEveryRealBackendCanUseThem() {
        ServerDraft draft = settings.servers().get(0);
        draft.passwordProperty().set("secret");
        assertThat(draft.credentialsErrorProperty().get()).isEqualTo("A password needs a user name");

        draft.usernameProperty().set("admin");
        draft.backendProperty().set(Backend.WINDOWS); // logs on as that account, like runas /netonly
        assertThat(draft.credentialsErrorProperty().get()).isEmpty();

        draft.backendProperty().set(Backend.SRVSVC);
        assertThat(draft.credentialsErrorProperty().get()).isEmpty();
    }

    @Test
    void theWindowsBackendTakesOnlyPort445() {
        ServerDraft draft = settings.servers().get(0);
        draft.portProperty().set("4455");
        draft.backendProperty().set(Backend.WINDOWS);
        assertThat(draft.portErrorProperty().get()).isEqualTo(
                "The Windows backend always uses port 445; choose srvsvc or auto for port 4455");

        draft.backendProperty().set(Backend.AUTO);
        assertThat(draft.portErrorProperty().get()).isEmpty();
    }

    @Test
    void duplicateServersAreRefused() {
        settings.addServer().nameProperty().set("fs01");

        assertThat(settings.duplicateErrorProperty().get()).isEqualTo("Server fs01 is listed twice");
        assertThat(settings.validProperty().get()).isFalse();
    }

    @Test
    void intervalIsValidatedByAppConfig() {
        settings.pollIntervalSecondsProperty().set("0");
        assertThat(settings.intervalErrorProperty().get()).isEqualTo("Invalid poll interval 0 s: it must be at least 1 s");
        settings.pollIntervalSecondsProperty().set("soon");
        assertThat(settings.intervalErrorProperty().get()).startsWith("Invalid poll interval 'soon'");

        settings.pollIntervalSecondsProperty().set("30");
        settings.hideAnonymousProperty().set(true);
        AppConfig config = settings.result().config();
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.hideAnonymous()).isTrue();
    }

    @Test
    void passwordsGoToTheCredentialStoreNeverToTheConfiguration() {
        MemoryCredentials store = new MemoryCredentials();
        store.passwords.put("CORP\\svc-watch@nas.corp.example", "old");
        settings.servers().get(1).passwordProperty().set("n3w");

        SettingsResult result = settings.result();
        assertThat(result.config().toString()).doesNotContain("n3w");
        result.applyCredentials(store);

        assertThat(store.passwords).containsEntry("CORP\\svc-watch@nas.corp.example", "n3w");
        assertThat(result.passwordsToStore().values()).allSatisfy(p -> assertThat(new String(p)).isEqualTo("\0\0\0"));
    }

    @Test
    void removingOrRenamingAccountsForgetsTheirPasswords() {
        MemoryCredentials store = new MemoryCredentials();
        store.passwords.put("CORP\\svc-watch@nas.corp.example", "old");
        settings.selectedProperty().set(settings.servers().get(1));
        settings.removeSelected();

        settings.result().applyCredentials(store);

        assertThat(store.passwords).isEmpty();
        assertThat(settings.selectedProperty().get()).isSameAs(settings.servers().get(0));
    }

    @Test
    void importAddsNewServersAndReportsBadLinesByNumber() {
        settings.importServers("servers.txt", List.of(ServerConfig.of("FS01"), ServerConfig.of("FS07")),
                List.of("line 3: Invalid server name 'a b': use a host name"));

        assertThat(settings.servers()).extracting(ServerDraft::displayName)
                .containsExactly("FS01", "nas.corp.example", "FS07");
        assertThat(settings.importReportProperty().get()).isEqualTo("Imported 1 server from servers.txt. "
                + "1 already listed. 1 line was skipped:\nline 3: Invalid server name 'a b': use a host name");
    }

    @Test
    void disablingAServerKeepsItConfigured() {
        settings.servers().get(0).enabledProperty().set(false);

        assertThat(settings.result().config().enabledServers()).containsExactly(NAS);
        assertThat(settings.result().config().servers()).hasSize(2);
    }
}
