package org.sessionwatch.netapi.srvsvc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The decoder's bounds checks against over-long counts, exercised by every plain {@code mvn verify} rather than only
 * when fuzzing: each DWORD of every well-formed response vector (entry counts, string counts, pointers, values) raised
 * by one, set to 2^31 and to the maximum. Each variant must be refused with an {@link NdrFormatException} whose
 * offset lies inside the stub, or decode to at most one entry per four bytes; an index, arithmetic or memory error
 * means a bounds check let a read go past the bytes actually received. (Truncations at every byte and trailing
 * bytes are {@link SessionInfoDecoderMalformedTest}'s; the fuzz corpus holds examples of both kinds as seeds.)
 */
class SessionInfoDecoderBoundsTest {

    private static final String SERVER = "FS01";

    static Stream<NdrVector> responses() {
        return NdrVector.responses();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void everyCountRaisedIsRefusedOrDecodedWithinTheStub(NdrVector vector) {
        byte[] full = vector.bytes();
        for (int offset = 0; offset + 4 <= full.length; offset += 4) {
            long original = Integer.toUnsignedLong(dword(full, offset));
            for (long value : new long[] {original + 1, 0xFFFF_FFFFL, 0x8000_0000L}) {
                byte[] mutated = full.clone();
                ByteBuffer.wrap(mutated).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, (int) value);
                assertRefusedOrBounded(vector, mutated, "DWORD at " + offset + " = " + value);
            }
        }
    }

    private static void assertRefusedOrBounded(NdrVector vector, byte[] stub, String mutation) {
        Throwable thrown = catchThrowable(() -> {
            DecodedSessionEnum decoded = SessionInfoDecoder.decode(stub, vector.level(), SERVER);
            assertThat(decoded.entries().size()).as("%s, %s: entries from %d bytes", vector.name(), mutation,
                    stub.length).isLessThanOrEqualTo(stub.length / 4);
        });
        if (thrown instanceof NdrFormatException e) {
            assertThat(e.offset()).as("%s, %s", vector.name(), mutation).isBetween(0, stub.length);
        } else if (thrown != null) {
            throw new AssertionError(vector.name() + ", " + mutation + ": " + thrown, thrown);
        }
    }

    private static int dword(byte[] bytes, int offset) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(offset);
    }
}
