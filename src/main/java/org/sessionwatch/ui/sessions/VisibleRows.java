package org.sessionwatch.ui.sessions;

import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;

/**
 * The rows the table shows, in table order: an array swapped whole by each {@link RowScript} step, with the step's
 * precise sub-changes fired, so the table's selection and scroll position follow each row. Filtering and sorting
 * happened on the tracker thread; nothing here compares or tests a row. Read-only for everyone else.
 */
final class VisibleRows extends ObservableListBase<SessionRow> {
    private static final SessionRow[] NONE = new SessionRow[0];
    private SessionRow[] rows = NONE;

    @Override
    public SessionRow get(int index) {
        if (index < 0 || index >= rows.length) {
            throw new IndexOutOfBoundsException(index);
        }
        return rows[index];
    }

    @Override
    public int size() {
        return rows.length;
    }

    /** FX thread. */
    void apply(RowScript script) {
        if (script.isEmpty()) {
            return;
        }
        if (script.removedFrom().length > 0) {
            rows = script.afterRemoval();
            fireChange(new Step(this, script.removedFrom(), null, script.removed(), new int[0]));
        }
        if (script.permutation().length > 0) {
            rows = script.afterMove();
            fireChange(new Step(this, new int[] {script.moveFrom()},
                    new int[] {script.moveFrom() + script.permutation().length}, null,
                    script.permutation()));
        }
        if (script.addedFrom().length > 0) {
            rows = script.after();
            fireChange(new Step(this, script.addedFrom(), script.addedTo(), null, new int[0]));
        }
    }

    /** One step's sub-changes: removals ({@code to == null}), one permutation, or additions. */
    private static final class Step extends ListChangeListener.Change<SessionRow> {
        private final int[] from;
        private final int[] to;
        private final List<List<SessionRow>> removed;
        private final int[] permutation;
        private int cursor = -1;

        Step(ObservableList<SessionRow> list, int[] from, int[] to, List<List<SessionRow>> removed,
             int[] permutation) {
            super(list);
            this.from = from;
            this.to = to;
            this.removed = removed;
            this.permutation = permutation;
        }

        @Override
        public boolean next() {
            // As JavaFX's own changes do, the cursor stays on the last sub-change once they are exhausted: the
            // table's selection model reads the change again after its loop.
            if (cursor + 1 < from.length) {
                cursor++;
                return true;
            }
            return false;
        }

        @Override
        public void reset() {
            cursor = -1;
        }

        @Override
        public int getFrom() {
            check();
            return from[cursor];
        }

        @Override
        public int getTo() {
            check();
            return to == null ? from[cursor] : to[cursor];
        }

        @Override
        public List<SessionRow> getRemoved() {
            check();
            return removed == null || permutation.length > 0 ? List.of() : removed.get(cursor);
        }

        @Override
        protected int[] getPermutation() {
            check();
            return permutation;
        }

        private void check() {
            if (cursor < 0 || cursor >= from.length) {
                throw new IllegalStateException("Call next() before reading a list change");
            }
        }
    }
}
