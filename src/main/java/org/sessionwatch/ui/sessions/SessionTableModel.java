package org.sessionwatch.ui.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.tracking.SessionKey;

/**
 * The live list of sessions, merged poll after poll.
 *
 * <p>A session is the same from one poll to the next when server, client and user match and its start time
 * (answer time minus connected time) agrees within {@link #START_TOLERANCE}. The tolerance absorbs the skew between
 * the server counting whole seconds and us stamping the answer once its last page arrived (a large server pages for
 * a second or more); a reconnect resets the connected time, moves the start by much more, and so becomes a new row. Rows are updated in place and only the rows that came or went
 * are added or removed, so a table bound to {@link #rows()} keeps selection, sort order and scroll position.
 *
 * <p>Stale policy: when a server's poll fails, its last known rows stay, marked {@linkplain SessionRow#isStale()
 * stale}, because a helpdesk agent asking "is Alice still connected?" is better served by the last answer (clearly
 * marked) than by an empty table that looks like "nobody". A server that is no longer in the cycle at all (removed
 * or disabled in the settings) loses its rows.
 *
 * <p>Not thread-safe: the UI applies cycles on the FX thread.
 */
public final class SessionTableModel {
    /** How far apart two computed start times may be and still be the same session. */
    public static final Duration START_TOLERANCE = SessionKey.START_TOLERANCE;
    /** How long a new session is highlighted. */
    public static final Duration FRESH_FOR = Duration.ofSeconds(6);

    private final ObservableList<SessionRow> rows = FXCollections.observableArrayList();
    /**
     * Rows by key: a {@link SessionRow}, or a {@code List<SessionRow>} when several live sessions share a key (a user
     * who reconnected before the old session timed out). One row per key is the norm, and a list for each cost
     * about 48 bytes per row at 100,000 rows (see BENCHMARKS.md, memory.session_with_table_row).
     */
    private final Map<SessionKey, Object> index = new HashMap<>();
    private final Set<String> serversEverAnswered = new HashSet<>();
    private final Deque<SessionRow> freshRows = new ArrayDeque<>();
    private long generation;

    /** What one merge changed. */
    public record MergeResult(List<SessionRow> added, List<SessionRow> removed, int updated, int stale) {
    }

    public ObservableList<SessionRow> rows() {
        return rows;
    }

    /**
     * Merges one whole poll cycle into {@link #rows()}: rows of servers the cycle does not mention are removed (the
     * server left the configuration); O(rows + sessions).
     */
    public MergeResult apply(PollCycle cycle) {
        return merge(cycle, null);
    }

    /**
     * Merges the results of some servers, as they arrive during a cycle; rows of every other server are left as they
     * are.
     */
    public MergeResult applyAnswers(PollCycle answers) {
        Set<String> scope = new HashSet<>();
        answers.results().forEach(result -> scope.add(result.server()));
        return merge(answers, scope);
    }

