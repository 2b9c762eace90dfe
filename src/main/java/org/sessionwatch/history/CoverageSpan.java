package org.sessionwatch.history;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.sessionwatch.netapi.ErrorKind;

/**
 * A run of equal poll outcomes of one server: from the first to the last poll that answered (or failed with the same
 * kind of error). Between two spans, or outside all of them, nobody was watching: "no sessions" in a span that
 * answered means nobody was connected, while a failing span means nothing is known.
 *
 * @param polls how many polls the span merges
 */
public record CoverageSpan(String server, Instant from, Instant to, boolean answered, Optional<ErrorKind> error,
                           long polls) {

    public CoverageSpan {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(error, "error");
    }
}
