package org.sessionwatch.ui.sessions;

import java.time.Instant;
import java.util.Locale;

import org.sessionwatch.netapi.Session;

/**
 * What identifies a session across polls, apart from its start time: the server, the client and the user (case
 * folded, as Windows compares them case-insensitively). The start time is matched separately with a tolerance
 * because it is computed from two clocks (see {@link SessionTableModel}).
 */
public record SessionKey(String server, String client, String user) {

    public static SessionKey of(Session session) {
        return new SessionKey(session.server(), fold(session.clientName().orElse("")),
                fold(session.userName().orElse("")));
    }

    private static String fold(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    /** Epoch second the session started: the time its server answered minus its connected time. */
    static long startOf(Session session, Instant answeredAt) {
        return session.activeSeconds().isPresent()
                ? answeredAt.getEpochSecond() - session.activeSeconds().getAsLong()
                : SessionRow.UNKNOWN_START;
    }
}
