package org.sessionwatch.netapi.windows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.SessionField;

/**
 * Builds buffers the way {@code NetSessionEnum} returns them: an array of {@code SESSION_INFO_n} entries at the
 * documented offsets, followed by the NUL-terminated UTF-16LE strings their pointers point to.
 */
final class SessionBuffer {

    /** One entry's raw values; a level writes the ones it carries. {@code null} strings become NULL pointers. */
    record Entry(String cname, String username, long numOpens, long time, long idleTime, long userFlags,
                 String cltypeName, String transport) {

        static Entry client(String cname) {
            return new Entry(cname, null, 0, 0, 0, 0, null, null);
        }

        static Entry of(String cname, String username, long numOpens) {
            return new Entry(cname, username, numOpens, 60, 5, 0, "Windows 10 Enterprise 19045", "\\Device\\NetbiosSmb");
        }
    }

    /**
     * Zero bytes after the last string. {@link WideStrings} reads ahead within the current 4 KiB page, which is safe
     * in a real buffer; a JNA {@link Memory} bounds-checks every read against its own size, so tests give it room.
     */
    static final int READ_AHEAD_SLACK = 256;

    private SessionBuffer() {
    }

    /** The raw string bytes of an entry's field: UTF-16LE without terminator; {@code null} for a NULL pointer. */
    static byte[] utf16(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_16LE);
    }

    static Memory build(InfoLevel level, List<Entry> entries) {
        DocumentedLayout.Layout layout = DocumentedLayout.forRunningProcess(level);
        long stringBytes = 0;
        for (Entry entry : entries) {
            for (String s : new String[] {entry.cname, entry.username, entry.cltypeName, entry.transport}) {
                stringBytes += s == null ? 0 : utf16(s).length + 2;
            }
        }
        Memory memory = new Memory((long) entries.size() * layout.size() + stringBytes + READ_AHEAD_SLACK);
        memory.clear();
        long next = (long) entries.size() * layout.size();
        for (int i = 0; i < entries.size(); i++) {
            long base = (long) i * layout.size();
            Entry entry = entries.get(i);
            for (Map.Entry<SessionField, Integer> field : layout.offsets().entrySet()) {
                long at = base + field.getValue();
                switch (field.getKey()) {
                    case CLIENT_NAME -> next = putString(memory, at, next, entry.cname);
                    case USER_NAME -> next = putString(memory, at, next, entry.username);
                    case CLIENT_TYPE -> next = putString(memory, at, next, entry.cltypeName);
                    case TRANSPORT -> next = putString(memory, at, next, entry.transport);
                    case OPEN_COUNT -> memory.setInt(at, (int) entry.numOpens);
                    case ACTIVE_TIME -> memory.setInt(at, (int) entry.time);
                    case IDLE_TIME -> memory.setInt(at, (int) entry.idleTime);
                    case USER_FLAGS -> memory.setInt(at, (int) entry.userFlags);
                }
            }
        }
        return memory;
    }

    /** Writes {@code value} at {@code stringArea}, points the field at it; returns the next free string offset. */
    static long putString(Memory memory, long field, long stringArea, String value) {
        if (value == null) {
            memory.setPointer(field, null);
            return stringArea;
        }
        byte[] bytes = utf16(value);
        memory.write(stringArea, bytes, 0, bytes.length);
        memory.setShort(stringArea + bytes.length, (short) 0);
        Pointer target = memory.share(stringArea);
        memory.setPointer(field, target);
        return stringArea + bytes.length + 2;
    }
}
