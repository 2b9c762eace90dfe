package org.sessionwatch.netapi.windows;

import java.util.List;

import com.sun.jna.Memory;

import org.sessionwatch.netapi.FileInfoLevel;

/**
 * Builds buffers the way {@code NetFileEnum} returns them: an array of {@code FILE_INFO_3} (or {@code FILE_INFO_2})
 * entries at the offsets of the layout table ({@link DocumentedLayout}, not the code under test), followed by the
 * NUL-terminated UTF-16LE strings their pointers point to.
 */
final class FileBuffer {

    /** One entry's raw values; level 2 writes the id only. {@code null} strings become NULL pointers. */
    record Entry(long id, long permissions, long locks, String path, String user) {

        static Entry of(long id, String path, String user) {
            return new Entry(id, 0x3, 1, path, user);
        }
    }

    private FileBuffer() {
    }

    static Memory build(FileInfoLevel level, List<Entry> entries) {
        DocumentedLayout.Struct struct = DocumentedLayout.struct("FILE_INFO_" + level.code());
        int size = struct.sizeForRunningProcess();
        long stringBytes = 0;
        if (level == FileInfoLevel.LEVEL_3) {
            for (Entry entry : entries) {
                for (String s : new String[] {entry.path, entry.user}) {
                    stringBytes += s == null ? 0 : SessionBuffer.utf16(s).length + 2;
                }
            }
        }
        Memory memory = new Memory(Math.max(1, (long) entries.size() * size + stringBytes
                + SessionBuffer.READ_AHEAD_SLACK));
        memory.clear();
        long next = (long) entries.size() * size;
        for (int i = 0; i < entries.size(); i++) {
            long base = (long) i * size;
            Entry entry = entries.get(i);
            for (DocumentedLayout.Member member : struct.members()) {
                long at = base + member.forRunningProcess();
                switch (member.name()) {
                    case "fi2_id", "fi3_id" -> memory.setInt(at, (int) entry.id);
                    case "fi3_permissions" -> memory.setInt(at, (int) entry.permissions);
                    case "fi3_num_locks" -> memory.setInt(at, (int) entry.locks);
                    case "fi3_pathname" -> next = SessionBuffer.putString(memory, at, next, entry.path);
                    case "fi3_username" -> next = SessionBuffer.putString(memory, at, next, entry.user);
                    default -> throw new IllegalStateException("no value for " + member.name());
                }
            }
        }
        return memory;
    }
}
