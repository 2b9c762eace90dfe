package org.sessionwatch.netapi.srvsvc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.sessionwatch.netapi.FileInfoLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@link FileInfoDecoder}'s bounds checks on every plain {@code mvn verify}, as {@link SessionInfoDecoderBoundsTest}
 * does for sessions: each DWORD of every NetrFileEnum response vector raised by one, set to 2^31 and to the maximum
 * must be refused with an in-stub offset or decode to at most one entry per four bytes, with every id, permission
 * and lock count still an unsigned 32-bit value.
 */
class FileInfoDecoderBoundsTest {

    private static final String SERVER = "FS01";

    static Stream<NdrVector> fileEnumResponses() {
        return NdrVector.fileVectors().filter(v -> v.kind().equals("response") && v.opnum() == 9);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileEnumResponses")
    void everyCountRaisedIsRefusedOrDecodedWithinTheStub(NdrVector vector) {
        FileInfoLevel level = vector.expected().get("InfoStruct.Level").asInt() == 3
                ? FileInfoLevel.LEVEL_3 : FileInfoLevel.LEVEL_2;
        byte[] full = vector.bytes();
        for (int offset = 0; offset + 4 <= full.length; offset += 4) {
            long original = Integer.toUnsignedLong(ByteBuffer.wrap(full).order(ByteOrder.LITTLE_ENDIAN).getInt(offset));
            for (long value : new long[] {original + 1, 0xFFFF_FFFFL, 0x8000_0000L}) {
                byte[] mutated = full.clone();
                ByteBuffer.wrap(mutated).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, (int) value);
                String mutation = vector.name() + ", DWORD at " + offset + " = " + value;
                Throwable thrown = catchThrowable(() -> {
                    DecodedFileEnum decoded = FileInfoDecoder.decode(mutated, level, SERVER);
                    assertThat(decoded.entries().size()).as(mutation).isLessThanOrEqualTo(mutated.length / 4);
                    assertThat(decoded.entries()).as(mutation).allSatisfy(f -> assertThat(f.id()).isNotNegative());
                });
                if (thrown instanceof NdrFormatException e) {
                    assertThat(e.offset()).as(mutation).isBetween(0, mutated.length);
                } else if (thrown != null) {
                    throw new AssertionError(mutation + ": " + thrown, thrown);
                }
            }
        }
    }
}
