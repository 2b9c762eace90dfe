package org.sessionwatch.netapi.srvsvc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.SessionField;

/**
 * Writes {@code NetrSessionEnum} response stubs the way Windows and Samba do (referent ids 0x00020000 + 4n, zero
 * pads), independently of the production code, for tests that need stubs the vectors do not have (large pages).
 * Checked against the vectors themselves in {@code ResponseStubBuilderTest}.
 */
final class ResponseStubBuilder {

    private final InfoLevel level;
    private final List<Map<SessionField, Object>> rows = new ArrayList<>();
    private long totalEntries;
    private Integer resumeHandle;
    private long status;
    private boolean nullBuffer;

    ResponseStubBuilder(InfoLevel level) {
        this.level = level;
    }

    /** A row: String (or null) for string members, Long for DWORD members, keyed by the members the level has. */
    ResponseStubBuilder row(Map<SessionField, Object> row) {
        rows.add(row);
        return this;
    }

    ResponseStubBuilder totalEntries(long value) {
        totalEntries = value;
        return this;
    }

    ResponseStubBuilder resumeHandle(Integer value) {
        resumeHandle = value;
        return this;
    }

    ResponseStubBuilder status(long value) {
        status = value;
        return this;
    }

    ResponseStubBuilder nullBuffer() {
        nullBuffer = true;
        return this;
    }

    byte[] build() {
        Writer out = new Writer();
        out.dword(level.code());
        out.dword(level.code());
        out.pointer(true);
        out.dword(rows.size());
        if (nullBuffer) {
            out.pointer(false);
        } else {
            out.pointer(true);
            out.dword(rows.size());
            List<SessionField> members = SessionInfoLayout.of(level).members();
            for (Map<SessionField, Object> row : rows) {
                for (SessionField member : members) {
                    if (SessionInfoLayout.isString(member)) {
                        out.pointer(row.get(member) != null);
                    } else {
                        out.dword((Long) row.get(member));
                    }
                }
            }
            for (Map<SessionField, Object> row : rows) {
                for (SessionField member : members) {
                    if (SessionInfoLayout.isString(member) && row.get(member) != null) {
                        out.string((String) row.get(member));
                    }
                }
            }
        }
        out.dword(totalEntries);
        out.pointer(resumeHandle != null);
        if (resumeHandle != null) {
            out.dword(Integer.toUnsignedLong(resumeHandle));
        }
        out.dword(status);
        return out.bytes.toByteArray();
    }

    private static final class Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int nextReferent = 0x0002_0000;

        void dword(long value) {
            while (bytes.size() % 4 != 0) {
                bytes.write(0);
            }
            for (int i = 0; i < 4; i++) {
                bytes.write((int) (value >>> (8 * i)) & 0xFF);
            }
        }

        void pointer(boolean present) {
            if (present) {
                dword(nextReferent);
                nextReferent += 4;
            } else {
                dword(0);
            }
        }

        void string(String value) {
            int units = value.length() + 1;
            dword(units);
            dword(0);
            dword(units);
            bytes.writeBytes((value + "\0").getBytes(StandardCharsets.UTF_16LE));
        }
    }
}
