package org.sessionwatch.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;

import org.sessionwatch.ui.common.Clipboards;
import org.sessionwatch.ui.export.SessionExport;
import org.sessionwatch.ui.main.SessionCommands;
import org.sessionwatch.ui.main.WindowActions;
import org.sessionwatch.ui.sessions.RowText;
import org.sessionwatch.ui.sessions.SessionRow;
import org.sessionwatch.ui.sessions.SessionsViewModel;

/** The window frame's session commands, carried out on the sessions view model. */
final class WindowSessionCommands implements SessionCommands {
    private final SessionsViewModel sessions;
    private final WindowActions actions;

    WindowSessionCommands(SessionsViewModel sessions, WindowActions actions) {
        this.sessions = sessions;
        this.actions = actions;
    }

    @Override
    public StringProperty quickSearchProperty() {
        return sessions.filters().quickSearchProperty();
    }

    @Override
    public BooleanProperty hostNamesProperty() {
        return sessions.resolveHostNamesProperty();
    }

    @Override
    public void clearFilters() {
        sessions.filters().clear();
    }

    @Override
    public void copySelectedRow() {
        SessionRow row = sessions.getSelected();
        if (row != null) {
            Clipboards.putText(RowText.tabSeparated(row));
        }
    }

    @Override
    public void copySelectedUser() {
        SessionRow row = sessions.getSelected();
        if (row != null && !row.user().isEmpty()) {
            Clipboards.putText(row.user());
        }
    }

    @Override
    public void exportVisible() {
        // Session values are immutable: the snapshot taken here cannot change while the I/O thread writes it.
        actions.export(sessions.visibleRowsSnapshot().stream().map(SessionExport.Snapshot::of).toList());
    }
}
