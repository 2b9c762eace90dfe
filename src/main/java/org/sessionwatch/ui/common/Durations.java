package org.sessionwatch.ui.common;

import java.time.Duration;

/** Human-readable durations for table cells: "45 s", "3 min 10 s", "2 h 05 min", "3 d 04 h". */
public final class Durations {
    private Durations() {
    }

    /** Formats a non-negative number of seconds; the two most significant units are enough at a glance. */
    public static String human(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("Duration " + seconds + " s is negative");
        }
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        long secs = seconds % 60;
        if (days > 0) {
            return String.format("%d d %02d h", days, hours);
        }
        if (hours > 0) {
            return String.format("%d h %02d min", hours, minutes);
        }
        if (minutes > 0) {
            return String.format("%d min %02d s", minutes, secs);
        }
        return secs + " s";
    }

    public static String human(Duration duration) {
        return human(Math.max(0, duration.toSeconds()));
    }

    /** A poll duration: "850 ms" below a second, "2.4 s" above. */
    public static String shortMillis(Duration duration) {
        long millis = duration.toMillis();
        return millis < 1000 ? millis + " ms" : String.format("%.1f s", millis / 1000.0);
    }
}
