package org.sessionwatch.ui.main;

import java.util.List;

import org.sessionwatch.ui.sessions.SessionRow;

/** What the main window asks of the application: dialogs, files and the theme. */
public interface WindowActions {

    /** Opens the settings dialog; {@code addServer} starts with a new, empty server. */
    void openSettings(boolean addServer);

    /** Asks for a file and writes the rows to it as CSV or JSON, off the FX thread. */
    void export(List<SessionRow> rows);

    void showAbout();

    void setDarkTheme(boolean dark);

    void quit();
}
