package org.sessionwatch.netapi.windows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.jna.Native;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.SessionField;

import static org.sessionwatch.netapi.SessionField.*;

/**
 * The {@code SESSION_INFO_n} layouts written out by hand from lmshare.h and the Windows ABI (LLP64: DWORD 4 bytes,
 * pointers 8 on x64 and 4 on x86, each field aligned to its size), independent of the code under test. The layout
 * test compares the structures with these, and {@link SessionBuffer} lays out its test buffers with them.
 */
final class DocumentedLayout {

    /** Field offsets in header order, plus the structure size. */
    record Layout(int size, Map<SessionField, Integer> offsets) {
    }

    private DocumentedLayout() {
    }

    static Layout forRunningProcess(InfoLevel level) {
        return Native.POINTER_SIZE == 8 ? x64(level) : x86(level);
    }

    static Layout x64(InfoLevel level) {
        return switch (level) {
            case LEVEL_0 -> layout(8, CLIENT_NAME, 0);
            case LEVEL_1 -> layout(32, CLIENT_NAME, 0, USER_NAME, 8, OPEN_COUNT, 16, ACTIVE_TIME, 20, IDLE_TIME, 24,
                    USER_FLAGS, 28);
            case LEVEL_2 -> layout(40, CLIENT_NAME, 0, USER_NAME, 8, OPEN_COUNT, 16, ACTIVE_TIME, 20, IDLE_TIME, 24,
                    USER_FLAGS, 28, CLIENT_TYPE, 32);
            case LEVEL_10 -> layout(24, CLIENT_NAME, 0, USER_NAME, 8, ACTIVE_TIME, 16, IDLE_TIME, 20);
            case LEVEL_502 -> layout(48, CLIENT_NAME, 0, USER_NAME, 8, OPEN_COUNT, 16, ACTIVE_TIME, 20,
                    IDLE_TIME, 24, USER_FLAGS, 28, CLIENT_TYPE, 32, TRANSPORT, 40);
        };
    }

    static Layout x86(InfoLevel level) {
        return switch (level) {
            case LEVEL_0 -> layout(4, CLIENT_NAME, 0);
            case LEVEL_1 -> layout(24, CLIENT_NAME, 0, USER_NAME, 4, OPEN_COUNT, 8, ACTIVE_TIME, 12, IDLE_TIME, 16,
                    USER_FLAGS, 20);
            case LEVEL_2 -> layout(28, CLIENT_NAME, 0, USER_NAME, 4, OPEN_COUNT, 8, ACTIVE_TIME, 12, IDLE_TIME, 16,
                    USER_FLAGS, 20, CLIENT_TYPE, 24);
            case LEVEL_10 -> layout(16, CLIENT_NAME, 0, USER_NAME, 4, ACTIVE_TIME, 8, IDLE_TIME, 12);
            case LEVEL_502 -> layout(32, CLIENT_NAME, 0, USER_NAME, 4, OPEN_COUNT, 8, ACTIVE_TIME, 12,
                    IDLE_TIME, 16, USER_FLAGS, 20, CLIENT_TYPE, 24, TRANSPORT, 28);
        };
    }

    /** The lmshare.h field names in declaration order. */
    static List<String> headerNames(InfoLevel level) {
        return switch (level) {
            case LEVEL_0 -> List.of("sesi0_cname");
            case LEVEL_1 -> List.of("sesi1_cname", "sesi1_username", "sesi1_num_opens", "sesi1_time",
                    "sesi1_idle_time", "sesi1_user_flags");
            case LEVEL_2 -> List.of("sesi2_cname", "sesi2_username", "sesi2_num_opens", "sesi2_time",
                    "sesi2_idle_time", "sesi2_user_flags", "sesi2_cltype_name");
            case LEVEL_10 -> List.of("sesi10_cname", "sesi10_username", "sesi10_time", "sesi10_idle_time");
            case LEVEL_502 -> List.of("sesi502_cname", "sesi502_username", "sesi502_num_opens", "sesi502_time",
                    "sesi502_idle_time", "sesi502_user_flags", "sesi502_cltype_name", "sesi502_transport");
        };
    }

    private static Layout layout(int size, Object... fieldsAndOffsets) {
        Map<SessionField, Integer> offsets = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndOffsets.length; i += 2) {
            offsets.put((SessionField) fieldsAndOffsets[i], (Integer) fieldsAndOffsets[i + 1]);
        }
        return new Layout(size, offsets);
    }
}
