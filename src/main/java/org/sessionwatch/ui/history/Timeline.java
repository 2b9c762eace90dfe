package org.sessionwatch.ui.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.sessionwatch.history.CoverageSpan;
import org.sessionwatch.history.HistoryInterval;
import org.sessionwatch.history.HistoryQuestion;
import org.sessionwatch.history.HistoryQuestion.HistoryAnswer;

/**
 * One user's or client's history as the timeline draws it: one lane per server they used, one bar per interval, and
 * the times each lane's server was not being watched or not answering. Immutable and free of JavaFX, so the layout
 * rules are tested with plain JUnit.
 *
 * @param question what was asked (the export writes it with the answer)
 * @param now      when it was asked: an open interval's bar runs to its last sighting, the window up to now
 */
public record Timeline(HistoryQuestion question, HistoryAnswer answer, Instant now) {
    /**
     * Two coverage spans of different outcomes follow each other one poll apart; a hole up to this long between them
     * is that poll interval, not a time nobody watched. Spans of the same outcome are merged by the recorder unless
     * polls stopped for longer than its allowed gap, so a hole between those is always a gap.
     */
    static final Duration OUTCOME_CHANGE_HOLE = Duration.ofMinutes(15);

    /** What a bar's colour says. */
    public enum ColourBy {
        TRANSPORT("Transport"), CLIENT_TYPE("Client type");

        private final String label;

        ColourBy(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        String valueOf(HistoryInterval interval) {
            String value = this == TRANSPORT ? interval.transport() : interval.clientType();
            return value == null || value.isBlank() ? "not reported" : value;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Why a lane has no coverage for a while. */
    public enum GapKind {
        /** The server was polled and did not answer. */
        NOT_ANSWERING,
        /** Nobody was polling the server (SessionWatch was not running, or the server was not configured). */
        NOT_WATCHED
    }

    /** A time a lane's server was not seen answering; {@code error} names the failure when it was polled. */
    public record Gap(String server, Instant from, Instant to, GapKind kind, Optional<String> error) {
    }

    public Timeline {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(now, "now");
    }

    /** "user alice" or "client PC-0412". */
    public String subject() {
        return question.party().name().toLowerCase(Locale.ROOT) + " " + question.name();
    }

    public Instant from() {
        return question.since();
    }

    public Instant to() {
        return question.until() != null ? question.until() : now;
    }

    /** The servers with at least one interval, by name ignoring case: one lane each. */
    public List<String> lanes() {
        TreeMap<String, String> byKey = new TreeMap<>();
        for (HistoryInterval interval : answer.intervals()) {
            byKey.putIfAbsent(interval.server().toLowerCase(Locale.ROOT), interval.server());
        }
        return List.copyOf(byKey.values());
    }

    /** The intervals of one lane, by start. */
    public List<HistoryInterval> bars(String lane) {
        return answer.intervals().stream().filter(i -> i.server().equalsIgnoreCase(lane))
                .sorted(Comparator.comparing(Timeline::barStart)).toList();
    }

    /** Where a bar starts: the session's start when known, else its first sighting. */
    public static Instant barStart(HistoryInterval interval) {
        return interval.start().orElse(interval.firstSeen());
    }

    /** Where a bar ends: its end, or its server's latest answer while it is open. */
    public static Instant barEnd(HistoryInterval interval) {
        return interval.end().orElse(interval.lastSeen());
    }

    /** The distinct values bars are coloured by, sorted: a value's index is its colour. */
    public List<String> categories(ColourBy by) {
        return answer.intervals().stream().map(by::valueOf).distinct().sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
    }

    /**
     * The times in {@link #from()}..{@link #to()} a lane's server was not seen answering: spans that failed, and
     * holes in the coverage (before the first span, after the last, or between two) longer than a poll.
     */
    public List<Gap> gaps(String lane) {
        List<CoverageSpan> spans = answer.coverage().stream().filter(s -> s.server().equalsIgnoreCase(lane))
                .sorted(Comparator.comparing(CoverageSpan::from)).toList();
        List<Gap> gaps = new ArrayList<>();
        Instant from = from();
        Instant to = to();
        Instant covered = from;
        CoverageSpan previous = null;
        for (CoverageSpan span : spans) {
            Instant hole = span.from();
            boolean outcomeChange = previous != null && previous.answered() != span.answered();
            Duration allowed = outcomeChange ? OUTCOME_CHANGE_HOLE : Duration.ZERO;
            if (Duration.between(covered, hole).compareTo(allowed) > 0 && hole.isAfter(from)) {
                gaps.add(new Gap(lane, max(covered, from), min(hole, to), GapKind.NOT_WATCHED, Optional.empty()));
            }
            if (!span.answered() && span.to().isAfter(from) && span.from().isBefore(to)) {
                gaps.add(new Gap(lane, max(span.from(), from), min(span.to(), to), GapKind.NOT_ANSWERING,
                        span.error().map(Enum::name)));
            }
            covered = max(covered, span.to());
            previous = span;
        }
        // The last poll was a moment ago while the server is still watched: not a gap.
        if (Duration.between(covered, to).compareTo(OUTCOME_CHANGE_HOLE) > 0) {
            gaps.add(new Gap(lane, max(covered, from), to, GapKind.NOT_WATCHED, Optional.empty()));
        }
        return gaps;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
