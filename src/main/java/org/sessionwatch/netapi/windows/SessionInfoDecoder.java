package org.sessionwatch.netapi.windows;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.jna.Pointer;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiException;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.netapi.SessionField;

/**
 * Turns the buffer {@code NetSessionEnum} filled into {@link Session}s: an array of {@code entriesRead}
 * {@code SESSION_INFO_<level>} entries at the offsets {@link SessionInfoLayout} gives, whose string pointers point
 * into the same buffer ({@link EntryArray} checks the count and copies the entries out).
 *
 * <p>Reads only; the caller keeps ownership of the buffer and frees it. NULL string pointers become absent values,
 * DWORDs are unsigned, and {@link Session.Builder} strips the {@code \\} from client names.
 */
final class SessionInfoDecoder {

    /** The buffer size when netapi32 could not tell it. */
    static final long UNKNOWN_SIZE = EntryArray.UNKNOWN_SIZE;

    private SessionInfoDecoder() {
    }

    /**
     * @param server      the server as configured, stored in every session and named in errors
     * @param entriesRead the {@code entriesread} DWORD as returned (negative means above 2^31: implausible)
     * @param bufferBytes the size netapi32 reports for {@code buffer}, or {@link #UNKNOWN_SIZE} (see
     *                    {@link EntryArray#read})
     * @throws NetApiException a protocol error naming the entry when the buffer cannot be what the level promises
     */
    static List<Session> decode(Pointer buffer, int entriesRead, long bufferBytes, String server, InfoLevel level)
            throws NetApiException {
        SessionInfoLayout layout = SessionInfoLayout.of(level);
        SessionField[] fields = layout.offsets().keySet().toArray(new SessionField[0]);
        int[] offsets = new int[fields.length];
        for (int f = 0; f < fields.length; f++) {
            offsets[f] = layout.offsets().get(fields[f]);
        }
        // Client type and transport repeat on nearly every row; one instance per value saves about 40 % of the
        // heap 100,000 sessions take (measured by the benchmarks, see BENCHMARKS.md).
        Map<String, String> repeated = new HashMap<>();
        return EntryArray.read(buffer, entriesRead, bufferBytes, layout.entrySize(), server,
                new EntryArray.Kind("session", "level " + level.code()),
                (block, base) -> decodeEntry(block, base, fields, offsets, level, server, repeated));
    }

    private static Session decodeEntry(ByteBuffer block, int base, SessionField[] fields, int[] offsets,
                                       InfoLevel level, String server, Map<String, String> repeated) {
        Session.Builder session = Session.builder(server, level);
        for (int f = 0; f < fields.length; f++) {
            int at = base + offsets[f];
            switch (fields[f]) {
                case CLIENT_NAME -> session.clientName(string(block, at));
                case USER_NAME -> session.userName(string(block, at));
                case CLIENT_TYPE -> session.clientType(shared(repeated, string(block, at)));
                case TRANSPORT -> session.transport(shared(repeated, string(block, at)));
                case OPEN_COUNT -> session.openCount(EntryArray.dword(block, at));
                case ACTIVE_TIME -> session.activeSeconds(EntryArray.dword(block, at));
                case IDLE_TIME -> session.idleSeconds(EntryArray.dword(block, at));
                case USER_FLAGS -> session.userFlags(EntryArray.dword(block, at));
            }
        }
        return session.build();
    }

    /** The string the pointer at {@code at} points to; null for NULL. */
    private static String string(ByteBuffer block, int at) {
        return WideStrings.read(EntryArray.pointer(block, at));
    }

    private static String shared(Map<String, String> repeated, String value) {
        return value == null ? null : repeated.computeIfAbsent(value, v -> v);
    }
}
