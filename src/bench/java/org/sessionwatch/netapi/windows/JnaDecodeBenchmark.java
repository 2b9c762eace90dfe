package org.sessionwatch.netapi.windows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import org.sessionwatch.bench.Level502Sample;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiException;
import org.sessionwatch.netapi.Session;

/**
 * Figure 3, Windows backend: decoding a 10,000-entry {@code SESSION_INFO_502} buffer laid out as netapi32 returns it
 * (built by the tests' {@link SessionBuffer}), in entries per second.
 *
 * <p>Baseline, the floor any decoder producing Java strings has to pay: one bulk copy of the whole buffer out of
 * native memory and a UTF-16LE decode of each of the 40,000 strings at offsets found beforehand (no pointer chasing,
 * no terminator scan, no {@link Session} built).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JnaDecodeBenchmark {

    static final int ENTRIES = 10_000;

    private Memory buffer;
    private byte[] copy;
    /** Start and byte length of every string, in buffer order. */
    private int[] stringStarts;
    private int[] stringLengths;

    @Setup
    public void build() throws NetApiException {
        List<SessionBuffer.Entry> entries = new ArrayList<>(ENTRIES);
        for (Level502Sample.Entry e : Level502Sample.entries(ENTRIES, 7)) {
            entries.add(new SessionBuffer.Entry(e.cname(), e.username(), e.numOpens(), e.time(), e.idleTime(),
                    e.userFlags(), e.cltypeName(), e.transport()));
        }
        buffer = SessionBuffer.build(InfoLevel.LEVEL_502, entries);
        copy = new byte[(int) buffer.size()];
        findStrings();
        List<Session> check = SessionInfoDecoder.decode(buffer, ENTRIES, buffer.size(), "FS01", InfoLevel.LEVEL_502);
        if (check.size() != ENTRIES || !check.get(ENTRIES - 1).userName().orElseThrow()
                .equals(entries.get(ENTRIES - 1).username())) {
            throw new IllegalStateException("The decoder does not read back the benchmark buffer");
        }
    }

    /** Finds every string once, outside the measurement, from the pointers in the entries. */
    private void findStrings() {
        SessionInfoLayout layout = SessionInfoLayout.of(InfoLevel.LEVEL_502);
        long base = Pointer.nativeValue(buffer);
        stringStarts = new int[ENTRIES * 4];
        stringLengths = new int[ENTRIES * 4];
        int n = 0;
        for (int i = 0; i < ENTRIES; i++) {
            for (var field : List.of(org.sessionwatch.netapi.SessionField.CLIENT_NAME,
                    org.sessionwatch.netapi.SessionField.USER_NAME, org.sessionwatch.netapi.SessionField.CLIENT_TYPE,
                    org.sessionwatch.netapi.SessionField.TRANSPORT)) {
                long at = (long) i * layout.entrySize() + layout.offsets().get(field);
                int start = (int) (Pointer.nativeValue(buffer.getPointer(at)) - base);
                int end = start;
                while (buffer.getShort(end) != 0) {
                    end += 2;
                }
                stringStarts[n] = start;
                stringLengths[n] = end - start;
                n++;
            }
        }
        if (Native.POINTER_SIZE != 8 && Native.POINTER_SIZE != 4) {
            throw new IllegalStateException("Unexpected pointer size " + Native.POINTER_SIZE);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public List<Session> decoder() throws NetApiException {
        return SessionInfoDecoder.decode(buffer, ENTRIES, buffer.size(), "FS01", InfoLevel.LEVEL_502);
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public void copyAndUtf16Floor(Blackhole sink) {
        buffer.read(0, copy, 0, copy.length);
        for (int s = 0; s < stringStarts.length; s++) {
            sink.consume(new String(copy, stringStarts[s], stringLengths[s], StandardCharsets.UTF_16LE));
        }
    }
}
