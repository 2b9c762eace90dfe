package org.sessionwatch.ui.main;

import java.util.List;

import org.sessionwatch.audit.ActionLog;
import org.sessionwatch.config.ConfigPaths;
import org.sessionwatch.ui.export.SessionExport;

/** What the main window asks of the application: dialogs, files and the theme. */
public interface WindowActions {

    /** Opens the settings dialog; {@code addServer} starts with a new, empty server. */
    void openSettings(boolean addServer);

    /** Asks for a file and writes the rows (taken on the FX thread, in table order) as CSV or JSON, off it. */
    void export(List<SessionExport.Snapshot> rows);

    void showAbout();

    void setDarkTheme(boolean dark);

    void quit();

    /** The audit log the window's actions are written to: {@code actions.log} next to the configuration file. */
    default ActionLog actionLog() {
        return ActionLog.nextTo(ConfigPaths.ofSystem().configFile());
    }
}
