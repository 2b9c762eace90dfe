package org.sessionwatch.netapi.srvsvc;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;

import com.rapid7.client.dcerpc.io.PacketInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.sessionwatch.netapi.InfoLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Broken or hostile stubs give an {@link NdrFormatException} naming the problem and its offset, nothing else. */
class SessionInfoDecoderMalformedTest {

    private static final String SERVER = "FS01";
    private static final String ARRAY = "InfoStruct.SessionInfo.Level502.Buffer MaximumCount";
    private static final String ENTRIES = "InfoStruct.SessionInfo.Level502.EntriesRead";

    private final NdrVector full = NdrVector.named("resp_level502_3entries");

    static Stream<NdrVector> responseVectors() {
        return NdrVector.responses();
    }

    static Stream<NdrVector> requestVectors() {
        return NdrVector.requests();
    }

    static Stream<NdrVector> allVectors() {
        return NdrVector.all();
    }

    /** No proper prefix of a response vector is itself a valid stub, at any level. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("responseVectors")
    void everyTruncationIsRejectedAtEveryLevel(NdrVector vector) {
        for (int length = 0; length < vector.bytes().length; length++) {
            byte[] cut = Arrays.copyOf(vector.bytes(), length);
            for (InfoLevel level : InfoLevel.values()) {
                int cutAt = length;
                NdrFormatException e = catchThrowableOfType(NdrFormatException.class,
                        () -> SessionInfoDecoder.decode(cut, level, SERVER));
                assertThat(e).as("%s cut to %d bytes, read at level %s", vector.name(), cutAt, level).isNotNull();
                assertThat(e.offset()).isBetween(0, cutAt);
            }
        }
    }

    /**
     * Request bytes are no answer, but a prefix can happen to be one: a request with three NULL strings starts with
     * three zero DWORDs, which read as level 0, switch 0 and a NULL container, and what follows as TotalEntries, the
     * ResumeHandle pointer (and value) and a status. A prefix may decode only when it is exactly the stub that the
     * decoded values give.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("requestVectors")
    void aTruncatedRequestDecodesOnlyWhereItsPrefixIsAWellFormedAnswer(NdrVector vector) {
        for (int length = 0; length <= vector.bytes().length; length++) {
            byte[] cut = Arrays.copyOf(vector.bytes(), length);
            for (InfoLevel level : InfoLevel.values()) {
                DecodedSessionEnum decoded;
                try {
                    decoded = SessionInfoDecoder.decode(cut, level, SERVER);
                } catch (NdrFormatException rejected) {
                    continue;
                }
                assertThat(decoded.entries()).isEmpty();
                // Referent ids are arbitrary: the ResumeHandle's is taken from the prefix, only non-zero matters.
                int resumeReferent = cut.length > 19 ? ByteBuffer.wrap(cut, 16, 4).order(ByteOrder.LITTLE_ENDIAN)
                        .getInt() : 0;
                assertThat(HexFormat.of().formatHex(cut)).as("%s cut to %d bytes at level %s", vector, length, level)
                        .isEqualTo(HexFormat.of().formatHex(nullContainerAnswer(decoded, resumeReferent)));
            }
        }
    }

    @Test
    void theFirst24BytesOfADefaultLevel0RequestAreGenuinelyAnAnswer() throws NdrFormatException {
        byte[] prefix = Arrays.copyOf(NdrVector.named("req_level0_default").bytes(), 24);

        DecodedSessionEnum decoded = SessionInfoDecoder.decode(prefix, InfoLevel.LEVEL_0, SERVER);

        assertThat(decoded.status()).isEqualTo(0x0002_0000);   // the container's referent id, read as a status
        assertThat(decoded.entries()).isEmpty();
        assertThat(decoded.totalEntries()).isZero();
    }

    /** Level, switch, NULL container, TotalEntries, ResumeHandle pointer (and value), status. */
    private static byte[] nullContainerAnswer(DecodedSessionEnum decoded, int resumeReferent) {
        ByteBuffer stub = ByteBuffer.allocate(decoded.resumeHandle() == null ? 24 : 28)
                .order(ByteOrder.LITTLE_ENDIAN);
        stub.putInt(decoded.level().code()).putInt(decoded.level().code()).putInt(0)
                .putInt((int) decoded.totalEntries());
        if (decoded.resumeHandle() == null) {
            stub.putInt(0);
        } else {
            assertThat(resumeReferent).isNotZero();
            stub.putInt(resumeReferent).putInt(decoded.resumeHandle());
        }
        return stub.putInt((int) decoded.status()).array();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responseVectors")
    void anExtraTrailingByteIsRejected(NdrVector vector) {
        byte[] longer = Arrays.copyOf(vector.bytes(), vector.bytes().length + 1);

        assertThatThrownBy(() -> SessionInfoDecoder.decode(longer, vector.level(), SERVER))
                .isInstanceOf(NdrFormatException.class)
                .hasMessageContaining("1 unexpected bytes after the NET_API_STATUS")
                .hasMessageContaining("at byte offset " + vector.bytes().length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allVectors")
    void everyVectorAtEveryOtherLevelIsRejected(NdrVector vector) {
        for (InfoLevel level : InfoLevel.values()) {
            if (vector.kind().equals("response") && level == vector.level()) {
                continue;
            }
            assertThatThrownBy(() -> SessionInfoDecoder.decode(vector.bytes(), level, SERVER))
                    .as("%s read as a level %s response", vector.name(), level)
                    .isInstanceOf(NdrFormatException.class);
        }
    }

    @Test
    void aLevelOtherThanTheRequestedOneIsNamed() {
        assertThatThrownBy(() -> SessionInfoDecoder.decode(full.bytes(), InfoLevel.LEVEL_10, SERVER))
                .isInstanceOf(NdrFormatException.class)
                .hasMessageContaining("information level 502 to a level 10 request")
                .hasMessageContaining("at byte offset 0");
    }

    @Test
    void anUnknownLevelIsNamed() {
        byte[] stub = NdrVector.named("resp_level502_invalid_level").withDword(0, 7);
        byte[] unknown = new NdrVector("x", "response", 12, stub, null, null).withDword(4, 7);

        assertThatThrownBy(() -> SessionInfoDecoder.decode(unknown, InfoLevel.LEVEL_502, SERVER))
                .hasMessageContaining("unknown information level 7");
    }

    @Test
    void aUnionDiscriminantThatDiffersFromTheLevelIsRejected() {
        byte[] stub = full.withDword("InfoStruct.SessionInfo switch", 2);

        assertThatThrownBy(() -> SessionInfoDecoder.decode(stub, InfoLevel.LEVEL_502, SERVER))
                .isInstanceOf(NdrFormatException.class)
                .hasMessageContaining("union is for level 2 but InfoStruct.Level says 502")
                .hasMessageContaining("at byte offset 4");
    }

    @ParameterizedTest
    @ValueSource(longs = {0xFFFF_FFFFL, 0x8000_0000L, 0x7FFF_FFFFL, 0x4000_0000L, 0x0800_0001L, 18})
    void aHugeArrayCountIsRejectedBeforeAllocating(long count) {
        byte[] stub = new NdrVector("x", "response", 12, full.withDword(ENTRIES, count), null, null)
                .withDword(full.offsetOf(ARRAY), count);

        NdrFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                catchThrowableOfType(NdrFormatException.class,
                        () -> SessionInfoDecoder.decode(stub, InfoLevel.LEVEL_502, SERVER)));

        assertThat(e).hasMessageContaining("MaximumCount " + count + " needs at least " + count * 32 + " bytes");
        assertThat(e.offset()).isEqualTo(full.offsetOf(ARRAY));
    }

    @Test
    void theLargestCountTheDataCouldHoldIsReadAndThenFailsOnTheStrings() {
        // 544 bytes follow the count: 17 elements of 32 bytes would fit them, so 17 passes the allocation bound,
        // but the bytes are not 17 elements followed by their strings and the trailer.
        byte[] stub = new NdrVector("x", "response", 12, full.withDword(ENTRIES, 17), null, null)
                .withDword(full.offsetOf(ARRAY), 17);

        assertThatThrownBy(() -> SessionInfoDecoder.decode(stub, InfoLevel.LEVEL_502, SERVER))
                .isInstanceOf(NdrFormatException.class);
    }

    @Test
    void anArrayCountThatDiffersFromEntriesReadIsRejected() {
        byte[] stub = full.withDword(ENTRIES, 2);

        assertThatThrownBy(() -> SessionInfoDecoder.decode(stub, InfoLevel.LEVEL_502, SERVER))
                .hasMessageContaining("MaximumCount 3 differs from EntriesRead 2")
                .hasMessageContaining("at byte offset " + full.offsetOf(ARRAY));
    }

    @Test
    void entriesWithANullBufferAreRejected() {
        NdrVector nullBuffer = NdrVector.named("resp_level502_0entries_nullbuffer");
        byte[] stub = nullBuffer.withDword(ENTRIES, 3);

        assertThatThrownBy(() -> SessionInfoDecoder.decode(stub, InfoLevel.LEVEL_502, SERVER))
                .hasMessageContaining("EntriesRead is 3 but its Buffer is NULL");
    }

    @Test
    void aNullContainerPointerIsAnEmptyAnswer() throws NdrFormatException {
        // Level, switch, NULL container, TotalEntries 0, NULL ResumeHandle, status 0.
        byte[] stub = hex("f6010000 f6010000 00000000 00000000 00000000 00000000");

        DecodedSessionEnum decoded = SessionInfoDecoder.decode(stub, InfoLevel.LEVEL_502, SERVER);

        assertThat(decoded.entries()).isEmpty();
        assertThat(decoded.status()).isZero();
        assertThat(decoded.resumeHandle()).isNull();
    }

    @Test
    void aStringActualCountAboveItsMaximumCountIsRejected() {
        byte[] stub = full.withDword("Buffer[0].sesi502_username ActualCount", 8);

        assertThatThrownBy(() -> SessionInfoDecoder.decode(stub, InfoLevel.LEVEL_502, SERVER))
                .hasMessageContaining("Buffer[0].sesi502_username ActualCount 8 exceeds its MaximumCount 7")
                .hasMessageContaining("at byte offset " + full.offsetOf("Buffer[0].sesi502_username MaximumCount"));
    }

    @ParameterizedTest
    @ValueSource(longs = {0xFFFF_FFFFL, 0x8000_0000L, 0x7FFF_FFFFL, 0x8000_0001L, 1000})
    void aStringLongerThanTheDataIsRejectedWithoutOverflow(long count) {
        byte[] stub = new NdrVector("x", "response", 12,
                full.withDword("Buffer[0].sesi502_cltype_name MaximumCount", count), null, null)
                .withDword(full.offsetOf("Buffer[0].sesi502_cltype_name ActualCount"), count);

        assertThatThrownBy(() -> SessionInfoDecoder.decode(stub, InfoLevel.LEVEL_502, SERVER))
                .isInstanceOf(NdrFormatException.class)
                .hasMessageContaining("claims " + count + " UTF-16 code units (" + count * 2 + " bytes)");
    }

    @Test
    void aStringWithoutEvenItsNulIsRejected() {
        byte[] stub = full.withDword("Buffer[0].sesi502_username ActualCount", 0);

        assertThatThrownBy(() -> SessionInfoDecoder.decode(stub, InfoLevel.LEVEL_502, SERVER))
                .hasMessageContaining("ActualCount 0");
    }

    @Test
    void aStringOffsetOtherThanZeroIsRejected() {
        byte[] stub = full.withDword("Buffer[0].sesi502_username Offset", 1);

        assertThatThrownBy(() -> SessionInfoDecoder.decode(stub, InfoLevel.LEVEL_502, SERVER))
                .hasMessageContaining("Buffer[0].sesi502_username has Offset 1");
    }

    @Test
    void aStringWhoseLastCodeUnitIsNotNulIsRejected() {
        byte[] stub = full.bytes().clone();
        int nulAt = full.offsetOf("Buffer[0].sesi502_username UTF-16LE") + 12;
        stub[nulAt] = 'x';

        assertThatThrownBy(() -> SessionInfoDecoder.decode(stub, InfoLevel.LEVEL_502, SERVER))
                .hasMessageContaining("sesi502_username is not NUL-terminated");
    }

    @Test
    void aNulInsideAStringIsRejected() {
        byte[] stub = full.bytes().clone();
        int secondUnit = full.offsetOf("Buffer[0].sesi502_username UTF-16LE") + 2;
        stub[secondUnit] = 0;
        stub[secondUnit + 1] = 0;

        assertThatThrownBy(() -> SessionInfoDecoder.decode(stub, InfoLevel.LEVEL_502, SERVER))
                .hasMessageContaining("NUL at code unit 1 of 7");
    }

    @Test
    void aStringCutInsideACodeUnitIsRejected() {
        // resp_level0_3entries' last string "\\用户-PC" (8 code units with the NUL) cut after 7 of its 16 bytes.
        NdrVector level0 = NdrVector.named("resp_level0_3entries");
        int text = level0.offsetOf("Buffer[2].sesi0_cname UTF-16LE");
        byte[] odd = Arrays.copyOf(level0.bytes(), text + 7);

        assertThatThrownBy(() -> SessionInfoDecoder.decode(odd, InfoLevel.LEVEL_0, SERVER))
                .hasMessageContaining("Buffer[2].sesi0_cname claims 8 UTF-16 code units (16 bytes) but only 7");
    }

    @Test
    void aMalformedStubReachesDcerpcAsAnIoExceptionCarryingTheDetails() {
        NetrSessionEnumResponse response = new NetrSessionEnumResponse(InfoLevel.LEVEL_10, SERVER);
        PacketInput in = new PacketInput(new ByteArrayInputStream(full.bytes()));

        MalformedStubException e = catchThrowableOfType(
                MalformedStubException.class, () -> response.unmarshal(in));

        assertThat(e.ndrError()).hasMessageContaining("information level 502 to a level 10 request");
        assertThatThrownBy(response::status).isInstanceOf(IllegalStateException.class);
    }

    private static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }
}
