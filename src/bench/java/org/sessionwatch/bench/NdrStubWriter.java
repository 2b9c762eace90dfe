package org.sessionwatch.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the stub of a {@code NetrSessionEnum} level-502 response (MS-SRVS 3.1.4.5) the way a Windows server
 * marshals it with NDR20 little-endian, for the decode benchmark: {@code SESSION_ENUM_STRUCT} (level, union switch,
 * unique pointer to the container), the container (EntriesRead, unique pointer to the array), the conformant array
 * of fixed parts (string pointers as referent ids, DWORDs), then each element's deferred strings as conformant
 * varying arrays of UTF-16LE code units including the NUL, each 4-byte aligned; then TotalEntries, the resume handle
 * pointer and value, and the status.
 *
 * <p>Written independently of the decoder under test from the IDL, so a benchmark that reads its output back is
 * also a check of both.
 */
public final class NdrStubWriter {

    /** The stub and where each string's UTF-16LE code units (without the NUL) start and how many bytes they take. */
    public record Stub(byte[] bytes, int[] stringStarts, int[] stringLengths) {
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int referentId = 0x0002_0000;
    private final List<int[]> strings = new ArrayList<>();

    private NdrStubWriter() {
    }

    public static Stub level502(List<Level502Sample.Entry> entries, long status) {
        NdrStubWriter w = new NdrStubWriter();
        w.dword(502);                   // InfoStruct.Level
        w.dword(502);                   // union discriminant
        w.pointer(true);                // SESSION_INFO_502_CONTAINER*
        w.dword(entries.size());        // EntriesRead
        w.pointer(!entries.isEmpty());  // Buffer
        if (!entries.isEmpty()) {
            w.dword(entries.size());    // conformant array MaximumCount
            for (Level502Sample.Entry e : entries) {
                w.pointer(e.cname() != null);
                w.pointer(e.username() != null);
                w.dword(e.numOpens());
                w.dword(e.time());
                w.dword(e.idleTime());
                w.dword(e.userFlags());
                w.pointer(e.cltypeName() != null);
                w.pointer(e.transport() != null);
            }
            for (Level502Sample.Entry e : entries) {
                w.string(e.cname());
                w.string(e.username());
                w.string(e.cltypeName());
                w.string(e.transport());
            }
        }
        w.dword(entries.size());        // TotalEntries
        w.pointer(true);                // ResumeHandle*
        w.dword(0);                     // *ResumeHandle
        w.dword(status);                // NET_API_STATUS
        int[] starts = new int[w.strings.size()];
        int[] lengths = new int[w.strings.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = w.strings.get(i)[0];
            lengths[i] = w.strings.get(i)[1];
        }
        return new Stub(w.out.toByteArray(), starts, lengths);
    }

    private void dword(long value) {
        align4();
        out.write((int) value);
        out.write((int) (value >>> 8));
        out.write((int) (value >>> 16));
        out.write((int) (value >>> 24));
    }

    private void pointer(boolean present) {
        if (present) {
            dword(referentId);
            referentId += 4;
        } else {
            dword(0);
        }
    }

    private void string(String value) {
        if (value == null) {
            return;
        }
        byte[] units = value.getBytes(StandardCharsets.UTF_16LE);
        int count = units.length / 2 + 1;
        dword(count);                   // MaximumCount
        dword(0);                       // Offset
        dword(count);                   // ActualCount
        strings.add(new int[] {out.size(), units.length});
        out.write(units, 0, units.length);
        out.write(0);
        out.write(0);
    }

    private void align4() {
        while (out.size() % 4 != 0) {
            out.write(0);
        }
    }
}
