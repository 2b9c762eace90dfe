package org.sessionwatch.netapi.srvsvc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
import org.sessionwatch.bench.NdrStubWriter;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;

/**
 * Figure 3, srvsvc backend: decoding a 10,000-entry {@code NetrSessionEnum} level-502 response stub, in entries per
 * second. The stub comes from {@link NdrStubWriter}, written from the IDL independently of the decoder.
 *
 * <p>Baseline, the floor any decoder producing Java strings has to pay: a copy of the whole stub and a UTF-16LE decode
 * of each of the 40,000 strings at offsets known beforehand (no NDR parsing, no checks, no {@link Session} built).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NdrDecodeBenchmark {

    static final int ENTRIES = 10_000;

    private NdrStubWriter.Stub stub;
    private byte[] copy;

    @Setup
    public void build() throws NdrFormatException {
        List<Level502Sample.Entry> entries = Level502Sample.entries(ENTRIES, 7);
        stub = NdrStubWriter.level502(entries, 0);
        copy = new byte[stub.bytes().length];
        DecodedSessionEnum check = SessionInfoDecoder.decode(stub.bytes(), InfoLevel.LEVEL_502, "FS01");
        if (check.entries().size() != ENTRIES || !check.entries().get(ENTRIES - 1).userName().orElseThrow()
                .equals(entries.get(ENTRIES - 1).username())) {
            throw new IllegalStateException("The decoder does not read back the benchmark stub");
        }
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public DecodedSessionEnum decoder() throws NdrFormatException {
        return SessionInfoDecoder.decode(stub.bytes(), InfoLevel.LEVEL_502, "FS01");
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public void copyAndUtf16Floor(Blackhole sink) {
        System.arraycopy(stub.bytes(), 0, copy, 0, copy.length);
        int[] starts = stub.stringStarts();
        int[] lengths = stub.stringLengths();
        for (int s = 0; s < starts.length; s++) {
            sink.consume(new String(copy, starts[s], lengths[s], StandardCharsets.UTF_16LE));
        }
    }
}
