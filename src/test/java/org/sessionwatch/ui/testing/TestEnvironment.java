package org.sessionwatch.ui.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.sessionwatch.credentials.CredentialStore;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.ui.AppEnvironment;
import org.sessionwatch.ui.settings.ConnectionTester;
import org.sessionwatch.ui.settings.ServerListReader;

/** An environment that keeps saved configurations in memory and reads server lists line by line. */
public final class TestEnvironment implements AppEnvironment {
    public final List<AppConfig> saved = new CopyOnWriteArrayList<>();
    public final MemoryCredentials credentials = new MemoryCredentials();
    /** Answers the settings dialog's Test connection; by default a test that expects none fails. */
    public volatile ConnectionTester connectionTester = (server, password) -> {
        throw new AssertionError("No connection test was expected for " + server.name());
    };
    private final AppConfig initial;
    private final Path uiState;

    public TestEnvironment(AppConfig initial, Path uiState) {
        this.initial = initial;
        this.uiState = uiState;
    }

    @Override
    public Startup loadConfig() {
        return new Startup(initial, Optional.empty());
    }

    @Override
    public void saveConfig(AppConfig config) {
        saved.add(config);
    }

    @Override
    public ConnectionTester connectionTester(Duration deadline) {
        return connectionTester;
    }

    @Override
    public CredentialStore credentials() {
        return credentials;
    }

    @Override
    public ServerListReader serverLists() {
        return file -> {
            List<ServerConfig> servers = new ArrayList<>();
            List<String> bad = new ArrayList<>();
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                try {
                    servers.add(ServerConfig.of(lines.get(i)));
                } catch (IllegalArgumentException e) {
                    bad.add("line " + (i + 1) + ": " + e.getMessage());
                }
            }
            return new ServerListReader.Outcome(servers, bad);
        };
    }

    @Override
    public Path uiStateFile() {
        return uiState;
    }
}
