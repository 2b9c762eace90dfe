package org.sessionwatch.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.sessionwatch.netapi.Session;

/**
 * What identifies a session across polls, for the window's live table and for {@code --watch} alike. A session has no
 * id on the wire, so it is recognised by server, client and user (client and user case folded, as Windows compares
 * them case-insensitively) plus its start time, which is matched separately with {@link #START_TOLERANCE}.
 *
 * <p>The start time is derived: the time the server answered minus its connected time ({@code sesi_time}). That
 * mixes two clocks, so it jitters from poll to poll; a reconnect resets the connected time and moves the start by far
 * more than the tolerance, so it shows as a session that ended and a new one.
 */
public record SessionKey(String server, String client, String user) {

    /**
     * How far apart two derived start times may be and still be the same session: 3 s. The server counts whole
     * seconds (up to 1 s of rounding), and we stamp the answer when its last page arrived, while a large server timed
     * its early entries a second or more before that (paged answers); 2 s turned steady sessions on large servers into
     * false disconnect/connect pairs, while a real reconnect moves the start by the whole previous connected time.
     */
    public static final Duration START_TOLERANCE = Duration.ofSeconds(3);

    /** The start of a session whose level carries no connected time (level 0): it cannot be computed. */
    public static final long UNKNOWN_START = Long.MIN_VALUE;

    public static SessionKey of(Session session) {
        return new SessionKey(session.server(), fold(session.clientName().orElse("")),
                fold(session.userName().orElse("")));
    }

    /** Epoch second the session started: {@code answeredAt} minus its connected time, or {@link #UNKNOWN_START}. */
    public static long startOf(Session session, Instant answeredAt) {
        return session.activeSeconds().isPresent()
                ? answeredAt.getEpochSecond() - session.activeSeconds().getAsLong()
                : UNKNOWN_START;
    }

    /**
     * Seconds between two starts, for picking the closest match. An unknown start is at distance 0 from any start:
     * without a connected time (level 0, or a server that fell back to it) only server, client and user can be
     * compared, and treating every such session as new on each poll would report disconnects that never happened.
     */
    public static long startDistance(long a, long b) {
        if (a == UNKNOWN_START || b == UNKNOWN_START) {
            return 0;
        }
        return Math.abs(a - b);
    }

    /** Whether two starts are close enough to be the same session (see {@link #START_TOLERANCE}). */
    public static boolean sameStart(long a, long b) {
        return startDistance(a, b) <= START_TOLERANCE.toSeconds();
    }

    private static String fold(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
