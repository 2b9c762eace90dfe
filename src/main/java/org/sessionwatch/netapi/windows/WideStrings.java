package org.sessionwatch.netapi.windows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import com.sun.jna.Pointer;

/**
 * Reads the NUL-terminated UTF-16LE strings ({@code LMSTR}) netapi32 returns.
 *
 * <p>Not {@link Pointer#getWideString}: that follows the platform's {@code wchar_t}, 4 bytes on Linux, so it would
 * misread these buffers everywhere but Windows and the decoder could not be tested off Windows. An unpaired surrogate
 * becomes U+FFFD (the JDK's UTF-16 decoder may take the unit after a lone high surrogate with it) rather than an
 * error, so one odd name cannot hide a server's whole session list.
 */
final class WideStrings {

    /** No lmshare.h string comes near this (it is {@code UNICODE_STRING}'s limit); longer means a runaway read. */
    static final int MAX_CHARS = 32_767;

    /**
     * Bytes fetched per native read. A read never crosses a 4 KiB boundary past the part of the string already known
     * to exist, because the page after the terminator may not be mapped; within a page it is safe to read ahead.
     */
    private static final int CHUNK_BYTES = 256;
    private static final long PAGE_BYTES = 4096;

    private WideStrings() {
    }

    /**
     * The string at {@code pointer}, or {@code null} for a NULL pointer.
     *
     * @throws IllegalArgumentException when no terminator follows within {@link #MAX_CHARS} characters
     */
    static String read(Pointer pointer) {
        if (pointer == null) {
            return null;
        }
        ByteArrayOutputStream bytes = null; // only for strings longer than one chunk, which are rare
        long address = Pointer.nativeValue(pointer);
        long offset = 0;
        while (true) {
            long toPageEnd = PAGE_BYTES - Math.floorMod(address + offset, PAGE_BYTES);
            // even, and at least one character: a misaligned string's last char may straddle into the next page
            int length = (int) Math.max(2, Math.min(CHUNK_BYTES, toPageEnd)) & ~1;
            byte[] chunk = pointer.getByteArray(offset, length);
            int end = 0;
            while (end < length && (chunk[end] != 0 || chunk[end + 1] != 0)) {
                end += 2;
            }
            if (offset + end > 2L * MAX_CHARS) {
                throw new IllegalArgumentException("a string has no terminator within " + MAX_CHARS + " characters");
            }
            if (end < length && offset == 0) {
                return new String(chunk, 0, end, StandardCharsets.UTF_16LE); // the usual case: one chunk
            }
            if (bytes == null) {
                bytes = new ByteArrayOutputStream(2 * length);
            }
            bytes.write(chunk, 0, end);
            if (end < length) {
                return bytes.toString(StandardCharsets.UTF_16LE);
            }
            offset += length;
        }
    }
}
