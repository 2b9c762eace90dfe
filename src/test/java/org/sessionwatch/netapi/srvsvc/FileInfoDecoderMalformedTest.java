package org.sessionwatch.netapi.srvsvc;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

import com.rapid7.client.dcerpc.io.PacketInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.sessionwatch.netapi.FileInfoLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Broken or hostile NetrFileEnum / NetrFileClose / NetrSessionDel answers: an {@link NdrFormatException}, nothing else. */
class FileInfoDecoderMalformedTest {

    private static final String SERVER = "FS01";
    private static final String ARRAY = "InfoStruct.FileInfo.Level3.Buffer MaximumCount";
    private static final String ENTRIES = "InfoStruct.FileInfo.Level3.EntriesRead";

    private final NdrVector full = NdrVector.fileVector("resp_fileenum_level3_3entries");

    static Stream<NdrVector> fileEnumResponses() {
        return NdrVector.fileVectors().filter(v -> v.kind().equals("response") && v.opnum() == 9);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileEnumResponses")
    void everyTruncationIsRejectedAtBothLevels(NdrVector vector) {
        for (int length = 0; length < vector.bytes().length; length++) {
            byte[] cut = Arrays.copyOf(vector.bytes(), length);
            for (FileInfoLevel level : FileInfoLevel.values()) {
                int cutAt = length;
                NdrFormatException e = catchThrowableOfType(NdrFormatException.class,
                        () -> FileInfoDecoder.decode(cut, level, SERVER));
                assertThat(e).as("%s cut to %d bytes, read at level %s", vector, cutAt, level).isNotNull();
                assertThat(e.offset()).isBetween(0, cutAt);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileEnumResponses")
    void anExtraTrailingByteIsRejected(NdrVector vector) {
        byte[] longer = Arrays.copyOf(vector.bytes(), vector.bytes().length + 1);

        assertThatThrownBy(() -> FileInfoDecoder.decode(longer, levelOf(vector), SERVER))
                .isInstanceOf(NdrFormatException.class)
                .hasMessageContaining("1 unexpected bytes after the NET_API_STATUS")
                .hasMessageContaining("at byte offset " + vector.bytes().length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileEnumResponses")
    void theOtherLevelIsRejected(NdrVector vector) {
        FileInfoLevel other = levelOf(vector) == FileInfoLevel.LEVEL_3 ? FileInfoLevel.LEVEL_2 : FileInfoLevel.LEVEL_3;

        assertThatThrownBy(() -> FileInfoDecoder.decode(vector.bytes(), other, SERVER))
                .isInstanceOf(NdrFormatException.class)
                .hasMessageContaining("information level " + levelOf(vector).code() + " to a level " + other.code())
                .hasMessageContaining("at byte offset 0");
    }

    @Test
    void sessionAnswersAreNoFileAnswers() {
        assertThatThrownBy(() -> FileInfoDecoder.decode(NdrVector.named("resp_level502_3entries").bytes(),
                FileInfoLevel.LEVEL_3, SERVER))
                .hasMessageContaining("unknown information level 502");
    }

    @Test
    void aUnionDiscriminantThatDiffersFromTheLevelIsRejected() {
        byte[] stub = full.withDword("InfoStruct.FileInfo switch", 2);

        assertThatThrownBy(() -> FileInfoDecoder.decode(stub, FileInfoLevel.LEVEL_3, SERVER))
                .hasMessageContaining("InfoStruct.FileInfo union is for level 2 but InfoStruct.Level says 3")
                .hasMessageContaining("at byte offset 4");
    }

    @ParameterizedTest
    @ValueSource(longs = {0xFFFF_FFFFL, 0x8000_0000L, 0x7FFF_FFFFL, 0x0CCC_CCCDL, 13})
    void aHugeArrayCountIsRejectedBeforeAllocating(long count) {
        byte[] stub = new NdrVector("x", "response", 9, full.withDword(ENTRIES, count), null, null)
                .withDword(full.offsetOf(ARRAY), count);

        NdrFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                catchThrowableOfType(NdrFormatException.class,
                        () -> FileInfoDecoder.decode(stub, FileInfoLevel.LEVEL_3, SERVER)));

        assertThat(e).hasMessageContaining("MaximumCount " + count + " needs at least " + count * 20 + " bytes");
        assertThat(e.offset()).isEqualTo(full.offsetOf(ARRAY));
    }

    @Test
    void anArrayCountThatDiffersFromEntriesReadIsRejected() {
        assertThatThrownBy(() -> FileInfoDecoder.decode(full.withDword(ENTRIES, 2), FileInfoLevel.LEVEL_3, SERVER))
                .hasMessageContaining("MaximumCount 3 differs from EntriesRead 2")
                .hasMessageContaining("at byte offset " + full.offsetOf(ARRAY));
    }

    @Test
    void entriesWithANullBufferAreRejected() {
        byte[] stub = NdrVector.fileVector("resp_fileenum_level3_0entries_nullbuffer").withDword(ENTRIES, 3);

        assertThatThrownBy(() -> FileInfoDecoder.decode(stub, FileInfoLevel.LEVEL_3, SERVER))
                .hasMessageContaining("EntriesRead is 3 but its Buffer is NULL");
    }

    @ParameterizedTest
    @ValueSource(longs = {0xFFFF_FFFFL, 0x8000_0000L, 0x8000_0001L, 1000})
    void aPathLongerThanTheDataIsRejectedWithoutOverflow(long count) {
        byte[] stub = new NdrVector("x", "response", 9,
                full.withDword("Buffer[1].fi3_path_name MaximumCount", count), null, null)
                .withDword(full.offsetOf("Buffer[1].fi3_path_name ActualCount"), count);

        assertThatThrownBy(() -> FileInfoDecoder.decode(stub, FileInfoLevel.LEVEL_3, SERVER))
                .hasMessageContaining("Buffer[1].fi3_path_name claims " + count + " UTF-16 code units");
    }

    @Test
    void aUserNameActualCountAboveItsMaximumCountIsRejected() {
        byte[] stub = full.withDword("Buffer[0].fi3_username ActualCount", 8);

        assertThatThrownBy(() -> FileInfoDecoder.decode(stub, FileInfoLevel.LEVEL_3, SERVER))
                .hasMessageContaining("Buffer[0].fi3_username ActualCount 8 exceeds its MaximumCount 7")
                .hasMessageContaining("at byte offset " + full.offsetOf("Buffer[0].fi3_username MaximumCount"));
    }

    @Test
    void aPathWithANulInsideIsRejected() {
        byte[] stub = full.bytes().clone();
        int thirdUnit = full.offsetOf("Buffer[0].fi3_path_name UTF-16LE") + 4;
        stub[thirdUnit] = 0;

        assertThatThrownBy(() -> FileInfoDecoder.decode(stub, FileInfoLevel.LEVEL_3, SERVER))
                .hasMessageContaining("Buffer[0].fi3_path_name has a NUL at code unit 2");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 5, 8})
    void aStatusOnlyAnswerMustBeExactlyFourBytes(int length) {
        NetApiStatusResponse response = new NetApiStatusResponse();
        PacketInput in = new PacketInput(new ByteArrayInputStream(new byte[length]));

        MalformedStubException e = catchThrowableOfType(MalformedStubException.class, () -> response.unmarshal(in));

        assertThat(e).as("%d bytes", length).isNotNull();
        assertThat(e.ndrError().offset()).isBetween(0, length);
        assertThatThrownBy(response::status).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMalformedFileEnumReachesDcerpcAsAnIoExceptionCarryingTheDetails() {
        NetrFileEnumResponse response = new NetrFileEnumResponse(FileInfoLevel.LEVEL_2, SERVER);
        PacketInput in = new PacketInput(new ByteArrayInputStream(full.bytes()));

        MalformedStubException e = catchThrowableOfType(MalformedStubException.class, () -> response.unmarshal(in));

        assertThat(e.ndrError()).hasMessageContaining("information level 3 to a level 2 request");
        assertThatThrownBy(response::decoded).isInstanceOf(IllegalStateException.class);
    }

    private static FileInfoLevel levelOf(NdrVector vector) {
        return vector.expected().get("InfoStruct.Level").asInt() == 3 ? FileInfoLevel.LEVEL_3 : FileInfoLevel.LEVEL_2;
    }
}
