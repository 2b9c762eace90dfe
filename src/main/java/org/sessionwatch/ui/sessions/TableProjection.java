package org.sessionwatch.ui.sessions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.tracking.SessionEvent;
import org.sessionwatch.tracking.TrackedSession;
import org.sessionwatch.tracking.TrackerUpdate;

/**
 * The table's side of the tracker thread: turns tracker events, the filter and the sort order into one
 * {@link TableChange} per update, so the FX thread has nothing left to decide. Keeps its own copy of every row's
 * values and of the visible order; never reads a row's FX-side state.
 *
 * <p>The tracker reports no event for a session that only aged, so an answer in which nothing else happened costs
 * nothing here but its server's clock ({@link AnswerClock}), which ages the server's rows on the FX thread. A step
 * with events costs about one pass over the rows: the rows that stay keep their order, filtered again only when a
 * value a filter reads changed; when the sort order reads values that changed, the kept rows are re-sorted by
 * TimSort, which runs in linear time over a list that is still nearly in order; the new rows are sorted among
 * themselves and merged in.
 *
 * <p>Not thread-safe: confined to the tracker thread.
 */
final class TableProjection {
    private final HostNames hostNames;
    private final ObservedRows observed;
    private final Consumer<TableChange> output;
    private final LongMap<Entry> entries = new LongMap<>();
    private final Map<String, AnswerClock> clocks = new HashMap<>();
    private final List<AnswerClock.Tick> answered = new ArrayList<>();
    private List<Entry> shown = List.of();
    private Predicate<? super RowValues> filter = FilterModel.ALL;
    private Comparator<RowValues> order;
    /** Whether the order reads only values a row never changes (server, user): aging rows then never move. */
    private boolean orderKeysFixed;
    private boolean resolveHostNames;
    private final List<Entry> arrived = new ArrayList<>();
    private final List<Entry> dirty = new ArrayList<>();
    private final List<SessionRow> ended = new ArrayList<>();
    private final List<SessionRow> connected = new ArrayList<>();

    private static final class Entry {
        final SessionRow row;
        RowValues values;
        boolean alive = true;
        boolean visible;
        boolean want;
        boolean dirty;
        boolean refilter;
        boolean entering;
        int position;

        Entry(RowValues values, AnswerClock clock) {
            this.row = new SessionRow(values, clock);
            this.values = values;
        }
    }

    TableProjection(HostNames hostNames, ObservedRows observed, Consumer<TableChange> output) {
        this.hostNames = hostNames;
        this.observed = observed;
        this.output = output;
    }

    void onUpdate(TrackerUpdate update) {
        for (ServerPollResult result : update.results()) {
            if (result instanceof ServerPollResult.Ok ok) {
                answered.add(new AnswerClock.Tick(clock(ok.server()),
                        ok.finishedAt() != null ? ok.finishedAt() : update.polledAt()));
            }
        }
        for (SessionEvent event : update.events()) {
            switch (event) {
                case SessionEvent.Connected c -> connect(c.session(), !c.initial());
                case SessionEvent.Changed c -> {
                    Entry entry = entries.get(c.after().id());
                    if (entry == null) {
                        connect(c.after(), false);
                    } else {
                        mark(entry, new RowValues(c.after(), false, entry.values.hostName()));
                    }
                }
                case SessionEvent.Ended e -> {
                    Entry entry = entries.remove(e.last().id());
                    if (entry != null) {
                        entry.alive = false;
                        ended.add(entry.row);
                    }
                }
                case SessionEvent.ServerFailing f -> markServer(f.server(), true);
                case SessionEvent.ServerRecovered r -> markServer(r.server(), false);
            }
        }
        project(update.polledAt(), false, false, update.cycleComplete());
    }

    void setFilter(Predicate<? super RowValues> newFilter) {
        filter = newFilter;
        project(null, true, false, false);
    }

    /**
     * @param newOrder  the table's sort order; null keeps the order in which sessions arrived
     * @param keysFixed the order reads only values that never change within a row (server, user), so rows that
     *                  changed need not be re-sorted
     */
    void setOrder(Comparator<RowValues> newOrder, boolean keysFixed) {
        order = newOrder;
        orderKeysFixed = keysFixed;
        project(null, false, true, false);
    }

