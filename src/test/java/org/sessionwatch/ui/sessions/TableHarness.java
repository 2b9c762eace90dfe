package org.sessionwatch.ui.sessions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;

import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.tracking.SessionTracker;
import org.sessionwatch.ui.common.TaskExecutor;

/**
 * The table's whole flow without a toolkit or threads: a real tracker, the sessions view model with the tracker
 * thread and the FX thread both run inline, and a mirror list that replays every list change the table would
 * receive, so a test can check that the changes lead exactly to the list.
 */
final class TableHarness {
    final SessionTracker tracker = new SessionTracker();
    final ObjectProperty<SessionRow> selected = new SimpleObjectProperty<>();
    final FilterModel filters = new FilterModel();
    final Map<String, String> dns = new HashMap<>();
    final List<Runnable> lookups = new ArrayList<>();
    final HostNameResolver resolver = new HostNameResolver(lookups::add, ip -> Optional.ofNullable(dns.get(ip)));
    final SessionsViewModel sessions = new SessionsViewModel(filters, selected, resolver,
            TaskExecutor.currentThread(), Runnable::run);
    final List<SessionRow> mirror = new ArrayList<>();
    int changes;

    TableHarness() {
        tracker.subscribe(sessions::trackerUpdated);
        sessions.visibleRows().addListener((ListChangeListener<SessionRow>) this::replay);
    }

    /** A whole poll cycle, as the scheduler closes it. */
    TableHarness poll(PollCycle cycle) {
        tracker.completeCycle(cycle);
        return this;
    }

    /** Some servers' answers during a cycle. */
    TableHarness answers(PollCycle partial) {
        List<ServerPollResult> results = partial.results();
        tracker.apply(partial.polledAt(), results);
        return this;
    }

    List<SessionRow> rows() {
        return sessions.visibleRows();
    }

    SessionRow row(String user) {
        return rows().stream().filter(r -> r.user().equals(user)).findFirst().orElseThrow();
    }

    List<String> users() {
        return rows().stream().map(SessionRow::user).toList();
    }

    /** Applies a list change to the mirror the way a TableView's selection model reads it. */
    private void replay(ListChangeListener.Change<? extends SessionRow> change) {
        changes++;
        while (change.next()) {
            if (change.wasPermutated()) {
                List<SessionRow> before = new ArrayList<>(mirror.subList(change.getFrom(), change.getTo()));
                for (int i = change.getFrom(); i < change.getTo(); i++) {
                    mirror.set(change.getPermutation(i), before.get(i - change.getFrom()));
                }
            } else {
                if (change.wasReplaced()) {
                    throw new AssertionError("a replaced range makes the table re-select by index");
                }
                for (int i = 0; i < change.getRemovedSize(); i++) {
                    SessionRow gone = mirror.remove(change.getFrom());
                    if (gone != change.getRemoved().get(i)) {
                        throw new AssertionError("removed " + change.getRemoved().get(i) + " but the list had " + gone
                                + " at " + change.getFrom());
                    }
                }
                if (change.wasAdded()) {
                    mirror.addAll(change.getFrom(), change.getAddedSubList());
                }
            }
        }
    }
}
