package org.sessionwatch.netapi.srvsvc;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;

import com.rapid7.client.dcerpc.io.PacketInput;

/**
 * A bounds-checked little-endian NDR20 cursor over one received stub.
 *
 * <p>Everything it reads comes from a server we do not control, so every read is checked against the bytes actually
 * received before anything is allocated, counts are handled as unsigned 32-bit values in {@code long} (no overflow, no
 * negative sizes), and every failure is an {@link NdrFormatException} naming the item and its offset. Pad bytes are
 * skipped without looking at them: NDR leaves their contents unspecified.
 */
final class NdrReader {

    /** A conformant varying string always carries MaximumCount, Offset and ActualCount. */
    static final int STRING_HEADER_BYTES = 12;

    private final byte[] stub;
    private int position;

    NdrReader(byte[] stub) {
        this.stub = stub;
    }

    int position() {
        return position;
    }

    int remaining() {
        return stub.length - position;
    }

    /** Skips to the next multiple of 4, as NDR aligns every 4-byte primitive. */
    private void align4(String what) throws NdrFormatException {
        int aligned = (position + 3) & ~3;
        if (aligned > stub.length) {
            throw truncated(what, 4);
        }
        position = aligned;
    }

    /** Reads a 4-byte-aligned DWORD as an unsigned value, 0 to 4294967295. */
    long readDword(String what) throws NdrFormatException {
        return Integer.toUnsignedLong(readRawDword(what));
    }

    /** Reads a 4-byte-aligned DWORD as its 32 raw bits, for opaque values such as a resume handle. */
    int readRawDword(String what) throws NdrFormatException {
        align4(what);
        if (remaining() < 4) {
            throw truncated(what, 4);
        }
        int value = (stub[position] & 0xFF)
                | (stub[position + 1] & 0xFF) << 8
                | (stub[position + 2] & 0xFF) << 16
                | (stub[position + 3] & 0xFF) << 24;
        position += 4;
        return value;
    }

    /**
     * Reads a unique pointer's referent id: {@code true} when the pointer is non-NULL and its referent follows
     * (immediately for top-level pointers, deferred for embedded ones). Only zero versus non-zero matters; servers
     * number referents as they like.
     */
    boolean readPointer(String what) throws NdrFormatException {
        return readRawDword(what + " pointer") != 0;
    }

    /**
     * Reads the referent of a {@code [string] wchar_t*}: a conformant varying array of UTF-16LE code units whose
     * counts include the terminating NUL. An empty string is ActualCount 1 (only the NUL). Surrogate pairs are two code
     * units and come back as they are.
     */
    String readString(String what) throws NdrFormatException {
        align4(what);
        int start = position;
        long maximumCount = readDword(what + " MaximumCount");
        long offset = readDword(what + " Offset");
        long actualCount = readDword(what + " ActualCount");
        if (offset != 0) {
            throw new NdrFormatException(what + " has Offset " + offset + "; a [string] array must start at 0", start);
        }
        if (actualCount > maximumCount) {
            throw new NdrFormatException(what + " ActualCount " + actualCount + " exceeds its MaximumCount "
                    + maximumCount, start);
        }
        if (actualCount == 0) {
            throw new NdrFormatException(what + " has ActualCount 0, so it lacks the terminating NUL", start);
        }
        long byteLength = actualCount * 2;
        if (byteLength > remaining()) {
            throw new NdrFormatException(what + " claims " + actualCount + " UTF-16 code units (" + byteLength
                    + " bytes) but only " + remaining() + " bytes follow", start);
        }
        int units = (int) actualCount - 1;
        char[] chars = new char[units];
        for (int i = 0; i < units; i++) {
            char unit = codeUnitAt(position + 2 * i);
            if (unit == 0) {
                throw new NdrFormatException(what + " has a NUL at code unit " + i + " of " + actualCount
                        + "; only the last may be NUL", start);
            }
            chars[i] = unit;
        }
        if (codeUnitAt(position + 2 * units) != 0) {
            throw new NdrFormatException(what + " is not NUL-terminated: its last code unit is not 0", start);
        }
        position += (int) byteLength;
        return new String(chars);
    }

