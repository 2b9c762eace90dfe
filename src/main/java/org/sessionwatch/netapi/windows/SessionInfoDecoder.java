package org.sessionwatch.netapi.windows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.jna.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiException;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.netapi.SessionField;

/**
 * Turns the buffer {@code NetSessionEnum} filled into {@link Session}s: an array of {@code entriesRead}
 * {@code SESSION_INFO_<level>} entries at the offsets {@link SessionInfoLayout} gives, whose string pointers point
 * into the same buffer.
 *
 * <p>Reads only; the caller keeps ownership of the buffer and frees it. NULL string pointers become absent values,
 * DWORDs are unsigned, and {@link Session.Builder} strips the {@code \\} from client names.
 */
final class SessionInfoDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(SessionInfoDecoder.class);

    private SessionInfoDecoder() {
    }

    /**
     * @param server      the server as configured, stored in every session and named in errors
     * @param entriesRead the {@code entriesread} DWORD as returned (negative means above 2^31: implausible)
     * @throws NetApiException a protocol error naming the entry when the buffer cannot be what the level promises
     */
    static List<Session> decode(Pointer buffer, int entriesRead, String server, InfoLevel level)
            throws NetApiException {
        if (entriesRead < 0) {
            throw malformed(server, "it reported " + Integer.toUnsignedString(entriesRead) + " entries in one page");
        }
        if (entriesRead == 0) {
            return List.of();
        }
        if (buffer == null) {
            throw malformed(server, "it reported " + entriesRead + " entries but returned no buffer");
        }
        SessionInfoLayout layout = SessionInfoLayout.of(level);
        List<Session> sessions = new ArrayList<>(entriesRead);
        // Client type and transport repeat on nearly every row; one instance per value saves about 40 % of the
        // heap 100,000 sessions take (measured by the benchmarks, see BENCHMARKS.md).
        Map<String, String> repeated = new HashMap<>();
        for (int index = 0; index < entriesRead; index++) {
            try {
                sessions.add(decodeEntry(buffer, (long) index * layout.entrySize(), layout, server, repeated));
            } catch (RuntimeException e) {
                // the cause is for the administrator's log; the error itself stays plain language
                LOG.warn("Session entry {} of {} from {} at level {} could not be decoded", index + 1, entriesRead,
                        server, level, e);
                throw new NetApiException(NetApiStatus.protocolError(server,
                        "session entry " + (index + 1) + " of " + entriesRead + " could not be read"), e);
            }
        }
        return sessions;
    }

    private static Session decodeEntry(Pointer buffer, long base, SessionInfoLayout layout, String server,
                                       Map<String, String> repeated) {
        Session.Builder session = Session.builder(server, layout.level());
        for (SessionField field : layout.offsets().keySet()) {
            long at = base + layout.offsets().get(field);
            switch (field) {
                case CLIENT_NAME -> session.clientName(WideStrings.read(buffer.getPointer(at)));
                case USER_NAME -> session.userName(WideStrings.read(buffer.getPointer(at)));
                case CLIENT_TYPE -> session.clientType(shared(repeated, WideStrings.read(buffer.getPointer(at))));
                case TRANSPORT -> session.transport(shared(repeated, WideStrings.read(buffer.getPointer(at))));
                case OPEN_COUNT -> session.openCount(dword(buffer, at));
                case ACTIVE_TIME -> session.activeSeconds(dword(buffer, at));
                case IDLE_TIME -> session.idleSeconds(dword(buffer, at));
                case USER_FLAGS -> session.userFlags(dword(buffer, at));
            }
        }
        return session.build();
    }

    private static String shared(Map<String, String> repeated, String value) {
        return value == null ? null : repeated.computeIfAbsent(value, v -> v);
    }

    private static long dword(Pointer buffer, long offset) {
        return Integer.toUnsignedLong(buffer.getInt(offset));
    }

    private static NetApiException malformed(String server, String detail) {
        return new NetApiException(NetApiStatus.protocolError(server, detail));
    }
}
