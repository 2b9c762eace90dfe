package org.sessionwatch.ui;

import java.io.IOException;
import java.nio.file.Path;

import org.sessionwatch.credentials.CredentialStore;
import org.sessionwatch.servers.AppConfig;
import org.sessionwatch.ui.settings.ServerListReader;

/** Interim: no configuration file yet; replaced by ConfigStore and the OS credential store once they are on main. */
final class DefaultEnvironment implements AppEnvironment {
    static AppEnvironment system() {
        return new DefaultEnvironment();
    }

    @Override
    public Startup loadConfig() {
        return new Startup(AppConfig.defaults(), java.util.Optional.empty());
    }

    @Override
    public void saveConfig(AppConfig config) throws IOException {
        throw new IOException("not yet");
    }

    @Override
    public CredentialStore credentials() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ServerListReader serverLists() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Path uiStateFile() {
        return Path.of(System.getProperty("java.io.tmpdir"), "sw-ui-state.json");
    }
}
