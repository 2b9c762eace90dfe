package org.sessionwatch.ui.main;

import javafx.beans.value.ObservableBooleanValue;

/**
 * The menu bar's destructive actions and the audit log, without this package knowing the tables they act on: the
 * composition root connects them to the open-files feature.
 */
public interface ActionCommands {

    /** True in read-only mode: every action is hidden and disabled. */
    ObservableBooleanValue readOnlyProperty();

    /** Session › Close file (Delete): the open files selected in the focused files table. */
    void closeSelectedFiles();

    /** Session › End session (Shift+Delete): the selected sessions, or the sessions of the selected open files. */
    void endSelectedSessions();

    /** Help › Audit log. */
    void showAuditLog();
}