    /** Removes the rows of servers not in {@code servers} (they left the configuration); returns those rows. */
    public List<SessionRow> retainServers(Set<String> servers) {
        Set<SessionRow> removed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SessionRow row : rows) {
            if (!servers.contains(row.server())) {
                removed.add(row);
            }
        }
        remove(removed);
        return List.copyOf(removed);
    }

    /** @param scope the servers whose rows this merge may remove or mark stale; null for all */
    private MergeResult merge(PollCycle cycle, Set<String> scope) {
        long current = ++generation;
        List<SessionRow> added = new ArrayList<>();
        Set<String> failedServers = new HashSet<>();
        int updated = 0;
        for (ServerPollResult result : cycle.results()) {
            switch (result) {
                case ServerPollResult.Ok ok -> {
                    boolean highlight = serversEverAnswered.contains(ok.server());
                    serversEverAnswered.add(ok.server());
                    Instant answeredAt = ok.finishedAt() != null ? ok.finishedAt() : cycle.polledAt();
                    for (Session session : ok.sessions()) {
                        SessionRow row = match(session, answeredAt, current);
                        if (row != null) {
                            row.update(session, ok.requestedLevel(), answeredAt);
                            row.setStale(false);
                            updated++;
                        } else {
                            row = new SessionRow(SessionKey.of(session), SessionKey.startOf(session, answeredAt),
                                    session, ok.requestedLevel(), answeredAt);
                            addToIndex(row);
                            if (highlight) {
                                row.setFresh(true);
                                row.freshSince = cycle.polledAt();
                                freshRows.add(row);
                            }
                            added.add(row);
                        }
                        row.generation = current;
                    }
                }
                case ServerPollResult.Failed failed -> failedServers.add(failed.server());
            }
        }
        Set<SessionRow> removed = Collections.newSetFromMap(new IdentityHashMap<>());
        int stale = 0;
        for (SessionRow row : rows) {
            if (row.generation == current || scope != null && !scope.contains(row.server())) {
                continue;
            }
            if (failedServers.contains(row.server())) {
                row.setStale(true);
                stale++;
            } else {
                removed.add(row);
            }
        }
        remove(removed);
        rows.addAll(added);
        return new MergeResult(List.copyOf(added), List.copyOf(removed), updated, stale);
    }

    private void remove(Set<SessionRow> removed) {
        for (SessionRow row : removed) {
            removeFromIndex(row);
            row.markEnded();
        }
        if (!removed.isEmpty()) {
            // removeAll with an identity set is one pass over the list, not one list search per removed row.
            rows.removeAll(removed);
        }
    }

    /** The unmatched row of this generation whose start time agrees with the session's, or null. */
    private SessionRow match(Session session, Instant answeredAt, long current) {
        Object indexed = index.get(SessionKey.of(session));
        if (indexed == null) {
            return null;
        }
        long start = SessionKey.startOf(session, answeredAt);
        if (indexed instanceof SessionRow only) {
            return only.generation != current && distance(only.startEpochSecond(), start)
                    <= START_TOLERANCE.toSeconds() ? only : null;
        }
        SessionRow best = null;
        long bestDistance = Long.MAX_VALUE;
        for (SessionRow candidate : rowsOf(indexed)) {
            if (candidate.generation == current) {
                continue;
            }
            long distance = distance(candidate.startEpochSecond(), start);
            if (distance <= START_TOLERANCE.toSeconds() && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private void addToIndex(SessionRow row) {
        index.merge(row.key(), row, (existing, added) -> {
            List<SessionRow> rowsWithKey = existing instanceof SessionRow one ? new ArrayList<>(List.of(one))
                    : rowsOf(existing);
            rowsWithKey.add((SessionRow) added);
            return rowsWithKey;
        });
    }

    private void removeFromIndex(SessionRow row) {
        index.computeIfPresent(row.key(), (key, existing) -> {
            if (existing == row) {
                return null;
            }
            if (existing instanceof SessionRow) {
                return existing;
            }
            List<SessionRow> rowsWithKey = rowsOf(existing);
            rowsWithKey.remove(row);
            return rowsWithKey.size() == 1 ? rowsWithKey.getFirst() : rowsWithKey;
        });
    }

    @SuppressWarnings("unchecked")
    private static List<SessionRow> rowsOf(Object indexed) {
        return (List<SessionRow>) indexed;
    }

    private static long distance(long a, long b) {
        // One rule for the window and --watch; an unknown start (level 0) matches any start.
        return SessionKey.startDistance(a, b);
    }

    /** Ends the highlight of rows added more than {@link #FRESH_FOR} before {@code now}. */
    public void expireHighlights(Instant now) {
        while (!freshRows.isEmpty()) {
            SessionRow oldest = freshRows.peekFirst();
            if (oldest.freshSince.plus(FRESH_FOR).isAfter(now)) {
                break;
            }
            freshRows.removeFirst().setFresh(false);
        }
    }

    /** Number of rows whose server failed its last poll. */
    public long countStale() {
        return rows.stream().filter(SessionRow::isStale).count();
    }
}
