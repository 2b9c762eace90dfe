package org.sessionwatch.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The questions asked of the stored history: the CLI's {@code --history} and the window's history view read through
 * this, never through SQL of their own. Times are inclusive; {@code null} bounds are open.
 */
public interface HistoryRepository {

    /** Whose intervals to list. */
    enum Party {
        USER, CLIENT
    }

    /** Sessions open at {@code at}, on one server (case-insensitive) or on all, ordered by server and start. */
    List<HistoryInterval> openAt(Instant at, Optional<String> server);

    /**
     * The intervals of one user or client (case-insensitive) that overlap {@code since}..{@code until}, optionally on
     * one server, ordered by start.
     */
    List<HistoryInterval> intervals(Party party, String name, Optional<String> server, Instant since, Instant until);

    /**
     * The latest interval of one user or client (case-insensitive) that started before {@code before}: "when did
     * Alice last connect, and from where?" asked about a session that started at {@code before}.
     */
    Optional<HistoryInterval> latestBefore(Party party, String name, Instant before);

    /** Files open at {@code at} (as the open-files feature saw them), on one server or all, by server and path. */
    List<FileInterval> filesOpenAt(Instant at, Optional<String> server);

    /** The coverage spans that overlap {@code from}..{@code to}, of one server or of all, by server and time. */
    List<CoverageSpan> coverage(Optional<String> server, Instant from, Instant to);
}
