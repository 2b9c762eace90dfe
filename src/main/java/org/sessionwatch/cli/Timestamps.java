package org.sessionwatch.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * ISO-8601 UTC times as printed: milliseconds for machines (JSON, CSV), whole seconds for people (table and watch
 * lines). The clock's nanoseconds would only suggest a precision that session times (whole seconds) do not have.
 */
final class Timestamps {
    private Timestamps() {
    }

    static String forMachines(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static String forPeople(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
