package org.sessionwatch.history;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.tracking.SessionEvent;
import org.sessionwatch.tracking.SessionKey;
import org.sessionwatch.tracking.TrackedSession;
import org.sessionwatch.tracking.TrackerUpdate;

/**
 * Turns tracker updates into history rows: an interval is inserted when its session connects and updated when it
 * ends; in between only a new highest open count and samples are written, so a steady estate costs almost nothing
 * per poll. Each server's poll outcomes are merged into coverage spans while they stay the same.
 *
 * <p>Samples: at most one row per interval and minute (an upsert keeps the minute's last value), written when the
 * open count changes or the session crosses {@link #IDLE_AFTER_SECONDS} of idleness either way — not for idle time
 * that merely advances.
 *
 * <p>Sessions it does not know (the first answer after a restart, or after a failed transaction was rolled back)
 * continue a matching interval that is still open or was closed only because recording stopped, so a restart does
 * not split one session into two rows. Runs on the writer thread only.
 */
final class HistoryIngest {
    static final long SAMPLE_BUCKET_MS = 60_000;
    static final long IDLE_AFTER_SECONDS = 15 * 60;
    private static final long START_TOLERANCE_MS = SessionKey.START_TOLERANCE.toMillis();

    /** What the writer remembers of an open interval. */
    private static final class Open {
        final long rowId;
        long maxOpens = -1;
        long lastOpens = -1;
        boolean idle;

        Open(long rowId) {
            this.rowId = rowId;
        }
    }

    /** The current coverage span of a server. */
    private record Span(long id, boolean answered, String errorKind, long polls, long toMs) {
    }

    private final Map<Long, Open> open = new HashMap<>();
    private final Map<String, Span> spans = new HashMap<>();
    private final long maxGapMs;
    private long nextIntervalId;
    private long nextCoverageId;
    private long intervalWrites;

    /**
     * @param maxIds the largest interval and coverage ids in the database
     * @param maxGap how far apart two polls may be and still extend one coverage span (longer: polling was paused,
     *               nobody was watching in between)
     */
    HistoryIngest(long[] maxIds, Duration maxGap) {
        this.nextIntervalId = maxIds[0] + 1;
        this.nextCoverageId = maxIds[1] + 1;
        this.maxGapMs = Objects.requireNonNull(maxGap, "maxGap").toMillis();
    }

    /** Interval rows inserted or closed so far (for the benchmark's throughput). */
    long intervalWrites() {
        return intervalWrites;
    }

    /** Adds one update's rows to {@code writes} (the caller commits). */
    void apply(TrackerUpdate update, HistoryWrites writes) throws SQLException {
        for (ServerPollResult result : update.results()) {
            coverage(result, update.polledAt(), writes);
        }
        for (SessionEvent event : update.events()) {
            switch (event) {
                case SessionEvent.Connected c -> connected(c, writes);
                case SessionEvent.Changed c -> changed(c, writes);
                case SessionEvent.Ended e -> ended(e, writes);
                case SessionEvent.ServerFailing f -> {
                    // the failed result itself is in update.results(): coverage records it
                }
                case SessionEvent.ServerRecovered r -> {
                    // likewise
                }
            }
        }
    }

    /** Forgets what it remembers after a rolled-back transaction: those rows may not exist. */
    void forget() {
        open.clear();
        spans.clear();
    }

    private void connected(SessionEvent.Connected c, HistoryWrites writes) throws SQLException {
        TrackedSession session = c.session();
        Open state = c.initial() ? continued(session, writes) : null;
        open.put(session.id(), state != null ? state : insert(session, c.at(), writes));
    }

    private void changed(SessionEvent.Changed c, HistoryWrites writes) throws SQLException {
        TrackedSession after = c.after();
        Open state = known(after, writes);
        Session session = after.session();
        long bucket = Math.floorDiv(c.at().toEpochMilli(), SAMPLE_BUCKET_MS) * SAMPLE_BUCKET_MS;
        boolean sample = false;
        OptionalLong opens = session.openCount();
        if (opens.isPresent() && opens.getAsLong() != state.lastOpens) {
            state.lastOpens = opens.getAsLong();
            sample = true;
            if (state.lastOpens > state.maxOpens) {
                state.maxOpens = state.lastOpens;
                writes.raiseMaxOpens(state.rowId, state.maxOpens, state.lastOpens);
            }
        }
        OptionalLong idle = session.idleSeconds();
        if (idle.isPresent() && (idle.getAsLong() >= IDLE_AFTER_SECONDS) != state.idle) {
            state.idle = !state.idle;
            sample = true;
        }
        if (sample) {
            writes.sample(state.rowId, bucket, boxed(opens), boxed(idle));
        }
    }

