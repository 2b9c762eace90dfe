package org.sessionwatch.ui.sessions;

import java.util.List;

/**
 * The visible list's change from one state to the next, in three steps a {@code TableView} follows exactly: rows
 * leave, the rows that stay move (only when the sort order reads values that changed), rows arrive. Each step is
 * the list's content after it plus the sub-changes that lead there, in list-change terms (ascending, each index
 * relative to the list after the sub-changes before it). Removals and additions are never merged into
 * replacements: a replaced range makes the table re-select by index and lose the selected row.
 *
 * @param removedFrom  start index of each removed range
 * @param removed      the rows of each removed range
 * @param moveFrom     first index of the permuted range ({@code permutation[i]} is the new index of the row at
 *                     {@code moveFrom + i}); {@code permutation} is empty when nothing moved
 * @param addedFrom    start of each added range in {@code after}
 * @param addedTo      end (exclusive) of each added range
 */
record RowScript(SessionRow[] afterRemoval, int[] removedFrom, List<List<SessionRow>> removed,
                 SessionRow[] afterMove, int moveFrom, int[] permutation,
                 SessionRow[] after, int[] addedFrom, int[] addedTo) {

    /** The visible list stays as it is. */
    static final RowScript NONE = new RowScript(new SessionRow[0], new int[0], List.of(), new SessionRow[0], 0,
            new int[0], new SessionRow[0], new int[0], new int[0]);

    boolean isEmpty() {
        return removedFrom.length == 0 && permutation.length == 0 && addedFrom.length == 0;
    }
}
