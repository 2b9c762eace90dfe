package org.sessionwatch.netapi.windows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.jna.Native;
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
    /** The buffer size when netapi32 could not tell it. */
    static final long UNKNOWN_SIZE = -1;
    /** How many bytes of entries are copied out of the buffer at once. */
    private static final int BLOCK_BYTES = 64 * 1024;

    private SessionInfoDecoder() {
    }

    /**
     * @param server      the server as configured, stored in every session and named in errors
     * @param entriesRead the {@code entriesread} DWORD as returned (negative means above 2^31: implausible)
     * @param bufferBytes the size netapi32 reports for {@code buffer} ({@code NetApiBufferSize}), or
     *                    {@link #UNKNOWN_SIZE}. When known, {@code entriesRead} entries must fit in it, or the page is
     *                    refused before anything is read. When unknown, {@code entriesRead} is trusted: netapi32
     *                    documents it as the number of entries in the buffer it allocated, and there is nothing else
     *                    to check it against (the strings' pointers are followed as given, for the same reason).
     * @throws NetApiException a protocol error naming the entry when the buffer cannot be what the level promises
     */
    static List<Session> decode(Pointer buffer, int entriesRead, long bufferBytes, String server, InfoLevel level)
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
        int entrySize = layout.entrySize();
        if (bufferBytes != UNKNOWN_SIZE && (long) entriesRead * entrySize > bufferBytes) {
            throw malformed(server, "it reported " + entriesRead + " entries of " + entrySize
                    + " bytes in a buffer of " + bufferBytes + " bytes");
        }
        SessionField[] fields = layout.offsets().keySet().toArray(new SessionField[0]);
        int[] offsets = new int[fields.length];
        for (int f = 0; f < fields.length; f++) {
            offsets[f] = layout.offsets().get(fields[f]);
        }
        List<Session> sessions = new ArrayList<>(entriesRead);
        // Client type and transport repeat on nearly every row; one instance per value saves about 40 % of the
        // heap 100,000 sessions take (measured by the benchmarks, see BENCHMARKS.md).
        Map<String, String> repeated = new HashMap<>();
        // The fixed parts are copied out a block of entries at a time: one native read per field (eight per entry)
        // cost more than everything else the decoder does. Blocks keep the copy small whatever entriesRead says.
        int perBlock = Math.max(1, BLOCK_BYTES / entrySize);
        for (int first = 0; first < entriesRead; first += perBlock) {
            int count = Math.min(perBlock, entriesRead - first);
            int index = first;
            try {
                ByteBuffer block = ByteBuffer.wrap(buffer.getByteArray((long) first * entrySize, count * entrySize))
                        .order(ByteOrder.nativeOrder());
                for (int i = 0; i < count; i++, index++) {
                    sessions.add(decodeEntry(block, i * entrySize, fields, offsets, layout.level(), server,
                            repeated));
                }
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

    private static Session decodeEntry(ByteBuffer block, int base, SessionField[] fields, int[] offsets,
                                       InfoLevel level, String server, Map<String, String> repeated) {
        Session.Builder session = Session.builder(server, level);
        for (int f = 0; f < fields.length; f++) {
            int at = base + offsets[f];
            switch (fields[f]) {
                case CLIENT_NAME -> session.clientName(WideStrings.read(pointer(block, at)));
                case USER_NAME -> session.userName(WideStrings.read(pointer(block, at)));
                case CLIENT_TYPE -> session.clientType(shared(repeated, WideStrings.read(pointer(block, at))));
                case TRANSPORT -> session.transport(shared(repeated, WideStrings.read(pointer(block, at))));
                case OPEN_COUNT -> session.openCount(Integer.toUnsignedLong(block.getInt(at)));
                case ACTIVE_TIME -> session.activeSeconds(Integer.toUnsignedLong(block.getInt(at)));
                case IDLE_TIME -> session.idleSeconds(Integer.toUnsignedLong(block.getInt(at)));
                case USER_FLAGS -> session.userFlags(Integer.toUnsignedLong(block.getInt(at)));
            }
        }
        return session.build();
    }

    /** The string pointer stored at {@code at}, in the process's pointer size; {@code null} for NULL. */
    private static Pointer pointer(ByteBuffer block, int at) {
        long address = Native.POINTER_SIZE == 8 ? block.getLong(at) : Integer.toUnsignedLong(block.getInt(at));
        return address == 0 ? null : new Pointer(address);
    }

    private static String shared(Map<String, String> repeated, String value) {
        return value == null ? null : repeated.computeIfAbsent(value, v -> v);
    }

    private static NetApiException malformed(String server, String detail) {
        return new NetApiException(NetApiStatus.protocolError(server, detail));
    }
}
