package org.sessionwatch.netapi.srvsvc;

import java.util.List;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.SessionField;

import static org.sessionwatch.netapi.SessionField.ACTIVE_TIME;
import static org.sessionwatch.netapi.SessionField.CLIENT_NAME;
import static org.sessionwatch.netapi.SessionField.CLIENT_TYPE;
import static org.sessionwatch.netapi.SessionField.IDLE_TIME;
import static org.sessionwatch.netapi.SessionField.OPEN_COUNT;
import static org.sessionwatch.netapi.SessionField.TRANSPORT;
import static org.sessionwatch.netapi.SessionField.USER_FLAGS;
import static org.sessionwatch.netapi.SessionField.USER_NAME;

/**
 * The wire layout of one {@code SESSION_INFO_n} structure (MS-SRVS 2.2.4.11–2.2.4.15): its members in IDL order.
 * Strings are {@code [string] wchar_t*} (a 4-byte pointer whose referent is deferred after the whole array), numbers
 * are DWORDs, so every member takes 4 bytes in the fixed part of an array element.
 *
 * <p>Not to be confused with {@code netapi.windows.SessionInfoLayout}, which gives byte offsets of the same structures
 * in netapi32's in-memory (x64/x86 C) form. The wire form is a member order, the memory form a set of offsets; they
 * share only the member names ({@link org.sessionwatch.netapi.SessionField#memberName}), so each stays package-private
 * next to its decoder.
 */
final class SessionInfoLayout {

    private final InfoLevel level;
    private final List<SessionField> members;

    private SessionInfoLayout(InfoLevel level, List<SessionField> members) {
        this.level = level;
        this.members = members;
    }

    static SessionInfoLayout of(InfoLevel level) {
        // Spelled out from the IDL rather than derived from SessionField's order, so a reordering of that enum can
        // never silently change what is read from the wire.
        return new SessionInfoLayout(level, switch (level) {
            case LEVEL_0 -> List.of(CLIENT_NAME);
            case LEVEL_1 -> List.of(CLIENT_NAME, USER_NAME, OPEN_COUNT, ACTIVE_TIME, IDLE_TIME, USER_FLAGS);
            case LEVEL_2 -> List.of(CLIENT_NAME, USER_NAME, OPEN_COUNT, ACTIVE_TIME, IDLE_TIME, USER_FLAGS,
                    CLIENT_TYPE);
            case LEVEL_10 -> List.of(CLIENT_NAME, USER_NAME, ACTIVE_TIME, IDLE_TIME);
            case LEVEL_502 -> List.of(CLIENT_NAME, USER_NAME, OPEN_COUNT, ACTIVE_TIME, IDLE_TIME, USER_FLAGS,
                    CLIENT_TYPE, TRANSPORT);
        });
    }

    InfoLevel level() {
        return level;
    }

    /** The members in marshalling order. */
    List<SessionField> members() {
        return members;
    }

    /** Bytes one array element takes before the deferred strings: a pointer or a DWORD per member. */
    int fixedBytes() {
        return 4 * members.size();
    }

    static boolean isString(SessionField field) {
        return switch (field) {
            case CLIENT_NAME, USER_NAME, CLIENT_TYPE, TRANSPORT -> true;
            case OPEN_COUNT, ACTIVE_TIME, IDLE_TIME, USER_FLAGS -> false;
        };
    }

    /** The IDL member name, e.g. {@code sesi502_cltype_name}, for error messages. */
    String wireName(SessionField field) {
        return field.memberName(level);
    }
}
