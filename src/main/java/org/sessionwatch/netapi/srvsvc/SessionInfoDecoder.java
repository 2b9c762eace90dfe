package org.sessionwatch.netapi.srvsvc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.netapi.SessionField;

/**
 * Decodes the stub of a {@code NetrSessionEnum} response (MS-SRVS 3.1.4.5, opnum 12), NDR20 little-endian, for
 * levels 0, 1, 2, 10 and 502.
 *
 * <p>The stub is, in order: {@code SESSION_ENUM_STRUCT} (Level, the union discriminant, a unique pointer to the
 * {@code SESSION_INFO_n_CONTAINER}, whose EntriesRead and Buffer pointer are followed by the conformant array of
 * {@code SESSION_INFO_n} and then, element by element, the deferred strings), {@code TotalEntries}, the unique
 * {@code ResumeHandle} pointer and its DWORD, and the {@code NET_API_STATUS}.
 *
 * <p>The bytes come from a server that may be broken or hostile. Every count is checked against the bytes actually
 * received before anything is allocated (an array of N elements needs N times the element's fixed size), string
 * ActualCount must not exceed MaximumCount and must fit the data, Offset must be 0, the union must be at the level
 * asked for, and nothing may follow the status. Anything else is an {@link NdrFormatException}; the decoder never
 * loops without consuming input, so it cannot hang, and never returns a partly-read row.
 */
public final class SessionInfoDecoder {

    private SessionInfoDecoder() {
    }

    /**
     * @param stub          the response stub: the bytes after the response PDU headers, fragments reassembled
     * @param expectedLevel the level the request asked for
     * @param server        the server the sessions are on, as configured, copied into every {@link Session}
     * @throws NdrFormatException when the stub is malformed; the message names the item and its byte offset
     */
    public static DecodedSessionEnum decode(byte[] stub, InfoLevel expectedLevel, String server)
            throws NdrFormatException {
        Objects.requireNonNull(stub, "stub");
        Objects.requireNonNull(expectedLevel, "expectedLevel");
        Objects.requireNonNull(server, "server");
        NdrReader in = new NdrReader(stub);

        long level = in.readEnumLevel("InfoStruct.SessionInfo");
        if (level != expectedLevel.code()) {
            boolean known = level <= Integer.MAX_VALUE && InfoLevel.ofCode((int) level).isPresent();
            throw new NdrFormatException("the server answered with " + (known ? "" : "unknown ")
                    + "information level " + level + " to a level " + expectedLevel.code() + " request", 0);
        }
        SessionInfoLayout layout = SessionInfoLayout.of(expectedLevel);
        List<Session> entries = readContainer(in, layout, server);

        NdrReader.EnumTail tail = in.readEnumTail();
        long status = tail.status();
        boolean bufferMeaningful = status == NetApiStatus.NERR_SUCCESS || status == NetApiStatus.ERROR_MORE_DATA;
        return new DecodedSessionEnum(expectedLevel, status, bufferMeaningful ? entries : List.of(),
                tail.totalEntries(), tail.resumeHandle());
    }

    /** Reads the container and, if its Buffer is not NULL, the array with its strings. */
    private static List<Session> readContainer(NdrReader in, SessionInfoLayout layout, String server)
            throws NdrFormatException {
        int count = in.readArrayCount("InfoStruct.SessionInfo.Level" + layout.level().code(), layout.fixedBytes());
        return count == 0 ? List.of() : readArray(in, layout, count, server);
    }

    private static List<Session> readArray(NdrReader in, SessionInfoLayout layout, int count, String server)
            throws NdrFormatException {
        List<SessionField> members = layout.members();
        int width = members.size();
        String[] names = members.stream().map(layout::wireName).toArray(String[]::new);
        // Fixed parts first: DWORD values and, for strings, whether the pointer is non-NULL (value 1) or NULL (0).
        int[] fixed = new int[count * width];
        for (int i = 0; i < count; i++) {
            for (int m = 0; m < width; m++) {
                SessionField field = members.get(m);
                String what = "Buffer[" + i + "]." + names[m];
                fixed[i * width + m] = SessionInfoLayout.isString(field)
                        ? (in.readPointer(what) ? 1 : 0)
                        : in.readRawDword(what);
            }
        }
        // Then the deferred strings, element by element in member order, one per non-NULL pointer.
        List<Session> sessions = new ArrayList<>(count);
        // Client type and transport repeat on nearly every row; one instance per value saves about 40 % of the
        // heap 100,000 sessions take (measured by the benchmarks, see BENCHMARKS.md).
        Map<String, String> repeated = new HashMap<>();
        for (int i = 0; i < count; i++) {
            Session.Builder session = Session.builder(server, layout.level());
            for (int m = 0; m < width; m++) {
                SessionField field = members.get(m);
                int value = fixed[i * width + m];
                if (SessionInfoLayout.isString(field)) {
                    String text = value == 0 ? null : in.readString("Buffer[" + i + "]." + names[m]);
                    if (text != null && (field == SessionField.CLIENT_TYPE || field == SessionField.TRANSPORT)) {
                        text = repeated.computeIfAbsent(text, t -> t);
                    }
                    setString(session, field, text);
                } else {
                    setNumber(session, field, Integer.toUnsignedLong(value));
                }
            }
            sessions.add(session.build());
        }
        return sessions;
    }

    private static void setString(Session.Builder session, SessionField field, String value) {
        switch (field) {
            case CLIENT_NAME -> session.clientName(value);
            case USER_NAME -> session.userName(value);
            case CLIENT_TYPE -> session.clientType(value);
            case TRANSPORT -> session.transport(value);
            default -> throw new IllegalArgumentException(field + " is not a string member");
        }
    }

    private static void setNumber(Session.Builder session, SessionField field, long value) {
        switch (field) {
            case OPEN_COUNT -> session.openCount(value);
            case ACTIVE_TIME -> session.activeSeconds(value);
            case IDLE_TIME -> session.idleSeconds(value);
            case USER_FLAGS -> session.userFlags(value);
            default -> throw new IllegalArgumentException(field + " is not a DWORD member");
        }
    }
}