    /**
     * Reads the start of an {@code *_ENUM_STRUCT} answer: Level and the union discriminant, which must agree.
     *
     * @param union the union's name for messages, e.g. {@code InfoStruct.FileInfo}
     * @return the level, unsigned
     */
    long readEnumLevel(String union) throws NdrFormatException {
        long level = readDword("InfoStruct.Level");
        int switchAt = position;
        long discriminant = readDword(union + " switch");
        if (discriminant != level) {
            throw new NdrFormatException(union + " union is for level " + discriminant
                    + " but InfoStruct.Level says " + level, switchAt);
        }
        return level;
    }

    /**
     * Reads an enum container up to its array's first element: the unique container pointer, EntriesRead, the
     * Buffer pointer and the conformant array's MaximumCount, which must equal EntriesRead. The count is checked
     * against the bytes left before anything is allocated: each element needs {@code fixedBytes} before its deferred
     * strings, so a forged count of 4294967295 cannot reserve gigabytes.
     *
     * @param container  the container's name for messages, e.g. {@code InfoStruct.FileInfo.Level3}
     * @param fixedBytes the fixed part of one array element, at least 4
     * @return the number of elements that follow, 0 when the container or its Buffer is NULL
     */
    int readArrayCount(String container, int fixedBytes) throws NdrFormatException {
        if (!readPointer(container)) {
            return 0;
        }
        long entriesRead = readDword(container + ".EntriesRead");
        int bufferAt = position;
        if (!readPointer(container + ".Buffer")) {
            if (entriesRead != 0) {
                throw new NdrFormatException(container + ".EntriesRead is " + entriesRead
                        + " but its Buffer is NULL", bufferAt);
            }
            return 0;
        }
        int countAt = position;
        long maximumCount = readDword(container + ".Buffer MaximumCount");
        if (maximumCount != entriesRead) {
            throw new NdrFormatException(container + ".Buffer MaximumCount " + maximumCount
                    + " differs from EntriesRead " + entriesRead, countAt);
        }
        long available = remaining();
        if (maximumCount > available / fixedBytes) {
            throw new NdrFormatException(container + ".Buffer MaximumCount " + maximumCount + " needs at least "
                    + maximumCount * fixedBytes + " bytes but only " + available + " follow", countAt);
        }
        return (int) maximumCount;
    }

    /**
     * The end of every enum answer: {@code TotalEntries}, the unique {@code ResumeHandle} and its DWORD, and the
     * {@code NET_API_STATUS}, after which nothing may follow.
     */
    EnumTail readEnumTail() throws NdrFormatException {
        long totalEntries = readDword("TotalEntries");
        Integer resumeHandle = readPointer("ResumeHandle") ? readRawDword("*ResumeHandle") : null;
        return new EnumTail(totalEntries, resumeHandle, readStatus());
    }

    /** Reads the {@code NET_API_STATUS} that ends every srvsvc answer and checks that nothing follows it. */
    long readStatus() throws NdrFormatException {
        long status = readDword("return value (NET_API_STATUS)");
        if (remaining() != 0) {
            throw new NdrFormatException(remaining() + " unexpected bytes after the NET_API_STATUS", position);
        }
        return status;
    }

    /** What {@link #readEnumTail()} read; {@code resumeHandle} is null for a NULL pointer. */
    record EnumTail(long totalEntries, Integer resumeHandle, long status) {
    }

    /**
     * Every remaining byte of a stub dcerpc hands over. Its {@link PacketInput} does not say how many remain, so they
     * are read one by one until the end; the stub is already in memory (dcerpc reassembles fragments first).
     */
    static byte[] drain(PacketInput in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        while (true) {
            byte next;
            try {
                next = in.readByte();
            } catch (EOFException end) {
                return bytes.toByteArray();
            }
            bytes.write(next);
        }
    }

    private char codeUnitAt(int index) {
        return (char) ((stub[index] & 0xFF) | (stub[index + 1] & 0xFF) << 8);
    }

    private NdrFormatException truncated(String what, int needed) {
        return new NdrFormatException("stub ends before " + what + " (" + needed + " bytes needed, "
                + Math.max(0, remaining()) + " left)", position);
    }
}
