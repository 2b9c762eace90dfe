package org.sessionwatch.ui.main;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.ObservableList;

import org.sessionwatch.format.HumanDurations;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.ui.servers.ServerHealth;
import org.sessionwatch.ui.servers.ServerState;

/**
 * The window's title, status bar and polling indicator. Reads only counts: the number of sessions tracked and
 * shown, and the server list; the poll scheduler tells it when polls start, end and fail. FX thread.
 */
public final class StatusViewModel {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String TITLE = "SessionWatch";

    private final ObservableIntegerValue total;
    private final ObservableIntegerValue shown;
    private final ObservableList<ServerHealth> servers;
    private final ZoneId zone;
    private final ReadOnlyIntegerWrapper pollCount = new ReadOnlyIntegerWrapper(this, "pollCount");
    private final ReadOnlyBooleanWrapper demo = new ReadOnlyBooleanWrapper(this, "demo");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", TITLE);
    private final ReadOnlyStringWrapper sessionCounts = new ReadOnlyStringWrapper(this, "sessionCounts", "");
    private final ReadOnlyStringWrapper serverCounts = new ReadOnlyStringWrapper(this, "serverCounts", "");
    private final ReadOnlyBooleanWrapper serversFailing = new ReadOnlyBooleanWrapper(this, "serversFailing");
    private final ReadOnlyStringWrapper failingServersText = new ReadOnlyStringWrapper(this, "failingServersText", "");
    private final ReadOnlyStringWrapper lastPoll = new ReadOnlyStringWrapper(this, "lastPoll", "Not polled yet");
    private final ReadOnlyStringWrapper pollIndicator = new ReadOnlyStringWrapper(this, "pollIndicator", "");
    private final ReadOnlyDoubleWrapper pollProgress = new ReadOnlyDoubleWrapper(this, "pollProgress");
    private final ReadOnlyObjectWrapper<PollStatus> pollStatus =
            new ReadOnlyObjectWrapper<>(this, "pollStatus", PollStatus.WAITING);
    private final ReadOnlyStringWrapper pollError = new ReadOnlyStringWrapper(this, "pollError", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper sourceStatus = new ReadOnlyStringWrapper(this, "sourceStatus", "");
    private Instant nextPollAt;
    private boolean following;

    /**
     * @param total   every tracked session
     * @param shown   the sessions that pass the filters
     * @param servers the server list, whose states change in place (re-read when {@code serversUpdated} fires)
     */
    public StatusViewModel(ObservableIntegerValue total, ObservableIntegerValue shown,
                           ObservableList<ServerHealth> servers, javafx.beans.Observable serversUpdated, ZoneId zone) {
        this.total = total;
        this.shown = shown;
        this.servers = servers;
        this.zone = zone;
        InvalidationListener sessions = o -> updateSessionCounts();
        total.addListener(sessions);
        shown.addListener(sessions);
        InvalidationListener serverStates = o -> updateServerCounts();
        servers.addListener(serverStates);
        serversUpdated.addListener(serverStates);
        updateSessionCounts();
        updateServerCounts();
    }

    /** Whether the window shows the built-in demo fleet (no configuration). */
    public void setDemo(boolean value) {
        demo.set(value);
        title.set(value ? TITLE + " — Demo data" : TITLE);
    }

    /** A poll cycle has been applied to the tracker and the table. */
    public void cycleApplied(PollCycle cycle) {
        pollError.set("");
        Duration took = cycle.results().stream().map(r -> r.duration()).max(Duration::compareTo).orElse(Duration.ZERO);
        lastPoll.set("Last poll " + CLOCK.format(cycle.polledAt().atZone(zone)) + " (" + HumanDurations.ofPoll(took)
                + ")");
        pollCount.set(pollCount.get() + 1);
    }

    /** A poll that threw (a bug, not a down server: those are results) is reported in the status bar. */
    public void pollFailed(String message) {
        pollError.set("Poll failed: " + message);
    }

    public void pollStarted() {
        pollStatus.set(PollStatus.POLLING);
        pollProgress.set(0);
        pollIndicator.set(following ? "Live" : "Polling…");
    }

    /**
     * {@code count} servers of the running poll have answered (or failed). The indicator fills in steps as they do:
     * it changes a few times a poll, where a spinning one would be drawn again on every frame (a cost on the
     * software-rendered desktops of remote sessions, where helpdesk staff often work).
     */
    public void answered(int count) {
        if (pollStatus.get() != PollStatus.POLLING) {
            return;
        }
        // The configured servers that are polled; the demo fleet lists its servers as they first answer.
        long of = demo.get() ? count : servers.stream().filter(s -> s.getState() != ServerState.DISABLED).count();
        pollProgress.set(of == 0 ? 0 : Math.min(1, (double) count / of));
        if (!following) {
            pollIndicator.set(count >= of ? "Polling… " + count + (count == 1 ? " server" : " servers") + " answered"
                    : "Polling… " + count + " of " + of + " servers");
        }
    }

    /**
     * Whether the window follows a team collector instead of polling: a "poll" then lasts a collector cycle, so the
     * indicator says "Live" instead of "Polling…" and counts no seconds down.
     */
    public void following(boolean value) {
        following = value;
    }

    /** What the source says about itself ("Team collector fs-mon-01, last cycle 3 s ago"), or empty. */
    public void sourceStatus(String text) {
        sourceStatus.set(text);
    }

    public ReadOnlyStringProperty sourceStatusProperty() {
        return sourceStatus.getReadOnlyProperty();
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

    /** Called about once a second: updates the countdown. */
    public void tick(Instant now) {
        if (pollStatus.get() == PollStatus.WAITING && nextPollAt != null && !following) {
            long seconds = Math.max(0, (Duration.between(now, nextPollAt).toMillis() + 999) / 1000);
            pollIndicator.set("Next poll in " + seconds + " s");
        }
    }

    private void updateSessionCounts() {
        int all = total.get();
        int visible = shown.get();
        sessionCounts.set(visible == all ? all + (all == 1 ? " session" : " sessions")
                : "Showing " + visible + " of " + all + " sessions");
    }

    private void updateServerCounts() {
        long ok = servers.stream().filter(s -> s.getState() == ServerState.OK).count();
        long failing = servers.stream().filter(s -> s.getState().isFailure()).count();
        serverCounts.set(ok + " server" + (ok == 1 ? "" : "s") + " OK" + (failing > 0 ? " · " + failing + " failing" : ""));
        serversFailing.set(failing > 0);
        failingServersText.set(failing == 0 ? "Every polled server answered the last poll."
                : servers.stream().filter(s -> s.getState().isFailure())
                        .map(s -> s.getName() + ": " + s.getState().title())
                        .collect(Collectors.joining("\n")));
    }

    /** Counts applied poll cycles. */
    public ReadOnlyIntegerProperty pollCountProperty() {
        return pollCount.getReadOnlyProperty();
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

    /** The running poll's share of servers answered, 0 to 1 (0 between polls). */
    public ReadOnlyDoubleProperty pollProgressProperty() {
        return pollProgress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PollStatus> pollStatusProperty() {
        return pollStatus.getReadOnlyProperty();
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
