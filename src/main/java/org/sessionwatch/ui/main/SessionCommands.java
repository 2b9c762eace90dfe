package org.sessionwatch.ui.main;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;

/**
 * What the window frame (menu, toolbar) does to the session table, without knowing the table: the composition root
 * connects these to the sessions view model.
 */
public interface SessionCommands {

    /** The quick-search text the toolbar's search field edits. */
    StringProperty quickSearchProperty();

    /** View → Show client host names. */
    BooleanProperty hostNamesProperty();

    void clearFilters();

    /** Copies the selected session as a tab-separated row; nothing when none is selected. */
    void copySelectedRow();

    void copySelectedUser();

    /** Exports the visible sessions in table order. */
    void exportVisible();
}
