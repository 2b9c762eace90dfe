package org.sessionwatch.cli;

import java.time.Duration;

/** Durations as a helpdesk agent reads them in a table: "45s", "4m 05s", "2h 05m", "3d 04h", "35 ms", "1.2 s". */
final class HumanDurations {
    private HumanDurations() {
    }

    /** A session time in whole seconds (an unsigned DWORD, so up to about 136 years). */
    static String ofSeconds(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("negative duration " + seconds + " s");
        }
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3_600) {
            return String.format("%dm %02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return String.format("%dh %02dm", seconds / 3_600, seconds % 3_600 / 60);
        }
        return String.format("%dd %02dh", seconds / 86_400, seconds % 86_400 / 3_600);
    }

    /** How long a poll took: milliseconds below one second, tenths of seconds above. */
    static String ofPoll(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