    void setResolveHostNames(boolean on) {
        resolveHostNames = on;
        refreshHostNames(true);
    }

    /** Lookups finished: show the names found. */
    void hostNamesResolved() {
        if (resolveHostNames) {
            refreshHostNames(false);
        }
    }

    private void refreshHostNames(boolean request) {
        for (Entry entry : entries.values()) {
            String client = entry.values.client();
            if (resolveHostNames && request) {
                hostNames.request(client);
            }
            mark(entry, entry.values.withHostName(resolveHostNames ? hostNames.known(client) : null));
        }
        project(null, false, false, false);
    }

    private void connect(TrackedSession session, boolean highlight) {
        String host = null;
        if (resolveHostNames) {
            String client = session.session().clientName().orElse("");
            hostNames.request(client);
            host = hostNames.known(client);
        }
        Entry entry = new Entry(new RowValues(session, false, host), clock(session.server()));
        entries.put(session.id(), entry);
        arrived.add(entry);
        if (highlight) {
            connected.add(entry.row);
        }
    }

    private AnswerClock clock(String server) {
        return clocks.computeIfAbsent(server, name -> new AnswerClock(observed));
    }

    private void markServer(String server, boolean stale) {
        for (Entry entry : entries.values()) {
            if (entry.values.stale() != stale && entry.values.server().equals(server)) {
                mark(entry, entry.values.withStale(stale));
            }
        }
    }

    private void mark(Entry entry, RowValues values) {
        if (values == entry.values) {
            return;
        }
        // With no filter nothing needs testing again; a new filter tests every row anyway (setFilter).
        entry.refilter |= filter != FilterModel.ALL && !entry.values.sameFilterText(values);
        entry.values = values;
        if (!entry.dirty) {
            entry.dirty = true;
            dirty.add(entry);
        }
    }

    private void project(Instant at, boolean filterChanged, boolean orderChanged, boolean cycleComplete) {
        if (!filterChanged && !orderChanged && arrived.isEmpty() && dirty.isEmpty() && ended.isEmpty()) {
            // Sessions only aged: the visible list stays as it is, the FX thread only moves the servers' clocks.
            emit(new TableChange(at, RowScript.NONE, false, List.copyOf(answered), List.of(), List.of(),
                    entries.size(), cycleComplete));
            return;
        }
        // Which rows should be visible: only rows whose filtered text changed are tested again.
        Iterable<Entry> candidates;
        if (filterChanged) {
            candidates = entries.values();
            for (Entry entry : candidates) {
                entry.want = filter.test(entry.values);
            }
        } else {
            for (Entry entry : arrived) {
                entry.want = filter.test(entry.values);
            }
            for (Entry entry : dirty) {
                if (entry.refilter) {
                    entry.want = filter.test(entry.values);
                }
            }
            candidates = null;
        }

        // Rows that leave, in the order shown; the rest stay in that order for now.
        List<Entry> kept = new ArrayList<>(shown.size() + arrived.size());
        IntList removedAt = new IntList();
        List<SessionRow> removedRows = new ArrayList<>();
        boolean keptChanged = false;
        for (int i = 0; i < shown.size(); i++) {
            Entry entry = shown.get(i);
            if (entry.alive && entry.want) {
                kept.add(entry);
                keptChanged |= entry.dirty;
            } else {
                entry.visible = false;
                removedAt.add(i);
                removedRows.add(entry.row);
            }
        }

        // Rows that arrive: new sessions, and rows a changed filter or changed values now let through.
        List<Entry> entering = new ArrayList<>();
        collectEntering(arrived, entering);
        collectEntering(filterChanged ? candidates : dirty, entering);

        List<Entry> moved = kept;
        if (order != null && (orderChanged || keptChanged && !orderKeysFixed)) {
            moved = new ArrayList<>(kept);
            moved.sort((a, b) -> order.compare(a.values, b.values));
        }
        List<Entry> result;
        if (entering.isEmpty()) {
            result = moved;
        } else if (order == null) {
            result = new ArrayList<>(moved.size() + entering.size());
            result.addAll(moved);
            result.addAll(entering);
        } else {
            entering.sort((a, b) -> order.compare(a.values, b.values));
            result = merge(moved, entering);
        }

        RowScript script = script(kept, moved, result, removedAt, removedRows);
        boolean valuesChanged = false;
        for (Entry entry : dirty) {
            entry.dirty = false;
            entry.refilter = false;
            if (entry.alive) {
                entry.row.publish(entry.values);
                valuesChanged = true;
            }
        }
        TableChange change = new TableChange(at, script, valuesChanged, List.copyOf(answered), List.copyOf(ended),
                List.copyOf(connected), entries.size(), cycleComplete);
        shown = result;
        arrived.clear();
        dirty.clear();
        ended.clear();
        connected.clear();
        emit(change);
    }

