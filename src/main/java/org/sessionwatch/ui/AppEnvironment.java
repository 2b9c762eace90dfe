package org.sessionwatch.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.sessionwatch.audit.ActionLog;
import org.sessionwatch.credentials.CredentialStore;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.ui.settings.ConnectionTester;
import org.sessionwatch.ui.settings.ServerListReader;

/**
 * What the window needs from outside itself: the configuration file, the credential store, the server-list import,
 * the connection test and where to keep the window layout. Every method may touch the disk or the OS keyring: call off the FX thread.
 */
public interface AppEnvironment {

    /** The configuration read at start. */
    record Startup(AppConfig config, Optional<String> problem) {
    }

    Startup loadConfig();

    void saveConfig(AppConfig config) throws IOException;

    CredentialStore credentials();

    ServerListReader serverLists();

    /** Polls one server for the settings dialog's Test connection: the real backends with the stored passwords. */
    default ConnectionTester connectionTester(Duration deadline) {
        return ConnectionTester.real(credentials(), deadline);
    }

    Path uiStateFile();

    /** The audit log of the window's actions, next to the configuration (where the layout is kept too). */
    default ActionLog actionLog() {
        return new ActionLog(uiStateFile().toAbsolutePath().resolveSibling(ActionLog.FILE_NAME));
    }
}