    private void ended(SessionEvent.Ended e, HistoryWrites writes) throws SQLException {
        TrackedSession last = e.last();
        Open state = open.remove(last.id());
        if (state == null) {
            state = known(last, writes);
            open.remove(last.id());
        }
        boolean disconnected = e.reason() == SessionEvent.EndReason.DISCONNECTED;
        long endMs = disconnected ? e.at().toEpochMilli() : last.seenAt().toEpochMilli();
        Session session = last.session();
        Long opens = boxed(session.openCount());
        Long max = opens == null ? (state.maxOpens < 0 ? null : state.maxOpens) : Math.max(opens, state.maxOpens);
        writes.close(state.rowId, endMs, last.seenAt().toEpochMilli(), disconnected
                        ? HistoryInterval.EndReason.DISCONNECTED : HistoryInterval.EndReason.SERVER_REMOVED,
                max, opens, boxed(session.idleSeconds()));
        intervalWrites++;
    }

    /** The remembered interval of a session, else one it continues, else a new one seen first now. */
    private Open known(TrackedSession session, HistoryWrites writes) throws SQLException {
        Open state = open.get(session.id());
        if (state == null) {
            state = continued(session, writes);
            if (state == null) {
                state = insert(session, session.seenAt(), writes);
            }
            open.put(session.id(), state);
        }
        return state;
    }

    private Open continued(TrackedSession session, HistoryWrites writes) throws SQLException {
        if (session.startEpochSecond() == SessionKey.UNKNOWN_START) {
            return null;
        }
        OptionalLong row = writes.findContinued(JdbcHistoryRepository.key(session.server()), session.key().client(),
                session.key().user(), session.startEpochSecond() * 1000, START_TOLERANCE_MS);
        if (row.isEmpty()) {
            return null;
        }
        writes.reopen(row.getAsLong());
        Open state = new Open(row.getAsLong());
        remember(state, session.session());
        return state;
    }

    private Open insert(TrackedSession tracked, Instant firstSeen, HistoryWrites writes) throws SQLException {
        Session s = tracked.session();
        boolean startKnown = tracked.startEpochSecond() != SessionKey.UNKNOWN_START;
        long firstSeenMs = firstSeen.toEpochMilli();
        Open state = new Open(nextIntervalId++);
        writes.insert(new HistoryWrites.NewInterval(state.rowId, s.server(), s.clientName().orElse(null),
                tracked.key().client(), s.userName().orElse(null), tracked.key().user(),
                startKnown ? tracked.startEpochSecond() * 1000 : firstSeenMs, startKnown, firstSeenMs,
                s.clientType().orElse(null), s.transport().orElse(null), s.level().code(), boxed(s.openCount()),
                boxed(s.idleSeconds())));
        remember(state, s);
        intervalWrites++;
        return state;
    }

    private static void remember(Open state, Session s) {
        s.openCount().ifPresent(opens -> {
            state.lastOpens = opens;
            state.maxOpens = opens;
        });
        state.idle = s.idleSeconds().orElse(0) >= IDLE_AFTER_SECONDS;
    }

    private void coverage(ServerPollResult result, Instant polledAt, HistoryWrites writes) throws SQLException {
        long at = (result.finishedAt() != null ? result.finishedAt() : polledAt).toEpochMilli();
        boolean answered = result instanceof ServerPollResult.Ok;
        String kind = result instanceof ServerPollResult.Failed failed ? failed.error().kind().name() : null;
        Span span = spans.get(result.server());
        if (span != null && span.answered() == answered && Objects.equals(span.errorKind(), kind)
                && at >= span.toMs() && at - span.toMs() <= maxGapMs) {
            writes.extendCoverage(span.id(), at, span.polls() + 1);
            spans.put(result.server(), new Span(span.id(), answered, kind, span.polls() + 1, at));
            return;
        }
        long id = nextCoverageId++;
        writes.startCoverage(id, result.server(), at, answered, kind);
        spans.put(result.server(), new Span(id, answered, kind, 1, at));
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
