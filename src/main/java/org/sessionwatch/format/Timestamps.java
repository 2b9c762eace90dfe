package org.sessionwatch.format;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * ISO-8601 UTC times as printed: milliseconds for machines (JSON, CSV), whole seconds for people (table and watch
 * lines). The clock's nanoseconds would only suggest a precision that session times (whole seconds) do not have.
 */
public final class Timestamps {
    private Timestamps() {
    }

    public static String forMachines(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    public static String forPeople(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
