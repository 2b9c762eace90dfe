package org.sessionwatch.format;

import java.time.Duration;
import java.util.Locale;

/**
 * Durations as a helpdesk agent reads them: the two most significant units are enough at a glance ("2h 05m", not
 * "2h 05m 13s"), and a live table needs even less ({@link Precision#MINUTES}). The CLI and the window use the same
 * rounding in two spellings, see {@link Style}.
 */
public final class HumanDurations {

    /** How finely a duration is written; the spelling is the {@link Style}'s. */
    public enum Precision {
        /** The two most significant units: "45 s", "4 min 05 s", "2 h 05 min", "3 d 04 h". */
        TWO_UNITS,
        /**
         * Seconds only under a minute, then whole minutes: "45 s", "4 min", "2 h 05 min", "3 d 04 h". For the session
         * table, where ages advance on every poll: a cell changes once a minute instead of with every poll, so a poll
         * redraws only what really changed (BENCHMARKS.md, responsiveness); the details pane keeps the seconds.
         */
        MINUTES
    }

    /** How the units are written; the numbers and the rounding are the same. */
    public enum Style {
        /** For terminal columns, where width is scarce: "45s", "4m 05s", "2h 05m", "3d 04h". */
        COMPACT("d", "h", "m", "s"),
        /** For the window's table and details, where words read well: "45 s", "4 min 05 s", "2 h 05 min", "3 d 04 h". */
        SPACED(" d", " h", " min", " s");

        private final String days;
        private final String hours;
        private final String minutes;
        private final String seconds;

        Style(String days, String hours, String minutes, String seconds) {
            this.days = days;
            this.hours = hours;
            this.minutes = minutes;
            this.seconds = seconds;
        }
    }

    private HumanDurations() {
    }

    /** A session time in whole seconds (an unsigned DWORD, so up to about 136 years), to two units. */
    public static String ofSeconds(long seconds, Style style) {
        return ofSeconds(seconds, style, Precision.TWO_UNITS);
    }

    /** A session time in whole seconds (an unsigned DWORD, so up to about 136 years). */
    public static String ofSeconds(long seconds, Style style, Precision precision) {
        if (seconds < 0) {
            throw new IllegalArgumentException("Duration " + seconds + " s is negative");
        }
        if (seconds < 60) {
            return seconds + style.seconds;
        }
        if (seconds < 3_600) {
            return precision == Precision.MINUTES ? seconds / 60 + style.minutes
                    : pair(seconds / 60, style.minutes, seconds % 60, style.seconds);
        }
        if (seconds < 86_400) {
            return pair(seconds / 3_600, style.hours, seconds % 3_600 / 60, style.minutes);
        }
        return pair(seconds / 86_400, style.days, seconds % 86_400 / 3_600, style.hours);
    }

    /**
     * {@code seconds} without what {@link #ofSeconds} leaves out at that precision (the seconds of durations from an
     * hour, or from a minute at {@link Precision#MINUTES}, the minutes and seconds of those from a day), so that two
     * durations that read the same are equal: "2 h 05 min" for both 7,500 and 7,559 s. A table cell that holds this
     * redraws only when its text would change.
     */
    public static long shownPart(long seconds, Precision precision) {
        if (seconds < 60) {
            return seconds;
        }
        if (seconds < 3_600) {
            return precision == Precision.MINUTES ? seconds - seconds % 60 : seconds;
        }
        if (seconds < 86_400) {
            return seconds - seconds % 60;
        }
        return seconds - seconds % 3_600;
    }

    /** How long a poll took: "850 ms" below one second, "2.4 s" (tenths, always a point) above. */
    public static String ofPoll(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String pair(long major, String majorUnit, long minor, String minorUnit) {
        return major + majorUnit + " " + String.format(Locale.ROOT, "%02d", minor) + minorUnit;
    }
}
