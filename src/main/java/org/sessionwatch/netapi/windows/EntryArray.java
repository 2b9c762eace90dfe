package org.sessionwatch.netapi.windows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sessionwatch.netapi.NetApiException;
import org.sessionwatch.netapi.NetApiStatus;

/**
 * Reads the array of fixed-size entries at the start of a buffer a netapi32 enumeration allocated
 * ({@code SESSION_INFO_n}, {@code FILE_INFO_n}), whose string pointers point into the same buffer. The checks and
 * the block-wise copy are the same whatever the structure; {@link SessionInfoDecoder} and {@link FileInfoDecoder}
 * only say how one entry is read.
 *
 * <p>Reads only; the caller keeps ownership of the buffer and frees it.
 */
final class EntryArray {

    private static final Logger LOG = LoggerFactory.getLogger(EntryArray.class);
    /** The buffer size when netapi32 could not tell it. */
    static final long UNKNOWN_SIZE = -1;
    /** How many bytes of entries are copied out of the buffer at once. */
    private static final int BLOCK_BYTES = 64 * 1024;

    /** Reads the entry whose fixed part starts at {@code base} in {@code block} (native byte order). */
    @FunctionalInterface
    interface EntryReader<T> {
        T read(ByteBuffer block, int base);
    }

    /** What the entries are, for messages: e.g. "session" and "level 502". */
    record Kind(String noun, String level) {
    }

    private EntryArray() {
    }

    /**
     * @param entriesRead the {@code entriesread} DWORD as returned (negative means above 2^31: implausible)
     * @param bufferBytes the size netapi32 reports for {@code buffer} ({@code NetApiBufferSize}), or
     *                    {@link #UNKNOWN_SIZE}. When known, {@code entriesRead} entries must fit in it, or the page is
     *                    refused before anything is read. When unknown, {@code entriesRead} is trusted: netapi32
     *                    documents it as the number of entries in the buffer it allocated, and there is nothing else
     *                    to check it against (the strings' pointers are followed as given, for the same reason).
     * @param server      the server as configured, named in errors
     * @throws NetApiException a protocol error naming the entry when the buffer cannot be what the level promises
     */
    static <T> List<T> read(Pointer buffer, int entriesRead, long bufferBytes, int entrySize, String server, Kind kind,
                            EntryReader<T> reader) throws NetApiException {
        if (entriesRead < 0) {
            throw malformed(server, "it reported " + Integer.toUnsignedString(entriesRead) + " entries in one page");
        }
        if (entriesRead == 0) {
            return List.of();
        }
        if (buffer == null) {
            throw malformed(server, "it reported " + entriesRead + " entries but returned no buffer");
        }
        if (bufferBytes != UNKNOWN_SIZE && (long) entriesRead * entrySize > bufferBytes) {
            throw malformed(server, "it reported " + entriesRead + " entries of " + entrySize
                    + " bytes in a buffer of " + bufferBytes + " bytes");
        }
        List<T> entries = new ArrayList<>(entriesRead);
        // The fixed parts are copied out a block of entries at a time: one native read per field (eight per session
        // entry) cost more than everything else the decoder does. Blocks keep the copy small whatever entriesRead
        // says.
        int perBlock = Math.max(1, BLOCK_BYTES / entrySize);
        for (int first = 0; first < entriesRead; first += perBlock) {
            int count = Math.min(perBlock, entriesRead - first);
            int index = first;
            try {
                ByteBuffer block = ByteBuffer.wrap(buffer.getByteArray((long) first * entrySize, count * entrySize))
                        .order(ByteOrder.nativeOrder());
                for (int i = 0; i < count; i++, index++) {
                    entries.add(reader.read(block, i * entrySize));
                }
            } catch (RuntimeException e) {
                // the cause is for the administrator's log; the error itself stays plain language
                LOG.warn("Decoding {} entry {} of {} from {} at {} failed", kind.noun(), index + 1, entriesRead,
                        server, kind.level(), e);
                throw new NetApiException(NetApiStatus.protocolError(server,
                        kind.noun() + " entry " + (index + 1) + " of " + entriesRead + " could not be read"), e);
            }
        }
        return entries;
    }

    /** The string pointer stored at {@code at}, in the process's pointer size; {@code null} for NULL. */
    static Pointer pointer(ByteBuffer block, int at) {
        long address = Native.POINTER_SIZE == 8 ? block.getLong(at) : Integer.toUnsignedLong(block.getInt(at));
        return address == 0 ? null : new Pointer(address);
    }

    /** The unsigned {@code DWORD} stored at {@code at}. */
    static long dword(ByteBuffer block, int at) {
        return Integer.toUnsignedLong(block.getInt(at));
    }

    private static NetApiException malformed(String server, String detail) {
        return new NetApiException(NetApiStatus.protocolError(server, detail));
    }
}
