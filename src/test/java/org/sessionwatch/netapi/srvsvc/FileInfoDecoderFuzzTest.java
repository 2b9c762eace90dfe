package org.sessionwatch.netapi.srvsvc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.rapid7.client.dcerpc.io.PacketInput;
import org.junit.jupiter.api.Test;

import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.OpenFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of {@link FileInfoDecoder#decode} and the status-only answer of NetrFileClose and
 * NetrSessionDel: whatever the bytes, a consistent result or an {@link NdrFormatException}, nothing else.
 *
 * <p>Seeds in {@code src/test/resources/org/sessionwatch/netapi/srvsvc/FileInfoDecoderFuzzTestInputs/<method>/}
 * (written by {@code ndr-vectors/generate_file_vectors.py}): every NetrFileEnum response vector, and for each a
 * truncated, an over-long and a forged-count copy. Without {@code JAZZER_FUZZ} they run once each as a regression
 * test; {@code .ci/run} fuzzes for {@code maxDuration}.
 */
class FileInfoDecoderFuzzTest {

    private static final String SERVER = "FS01";

    @FuzzTest(maxDuration = "30s")
    void decoderOnlyEverRejectsWithNdrFormatException(byte[] stub) throws IOException {
        for (FileInfoLevel level : FileInfoLevel.values()) {
            try {
                checkConsistent(FileInfoDecoder.decode(stub, level, SERVER), level, stub.length);
            } catch (NdrFormatException e) {
                if (e.offset() < 0 || e.offset() > stub.length) {
                    throw new AssertionError("offset " + e.offset() + " outside a " + stub.length + "-byte stub", e);
                }
            }
        }
        NetrFileEnumResponse response = new NetrFileEnumResponse(FileInfoLevel.LEVEL_3, SERVER);
        try {
            response.unmarshal(new PacketInput(new ByteArrayInputStream(stub)));
            checkConsistent(response.decoded(), FileInfoLevel.LEVEL_3, stub.length);
        } catch (MalformedStubException expected) {
            // a malformed stub, reported with its NdrFormatException
        }
        NetApiStatusResponse status = new NetApiStatusResponse();
        try {
            status.unmarshal(new PacketInput(new ByteArrayInputStream(stub)));
            if (stub.length != 4) {
                throw new AssertionError("a " + stub.length + "-byte stub accepted as a bare status");
            }
        } catch (MalformedStubException expected) {
            // anything but exactly 4 bytes
        }
    }

    private static void checkConsistent(DecodedFileEnum decoded, FileInfoLevel level, int stubLength) {
        if (decoded.level() != level) {
            throw new AssertionError("decoded level " + decoded.level() + " for a level " + level + " request");
        }
        if (decoded.entries().size() > stubLength / 4) {
            throw new AssertionError(decoded.entries().size() + " entries from " + stubLength + " bytes");
        }
        boolean bufferMeaningful = decoded.status() == NetApiStatus.NERR_SUCCESS
                || decoded.status() == NetApiStatus.ERROR_MORE_DATA;
        if (!bufferMeaningful && !decoded.entries().isEmpty()) {
            throw new AssertionError("entries returned with status " + decoded.status());
        }
        for (OpenFile file : decoded.entries()) {
            if (file.level() != level || !file.server().equals(SERVER) || file.id() < 0 || file.id() > 0xFFFF_FFFFL) {
                throw new AssertionError("inconsistent file " + file);
            }
        }
    }

    /** Every NetrFileEnum response vector is a seed, byte for byte, beside its damaged copies. */
    @Test
    void everyFileEnumResponseVectorIsASeedWithItsDamagedCopies() throws IOException {
        Path seeds = NdrVector.directory().resolve(
                "../org/sessionwatch/netapi/srvsvc/FileInfoDecoderFuzzTestInputs/"
                        + "decoderOnlyEverRejectsWithNdrFormatException").normalize();
        try (Stream<Path> files = Files.list(seeds)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .contains("resp_fileenum_level3_3entries-truncated.bin", "resp_fileenum_level3_3entries-overlong.bin",
                            "resp_fileenum_level3_3entries-forged-count.bin");
        }
        NdrVector.fileVectors().filter(v -> v.kind().equals("response") && v.opnum() == 9).forEach(vector -> {
            try {
                assertThat(Files.readAllBytes(seeds.resolve(vector.name() + ".bin"))).as(vector.name())
                        .isEqualTo(vector.bytes());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }
}