    private void emit(TableChange change) {
        answered.clear();
        if (!change.isEmpty()) {
            output.accept(change);
        }
    }

    private static void collectEntering(Iterable<Entry> from, List<Entry> entering) {
        for (Entry entry : from) {
            if (entry.alive && entry.want && !entry.visible) {
                entry.visible = true;
                entry.entering = true;
                entering.add(entry);
            }
        }
    }

    /**
     * Merges a few sorted new rows into the sorted shown rows by binary search, about 17 comparisons per new row at
     * 100,000 rows instead of a pass over all of them; on equal keys the rows already shown come first, so new rows
     * land below them.
     */
    private List<Entry> merge(List<Entry> shownRows, List<Entry> newRows) {
        List<Entry> out = new ArrayList<>(shownRows.size() + newRows.size());
        int from = 0;
        for (Entry added : newRows) {
            int lo = from;
            int hi = shownRows.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (order.compare(shownRows.get(mid).values, added.values) <= 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            out.addAll(shownRows.subList(from, lo));
            out.add(added);
            from = lo;
        }
        out.addAll(shownRows.subList(from, shownRows.size()));
        return out;
    }

    private static RowScript script(List<Entry> kept, List<Entry> moved, List<Entry> result, IntList removedAt,
                                    List<SessionRow> removedRows) {
        // Removals: contiguous runs of the old list, each start shifted by the rows removed before it.
        IntList removedFrom = new IntList();
        List<List<SessionRow>> removed = new ArrayList<>();
        int removedBefore = 0;
        for (int k = 0; k < removedAt.size(); ) {
            int start = k;
            while (k + 1 < removedAt.size() && removedAt.get(k + 1) == removedAt.get(k) + 1) {
                k++;
            }
            k++;
            removedFrom.add(removedAt.get(start) - removedBefore);
            removed.add(List.copyOf(removedRows.subList(start, k)));
            removedBefore += k - start;
        }

        // The smallest range of kept rows whose order changed.
        int[] permutation = new int[0];
        int moveFrom = 0;
        if (moved != kept) {
            for (int i = 0; i < moved.size(); i++) {
                moved.get(i).position = i;
            }
            int lo = 0;
            while (lo < kept.size() && kept.get(lo) == moved.get(lo)) {
                lo++;
            }
            int hi = kept.size();
            while (hi > lo && kept.get(hi - 1) == moved.get(hi - 1)) {
                hi--;
            }
            if (hi > lo) {
                moveFrom = lo;
                permutation = new int[hi - lo];
                for (int i = lo; i < hi; i++) {
                    permutation[i - lo] = kept.get(i).position;
                }
            }
        }

        IntList addedFrom = new IntList();
        IntList addedTo = new IntList();
        for (int i = 0; i < result.size(); i++) {
            if (result.get(i).entering) {
                int start = i;
                while (i < result.size() && result.get(i).entering) {
                    result.get(i).entering = false;
                    i++;
                }
                addedFrom.add(start);
                addedTo.add(i);
                i--;
            }
        }
        // Each step's content; a step that changed nothing shares the previous step's array (100,000 rows each).
        SessionRow[] afterRemoval = rows(kept);
        SessionRow[] afterMove = moved == kept ? afterRemoval : rows(moved);
        SessionRow[] after = result == moved ? afterMove : rows(result);
        return new RowScript(afterRemoval, removedFrom.toArray(), removed, afterMove, moveFrom, permutation, after,
                addedFrom.toArray(), addedTo.toArray());
    }

    private static SessionRow[] rows(List<Entry> entries) {
        SessionRow[] rows = new SessionRow[entries.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = entries.get(i).row;
        }
        return rows;
    }

    /** A growable int array: the scripts hold thousands of indices per poll, boxing them would cost more. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int get(int index) {
            return values[index];
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
