package org.sessionwatch.netapi.windows;

import java.nio.ByteBuffer;
import java.util.List;

import com.sun.jna.Pointer;

import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.NetApiException;
import org.sessionwatch.netapi.OpenFile;

/**
 * Turns the buffer {@code NetFileEnum} filled into {@link OpenFile}s: an array of {@code entriesRead}
 * {@code FILE_INFO_3} (or {@code FILE_INFO_2}) entries whose string pointers point into the same buffer
 * ({@link EntryArray} checks the count and copies the entries out).
 *
 * <p>The offsets come from the {@link LmShare} structures, so the layout is written down once: on x64
 * {@code FILE_INFO_3} is 32 bytes, three DWORDs, 4 bytes of padding, two 8-byte string pointers. Reads only; the
 * caller keeps ownership of the buffer and frees it. Every DWORD is unsigned: {@code fi3_id} above 2^31 stays a
 * positive id, as {@link OpenFile} and {@code NetFileClose} need it. NULL string pointers become absent values.
 */
final class FileInfoDecoder {

    /** The layout of one entry, from the JNA structure of the level. */
    record Layout(FileInfoLevel level, int entrySize, int id, int permissions, int locks, int path, int user) {

        private static final Layout LEVEL_3 = level3();
        private static final Layout LEVEL_2 = level2();

        static Layout of(FileInfoLevel level) {
            return level == FileInfoLevel.LEVEL_3 ? LEVEL_3 : LEVEL_2;
        }

        private static Layout level3() {
            LmShare.FILE_INFO_3 s = new LmShare.FILE_INFO_3();
            return new Layout(FileInfoLevel.LEVEL_3, s.size(), s.offsetOf("fi3_id"), s.offsetOf("fi3_permissions"),
                    s.offsetOf("fi3_num_locks"), s.offsetOf("fi3_pathname"), s.offsetOf("fi3_username"));
        }

        /** Level 2 carries the id only; the other offsets are -1. */
        private static Layout level2() {
            LmShare.FILE_INFO_2 s = new LmShare.FILE_INFO_2();
            return new Layout(FileInfoLevel.LEVEL_2, s.size(), s.offsetOf("fi2_id"), -1, -1, -1, -1);
        }
    }

    private FileInfoDecoder() {
    }

    /**
     * @param server      the server as configured, stored in every entry and named in errors
     * @param entriesRead the {@code entriesread} DWORD as returned (negative means above 2^31: implausible)
     * @param bufferBytes the size netapi32 reports for {@code buffer}, or {@link EntryArray#UNKNOWN_SIZE} (see
     *                    {@link EntryArray#read})
     * @throws NetApiException a protocol error naming the entry when the buffer cannot be what the level promises
     */
    static List<OpenFile> decode(Pointer buffer, int entriesRead, long bufferBytes, String server,
                                 FileInfoLevel level) throws NetApiException {
        Layout layout = Layout.of(level);
        EntryArray.Kind kind = new EntryArray.Kind("file", "level " + level.code());
        if (level == FileInfoLevel.LEVEL_2) {
            return EntryArray.read(buffer, entriesRead, bufferBytes, layout.entrySize(), server, kind,
                    (block, base) -> OpenFile.idOnly(server, EntryArray.dword(block, base + layout.id())));
        }
        return EntryArray.read(buffer, entriesRead, bufferBytes, layout.entrySize(), server, kind,
                (block, base) -> level3(block, base, layout, server));
    }

    private static OpenFile level3(ByteBuffer block, int base, Layout layout, String server) {
        return new OpenFile(server, FileInfoLevel.LEVEL_3,
                EntryArray.dword(block, base + layout.id()),
                EntryArray.dword(block, base + layout.permissions()),
                EntryArray.dword(block, base + layout.locks()),
                WideStrings.read(EntryArray.pointer(block, base + layout.path())),
                WideStrings.read(EntryArray.pointer(block, base + layout.user())));
    }
}
