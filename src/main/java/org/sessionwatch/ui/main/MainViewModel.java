package org.sessionwatch.ui.main;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import org.sessionwatch.format.HumanDurations;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.ui.servers.ServerHealthModel;
import org.sessionwatch.ui.sessions.DetailsViewModel;
import org.sessionwatch.ui.sessions.FilterModel;
import org.sessionwatch.ui.sessions.HostNameResolver;
import org.sessionwatch.ui.sessions.SessionRow;
import org.sessionwatch.ui.sessions.SessionTableModel;

/**
 * The state of the monitoring window: the merged sessions, the filters over them, the selected session's details,
 * the server health, the status bar texts and the polling indicator. Knows nothing of controls; the window's
 * controllers bind to it and forward user commands.
 */
public final class MainViewModel {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String TITLE = "SessionWatch";

    private final SessionTableModel sessions;
    private final FilterModel filters;
    private final DetailsViewModel details;
    private final ServerHealthModel servers;
    private final FilteredList<SessionRow> visible;
    private final SortedList<SessionRow> sorted;
    private final ReadOnlyIntegerWrapper pollCount = new ReadOnlyIntegerWrapper(this, "pollCount");
    private final ZoneId zone;

    private final ReadOnlyBooleanWrapper demo = new ReadOnlyBooleanWrapper(this, "demo");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", TITLE);
    private final ReadOnlyStringWrapper sessionCounts = new ReadOnlyStringWrapper(this, "sessionCounts", "");
    private final ReadOnlyStringWrapper serverCounts = new ReadOnlyStringWrapper(this, "serverCounts", "");
    private final ReadOnlyBooleanWrapper serversFailing = new ReadOnlyBooleanWrapper(this, "serversFailing");
    private final ReadOnlyStringWrapper failingServersText = new ReadOnlyStringWrapper(this, "failingServersText", "");
    private final ReadOnlyStringWrapper lastPoll = new ReadOnlyStringWrapper(this, "lastPoll", "Not polled yet");
    private final ReadOnlyStringWrapper pollIndicator = new ReadOnlyStringWrapper(this, "pollIndicator", "");
    private final ReadOnlyObjectWrapper<PollStatus> pollStatus =
            new ReadOnlyObjectWrapper<>(this, "pollStatus", PollStatus.WAITING);
    private final ReadOnlyObjectWrapper<EmptyState> emptyState =
            new ReadOnlyObjectWrapper<>(this, "emptyState", EmptyState.WAITING);
    private final ReadOnlyStringWrapper pollError = new ReadOnlyStringWrapper(this, "pollError", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final BooleanProperty resolveHostNames =
            new SimpleBooleanProperty(this, "resolveHostNames");
    private HostNameResolver hostNames;
    private boolean polledOnce;
    private boolean noServers;
    private boolean applying;
    private Instant nextPollAt;

    public MainViewModel(SessionTableModel sessions, FilterModel filters, DetailsViewModel details,
                         ServerHealthModel servers, ZoneId zone) {
        this.sessions = sessions;
        this.filters = filters;
        this.details = details;
        this.servers = servers;
        this.zone = zone;
        this.visible = new FilteredList<>(sessions.rows());
        visible.predicateProperty().bind(filters.predicateProperty());
        this.sorted = new SortedList<>(visible);
        for (Observable trigger : new Observable[] {visible, sessions.rows(), filters.activeProperty()}) {
            trigger.addListener(o -> updateCounts());
        }
        updateCounts();
        resolveHostNames.addListener((obs, old, on) -> {
            for (SessionRow row : sessions.rows()) {
                if (on) {
                    resolve(row);
                } else {
                    row.setHostName(null);
                }
            }
            details.refresh();
        });
    }

    /** Where reverse-DNS lookups go when {@link #resolveHostNamesProperty()} is on. */
    public void setHostNameResolver(HostNameResolver resolver) {
        this.hostNames = resolver;
    }

    /** Whether client addresses are shown with their reverse-DNS names (off by default: it is network traffic). */
    public BooleanProperty resolveHostNamesProperty() {
        return resolveHostNames;
    }

    private void resolve(SessionRow row) {
        if (hostNames != null && resolveHostNames.get()) {
            hostNames.resolve(row);
        }
    }

    public SessionTableModel sessions() {
        return sessions;
    }

    public FilterModel filters() {
        return filters;
    }

    public DetailsViewModel details() {
        return details;
    }

    public ServerHealthModel servers() {
        return servers;
    }

    /** The rows that pass the filters; the table wraps it in a SortedList. */
    public FilteredList<SessionRow> visibleRows() {
        return visible;
    }

    /** The visible rows in the table's sort order; the table binds the comparator. */
    public SortedList<SessionRow> sortedRows() {
        return sorted;
    }

    /** Counts applied poll cycles; the table re-sorts when it changes, since rows change in place. */
    public ReadOnlyIntegerProperty pollCountProperty() {
        return pollCount.getReadOnlyProperty();
    }

    /** Whether the window shows the built-in demo fleet (no configuration). */
    public void setDemo(boolean value) {
        demo.set(value);
        title.set(value ? TITLE + " — Demo data" : TITLE);
    }

    /** Whether no enabled server is configured (and the demo is off): the table offers "Add server". */
    public void setNoServers(boolean value) {
        noServers = value;
        updateCounts();
    }

    /** Merges a finished poll cycle; call on the FX thread. */
    public void apply(PollCycle cycle) {
        applying = true;
        SessionTableModel.MergeResult merged;
        try {
            merged = sessions.apply(cycle);
            servers.apply(cycle);
        } finally {
            applying = false;
        }
        merged.added().forEach(this::resolve);
        polledOnce = true;
        pollError.set("");
        details.refresh();
        Duration took = cycle.results().stream().map(r -> r.duration()).max(Duration::compareTo).orElse(Duration.ZERO);
        lastPoll.set("Last poll " + CLOCK.format(cycle.polledAt().atZone(zone)) + " (" + HumanDurations.ofPoll(took) + ")");
        updateCounts();
        pollCount.set(pollCount.get() + 1);
    }

    /** A poll that threw (a bug, not a down server: those are results) is reported in the status bar. */
    public void pollFailed(String message) {
        pollError.set("Poll failed: " + message);
    }

    /**
     * The table's selection changed. While a poll is being merged, the table may drop or move the selection of a
     * session that just ended; the details pane keeps showing the ended session instead.
     */
    public void tableSelectionChanged(SessionRow row) {
        SessionRow shown = details.getRow();
        if (shown != null && shown.isEnded() && (applying || row == null)) {
            return;
        }
        details.rowProperty().set(row);
    }

    /** Whether the details pane shows a session that is no longer in the table. */
    public boolean detailsShowEndedSession() {
        return details.getRow() != null && details.getRow().isEnded();
    }

    public void pollStarted() {
        pollStatus.set(PollStatus.POLLING);
        pollIndicator.set("Polling…");
    }

    public void pollScheduled(Instant next) {
        nextPollAt = next;
        if (pollStatus.get() != PollStatus.PAUSED) {
            pollStatus.set(PollStatus.WAITING);
        }
    }

    public void paused(boolean value) {
        pollStatus.set(value ? PollStatus.PAUSED : PollStatus.WAITING);
        pollIndicator.set(value ? "Paused" : "");
    }

    /** Called about once a second: ends new-row highlights and updates the countdown. */
    public void tick(Instant now) {
        sessions.expireHighlights(now);
        if (pollStatus.get() == PollStatus.WAITING && nextPollAt != null) {
            long seconds = Math.max(0, (Duration.between(now, nextPollAt).toMillis() + 999) / 1000);
            pollIndicator.set("Next poll in " + seconds + " s");
        }
    }

    private void updateCounts() {
        int total = sessions.rows().size();
        int shown = visible.size();
        sessionCounts.set(shown == total ? total + (total == 1 ? " session" : " sessions")
                : "Showing " + shown + " of " + total + " sessions");
        long ok = servers.okCount();
        long failing = servers.failingCount();
        serverCounts.set(ok + " server" + (ok == 1 ? "" : "s") + " OK" + (failing > 0 ? " · " + failing + " failing" : ""));
        serversFailing.set(failing > 0);
        failingServersText.set(failing == 0 ? "Every polled server answered the last poll."
                : servers.servers().stream().filter(s -> s.getState().isFailure())
                        .map(s -> s.getName() + ": " + s.getState().title())
                        .collect(Collectors.joining("\n")));
        EmptyState state;
        if (shown > 0) {
            state = EmptyState.NONE;
        } else if (noServers && !demo.get()) {
            state = EmptyState.NO_SERVERS;
        } else if (!polledOnce) {
            state = EmptyState.WAITING;
        } else if (total > 0) {
            state = EmptyState.NO_MATCH;
        } else {
            state = EmptyState.NO_SESSIONS;
        }
        emptyState.set(state);
    }

    public boolean isDemo() {
        return demo.get();
    }

    public ReadOnlyBooleanProperty demoProperty() {
        return demo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "340 sessions" or "Showing 12 of 340 sessions". */
    public ReadOnlyStringProperty sessionCountsProperty() {
        return sessionCounts.getReadOnlyProperty();
    }

    /** "4 servers OK · 2 failing". */
    public ReadOnlyStringProperty serverCountsProperty() {
        return serverCounts.getReadOnlyProperty();
    }

    /** One line per failing server ("FS03: Access denied"), for the status bar tooltip. */
    public ReadOnlyStringProperty failingServersTextProperty() {
        return failingServersText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty serversFailingProperty() {
        return serversFailing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastPollProperty() {
        return lastPoll.getReadOnlyProperty();
    }

    /** "Next poll in 12 s", "Polling…" or "Paused". */
    public ReadOnlyStringProperty pollIndicatorProperty() {
        return pollIndicator.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PollStatus> pollStatusProperty() {
        return pollStatus.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EmptyState> emptyStateProperty() {
        return emptyState.getReadOnlyProperty();
    }

    public EmptyState getEmptyState() {
        return emptyState.get();
    }

    /** A one-line message for the status bar, e.g. "Exported 230 sessions to sessions.csv". */
    public void notice(String text) {
        notice.set(text);
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pollErrorProperty() {
        return pollError.getReadOnlyProperty();
    }
}
