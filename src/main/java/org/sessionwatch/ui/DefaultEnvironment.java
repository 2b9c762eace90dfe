package org.sessionwatch.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import org.sessionwatch.credentials.CredentialStore;
import org.sessionwatch.credentials.CredentialStores;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.ConfigLoad;
import org.sessionwatch.config.ConfigPaths;
import org.sessionwatch.config.ConfigStore;
import org.sessionwatch.config.ServerListImport;
import org.sessionwatch.ui.settings.ServerListReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real environment: the configuration file at the OS-conventional place (the CLI reads the same file), the
 * window layout beside it, passwords in the OS credential store (memory when there is none), the server-list format
 * of {@link ServerListImport}. {@link #system()} probes the keyring: call it off the FX thread.
 */
final class DefaultEnvironment implements AppEnvironment {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultEnvironment.class);
    static final String UI_STATE_FILE = "ui-state.json";

    private final ConfigStore store;
    private final Path uiStateFile;
    private final CredentialStore credentials;

    DefaultEnvironment(ConfigStore store, Path uiStateFile, CredentialStore credentials) {
        this.store = Objects.requireNonNull(store, "store");
        this.uiStateFile = Objects.requireNonNull(uiStateFile, "uiStateFile");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    static AppEnvironment system() {
        ConfigPaths paths = ConfigPaths.ofSystem();
        return new DefaultEnvironment(new ConfigStore(paths.configFile()),
                paths.configDirectory().resolve(UI_STATE_FILE), CredentialStores.systemOrMemory());
    }

    @Override
    public Startup loadConfig() {
        ConfigLoad load = store.load();
        load.problem().ifPresent(problem -> LOG.warn("{}", problem));
        return new Startup(load.config(), load.problem());
    }

    @Override
    public void saveConfig(AppConfig config) throws IOException {
        store.save(config).ifPresent(kept ->
                LOG.warn("The unusable configuration file was kept as {} before saving the new one", kept));
    }

    @Override
    public CredentialStore credentials() {
        return credentials;
    }

    @Override
    public ServerListReader serverLists() {
        return file -> {
            ServerListImport.Result result = ServerListImport.read(file);
            return new ServerListReader.Outcome(result.servers(),
                    result.badLines().stream().map(ServerListImport.BadLine::toString).toList());
        };
    }

    @Override
    public Path uiStateFile() {
        return uiStateFile;
    }
}
