package org.sessionwatch.netapi.windows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.jna.Native;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.SessionField;

/**
 * The lmshare.h layouts from the committed table {@code lmshare-layout.tsv}, independent of the code under test. The
 * same table is compiled into {@code _Static_assert}s against mingw-w64's {@code <lm.h>} by
 * {@code .ci/windows-layout-check}, so the table is checked against a real Windows header and the Java structures are
 * checked against the table. The layout tests compare the structures with it, and {@link SessionBuffer} lays out its
 * test buffers with it.
 */
final class DocumentedLayout {

    static final String TABLE = "lmshare-layout.tsv";

    /** Field offsets in header order, plus the structure size. */
    record Layout(int size, Map<SessionField, Integer> offsets) {
    }

    /** One member row: its header name, {@code DWORD} or {@code LMSTR}, and its offset on x64 and x86. */
    record Member(String name, String type, int x64, int x86) {
        int forRunningProcess() {
            return Native.POINTER_SIZE == 8 ? x64 : x86;
        }
    }

    /** One structure of the table: its size on x64 and x86 and its members in header order. */
    record Struct(String name, int sizeX64, int sizeX86, List<Member> members) {
        int sizeForRunningProcess() {
            return Native.POINTER_SIZE == 8 ? sizeX64 : sizeX86;
        }
    }

    private static final Map<String, Struct> STRUCTS = read();

    private DocumentedLayout() {
    }

    /** The structure named as in lmshare.h, e.g. {@code FILE_INFO_3}. */
    static Struct struct(String name) {
        Struct struct = STRUCTS.get(name);
        if (struct == null) {
            throw new IllegalArgumentException(name + " is not in " + TABLE);
        }
        return struct;
    }

    static Map<String, Struct> structs() {
        return STRUCTS;
    }

    static Layout forRunningProcess(InfoLevel level) {
        return Native.POINTER_SIZE == 8 ? x64(level) : x86(level);
    }

    static Layout x64(InfoLevel level) {
        return layout(level, true);
    }

    static Layout x86(InfoLevel level) {
        return layout(level, false);
    }

    /** The lmshare.h field names in declaration order. */
    static List<String> headerNames(InfoLevel level) {
        return sessionStruct(level).members().stream().map(Member::name).toList();
    }

    private static Struct sessionStruct(InfoLevel level) {
        return struct("SESSION_INFO_" + level.code());
    }

    private static Layout layout(InfoLevel level, boolean x64) {
        Struct struct = sessionStruct(level);
        Map<SessionField, Integer> offsets = new LinkedHashMap<>();
        for (Member member : struct.members()) {
            SessionField field = fieldNamed(level, member.name());
            offsets.put(field, x64 ? member.x64() : member.x86());
        }
        return new Layout(x64 ? struct.sizeX64() : struct.sizeX86(), offsets);
    }

    private static SessionField fieldNamed(InfoLevel level, String member) {
        for (SessionField field : level.fields()) {
            if (field.memberName(level).equals(member)) {
                return field;
            }
        }
        throw new IllegalStateException(TABLE + ": " + member + " is no field of level " + level);
    }

    private static Map<String, Struct> read() {
        try (InputStream in = DocumentedLayout.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is not on the test class path");
            }
            Map<String, int[]> sizes = new LinkedHashMap<>();
            Map<String, List<Member>> members = new LinkedHashMap<>();
            int lineNumber = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                lineNumber++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] cells = text.split("\\s+");
                if (cells.length != 5) {
                    throw new IllegalStateException(TABLE + " line " + lineNumber + ": expected 5 columns");
                }
                int x64 = Integer.parseInt(cells[3]);
                int x86 = Integer.parseInt(cells[4]);
                if (cells[1].equals("sizeof")) {
                    sizes.put(cells[0], new int[] {x64, x86});
                } else {
                    members.computeIfAbsent(cells[0], k -> new ArrayList<>())
                            .add(new Member(cells[1], cells[2], x64, x86));
                }
            }
            Map<String, Struct> structs = new LinkedHashMap<>();
            for (Map.Entry<String, List<Member>> entry : members.entrySet()) {
                int[] size = sizes.get(entry.getKey());
                if (size == null) {
                    throw new IllegalStateException(TABLE + ": no sizeof row for " + entry.getKey());
                }
                structs.put(entry.getKey(), new Struct(entry.getKey(), size[0], size[1], List.copyOf(entry.getValue())));
            }
            return Collections.unmodifiableMap(structs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
