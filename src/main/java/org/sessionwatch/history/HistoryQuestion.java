package org.sessionwatch.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.sessionwatch.history.HistoryRepository.Party;

/**
 * One question asked of the history, as {@code --history} and the window's History tab ask it: either the sessions
 * open at one time ({@link #openAt}), or one user's or client's intervals ({@link #of}). Asked together with the
 * coverage of the same servers and times, because an empty answer means nothing unless the servers were watched.
 *
 * @param at     the time of an "open at" question; null for a party's intervals
 * @param party  whose intervals; null for an "open at" question
 * @param since  only intervals that end at or after it; null for no bound
 * @param until  only intervals that start at or before it; null for no bound
 */
public record HistoryQuestion(Instant at, Optional<String> server, Party party, String name, Instant since,
                              Instant until) {

    public HistoryQuestion {
        Objects.requireNonNull(server, "server");
        if ((at == null) == (party == null)) {
            throw new IllegalArgumentException("A history question is either 'open at' or a party's intervals");
        }
        if (party != null) {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The sessions open at {@code at}, on one server or all. */
    public static HistoryQuestion openAt(Instant at, Optional<String> server) {
        return new HistoryQuestion(Objects.requireNonNull(at, "at"), server, null, null, null, null);
    }

    /** The intervals of a user or client between two times (either may be null). */
    public static HistoryQuestion of(Party party, String name, Optional<String> server, Instant since,
                                     Instant until) {
        return new HistoryQuestion(null, server, Objects.requireNonNull(party, "party"), name, since, until);
    }

    /** The intervals and the coverage that go with them. */
    public HistoryAnswer ask(HistoryRepository history) {
        if (at != null) {
            return new HistoryAnswer(history.openAt(at, server), history.coverage(server, at, at));
        }
        return new HistoryAnswer(history.intervals(party, name, server, since, until),
                history.coverage(server, since, until));
    }

    /**
     * An answer to a question.
     *
     * @param coverage when each server concerned answered or failed over the question's times
     */
    public record HistoryAnswer(List<HistoryInterval> intervals, List<CoverageSpan> coverage) {
        public HistoryAnswer {
            intervals = List.copyOf(intervals);
            coverage = List.copyOf(coverage);
        }
    }
}
