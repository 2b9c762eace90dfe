package org.sessionwatch.netapi.windows;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.SessionField;

/**
 * Where each field of one {@code SESSION_INFO_n} entry sits, in bytes, for the running process's pointer size.
 *
 * <p>The offsets come from the {@link LmShare} structures (JNA computes them with Windows alignment), so the decoder
 * reads with plain offset arithmetic yet the layout is written down once. On x64, {@code SESSION_INFO_502} is 48 bytes:
 * two 8-byte string pointers, four DWORDs, two more pointers.
 *
 * <p>Not to be confused with {@code netapi.srvsvc.SessionInfoLayout}, the NDR wire order of the same structures (4-byte
 * referents, deferred strings): a different ABI, so nothing is shared but the member names
 * ({@link org.sessionwatch.netapi.SessionField#memberName}).
 *
 * @param level     the level the layout describes
 * @param entrySize the size of one array element, the stride between entries
 * @param offsets   the offset of every field the level carries
 */
record SessionInfoLayout(InfoLevel level, int entrySize, Map<SessionField, Integer> offsets) {

    private static final Map<InfoLevel, SessionInfoLayout> LAYOUTS = computeAll();

    SessionInfoLayout {
        offsets = Collections.unmodifiableMap(new EnumMap<>(offsets));
    }

    /** The layout of {@code SESSION_INFO_<level>}. */
    static SessionInfoLayout of(InfoLevel level) {
        return LAYOUTS.get(level);
    }

    /** The field's offset, or empty when the level does not carry it. */
    OptionalInt offsetOf(SessionField field) {
        Integer offset = offsets.get(field);
        return offset == null ? OptionalInt.empty() : OptionalInt.of(offset);
    }

    /** The lmshare.h name of {@code field} at {@code level}, e.g. {@code sesi502_num_opens}. */
    static String headerFieldName(InfoLevel level, SessionField field) {
        return field.memberName(level);
    }

    /** A fresh, zeroed structure of the level, for its size and offsets. */
    static LmShare.SessionInfoStructure structureFor(InfoLevel level) {
        return switch (level) {
            case LEVEL_0 -> new LmShare.SESSION_INFO_0();
            case LEVEL_1 -> new LmShare.SESSION_INFO_1();
            case LEVEL_2 -> new LmShare.SESSION_INFO_2();
            case LEVEL_10 -> new LmShare.SESSION_INFO_10();
            case LEVEL_502 -> new LmShare.SESSION_INFO_502();
        };
    }

    private static Map<InfoLevel, SessionInfoLayout> computeAll() {
        Map<InfoLevel, SessionInfoLayout> layouts = new EnumMap<>(InfoLevel.class);
        for (InfoLevel level : InfoLevel.values()) {
            LmShare.SessionInfoStructure structure = structureFor(level);
            Map<SessionField, Integer> offsets = new EnumMap<>(SessionField.class);
            for (SessionField field : level.fields()) {
                offsets.put(field, structure.offsetOf(headerFieldName(level, field)));
            }
            layouts.put(level, new SessionInfoLayout(level, structure.size(), offsets));
        }
        return Collections.unmodifiableMap(layouts);
    }
}
