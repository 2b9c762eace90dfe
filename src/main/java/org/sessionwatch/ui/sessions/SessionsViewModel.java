package org.sessionwatch.ui.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.sessionwatch.tracking.TrackerUpdate;
import org.sessionwatch.ui.common.TaskExecutor;

/**
 * The session table's state: the visible rows in table order, the filters, the counts, the empty-state message and
 * the new-row highlights. The rows are decided on the tracker thread ({@link TableProjection}); this class applies
 * each precomputed {@link TableChange} on the FX thread and hands the user's filter, sort and host-name choices back
 * to the tracker thread as immutable values. The selected session is the window's one shared property, passed in.
 */
public final class SessionsViewModel {
    /** How long a new session is highlighted. */
    public static final Duration FRESH_FOR = Duration.ofSeconds(6);

    private final TaskExecutor trackerThread;
    private final TableProjection projection;
    private final VisibleRows rows = new VisibleRows();
    private final ObservedRows observed = new ObservedRows();
    private final ObservableList<SessionRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final FilterModel filters;
    private final ObjectProperty<SessionRow> selected;
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper(this, "shown");
    private final ReadOnlyIntegerWrapper changesApplied = new ReadOnlyIntegerWrapper(this, "changesApplied");
    private final ReadOnlyObjectWrapper<EmptyState> emptyState =
            new ReadOnlyObjectWrapper<>(this, "emptyState", EmptyState.WAITING);
    private final BooleanProperty resolveHostNames = new SimpleBooleanProperty(this, "resolveHostNames");
    private final Deque<SessionRow> freshRows = new ArrayDeque<>();
    private final AtomicBoolean namesPending = new AtomicBoolean();
    private boolean polledOnce;
    private boolean noServers;

    /**
     * @param selected      the window's selected session, shared with the details pane
     * @param trackerThread the thread the tracker calls {@link #trackerUpdated} on
     * @param fxThread      runs a change on the FX thread ({@code Platform::runLater})
     */
    public SessionsViewModel(FilterModel filters, ObjectProperty<SessionRow> selected, HostNameResolver hostNames,
                             TaskExecutor trackerThread, Consumer<Runnable> fxThread) {
        this.filters = filters;
        this.selected = selected;
        this.trackerThread = trackerThread;
        this.projection = new TableProjection(hostNames, observed, change -> fxThread.accept(() -> apply(change)));
        hostNames.setOnResolved(() -> {
            // Lookups finish in bursts; one re-projection shows all the names that arrived meanwhile.
            if (namesPending.compareAndSet(false, true)) {
                trackerThread.execute(() -> {
                    namesPending.set(false);
                    projection.hostNamesResolved();
                });
            }
        });
        filters.predicateProperty().addListener((obs, old, predicate) ->
                trackerThread.execute(() -> projection.setFilter(predicate)));
        resolveHostNames.addListener((obs, old, on) ->
                trackerThread.execute(() -> projection.setResolveHostNames(on)));
    }

    /** The tracker's subscriber; runs on the tracker thread. */
    public void trackerUpdated(TrackerUpdate update) {
        projection.onUpdate(update);
    }

    /**
     * The table's sort order (null: the order sessions arrived in); the rows are re-sorted off the FX thread.
     *
     * @param keysFixed the order reads only values a session never changes (server, user): then a poll that only
     *                  ages the rows cannot move them, and re-sorting 100,000 rows each poll is skipped
     */
    public void sortBy(Comparator<RowValues> order, boolean keysFixed) {
        trackerThread.execute(() -> projection.setOrder(order, keysFixed));
    }

    /** FX thread: writes one precomputed change in. */
    void apply(TableChange change) {
        for (AnswerClock.Tick tick : change.answered()) {
            tick.apply();
        }
        // Ended before the rows leave the list, so whoever watches the selection sees why it went.
        for (SessionRow row : change.ended()) {
            row.markEnded();
            observed.remove(row);
        }
        if (change.valuesChanged() || !change.answered().isEmpty()) {
            observed.showLatest();
        }
        rows.apply(change.script());
        for (SessionRow row : change.connected()) {
            row.setFresh(true);
            row.freshSince = change.at();
            freshRows.add(row);
        }
        total.set(change.total());
        shown.set(rows.size());
        polledOnce |= change.cycleComplete();
        updateEmptyState();
        changesApplied.set(changesApplied.get() + 1);
    }

    /** Ends the highlight of rows added more than {@link #FRESH_FOR} before {@code now}. */
    public void expireHighlights(Instant now) {
        while (!freshRows.isEmpty()) {
            SessionRow oldest = freshRows.peekFirst();
            if (oldest.freshSince != null && oldest.freshSince.plus(FRESH_FOR).isAfter(now)) {
                break;
            }
            freshRows.removeFirst().setFresh(false);
        }
    }

    /** Whether no enabled server is configured (and the demo is off): the table offers "Add server". */
    public void setNoServers(boolean value) {
        noServers = value;
        updateEmptyState();
    }

    private void updateEmptyState() {
        EmptyState state;
        if (!rows.isEmpty()) {
            state = EmptyState.NONE;
        } else if (noServers) {
            state = EmptyState.NO_SERVERS;
        } else if (!polledOnce) {
            state = EmptyState.WAITING;
        } else if (total.get() > 0) {
            state = EmptyState.NO_MATCH;
        } else {
            state = EmptyState.NO_SESSIONS;
        }
        emptyState.set(state);
    }

    /** The rows that pass the filters, in table order. */
    public ObservableList<SessionRow> visibleRows() {
        return readOnlyRows;
    }

    /** A copy of the visible rows in table order, e.g. for an export. */
    public List<SessionRow> visibleRowsSnapshot() {
        return List.copyOf(rows);
    }

    public FilterModel filters() {
        return filters;
    }

    /** The selected session; it may have ended and left the table. */
    public ObjectProperty<SessionRow> selectedProperty() {
        return selected;
    }

    public SessionRow getSelected() {
        return selected.get();
    }

    /** Every tracked session, shown or filtered out. */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Counts applied changes; the table re-checks its selection after each. */
    public ReadOnlyIntegerProperty changesAppliedProperty() {
        return changesApplied.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EmptyState> emptyStateProperty() {
        return emptyState.getReadOnlyProperty();
    }

    public EmptyState getEmptyState() {
        return emptyState.get();
    }

    /** Whether client addresses are shown with their reverse-DNS names (off by default: it is network traffic). */
    public BooleanProperty resolveHostNamesProperty() {
        return resolveHostNames;
    }
}
