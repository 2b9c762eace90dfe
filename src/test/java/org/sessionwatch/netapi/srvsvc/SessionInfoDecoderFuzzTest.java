package org.sessionwatch.netapi.srvsvc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.rapid7.client.dcerpc.io.PacketInput;
import org.junit.jupiter.api.Test;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Coverage-guided fuzzing of {@link SessionInfoDecoder#decode}: whatever the bytes, it returns a consistent result or
 * throws {@link NdrFormatException}, and nothing else (no index or arithmetic exception, no OutOfMemoryError, no
 * hang; Jazzer reports any of those, with the input, as a finding).
 *
 * <p>Without {@code JAZZER_FUZZ} (a plain {@code mvn verify}) the method runs once per seed in
 * {@code src/test/resources/org/sessionwatch/netapi/srvsvc/SessionInfoDecoderFuzzTestInputs/<method>/} plus an empty
 * input, as a regression test. The seeds are the real vectors (written by {@code ndr-vectors/generate_vectors.py})
 * and malformed variants of four of them, named {@code <mutation>__<vector>.bin}: {@code truncated_*} cut inside the
 * first or last string (one byte or one code unit short), inside a string header, inside the fixed entries or before
 * the status; {@code overlong_*} with trailing bytes, a string count one higher than the data or huge, or
 * EntriesRead one higher or huge. Well-formed seeds alone never reached the bounds checks: an off-by-one in
 * {@link NdrReader}'s string length check passed them, and fails on the truncated ones. With {@code JAZZER_FUZZ=1}
 * it fuzzes for {@code maxDuration}, which {@code -Djazzer.max_duration=10m} overrides.
 */
class SessionInfoDecoderFuzzTest {

    private static final String SERVER = "FS01";

    @FuzzTest(maxDuration = "45s")
    void decoderOnlyEverRejectsWithNdrFormatException(byte[] stub) throws IOException {
        for (InfoLevel level : InfoLevel.values()) {
            try {
                checkConsistent(SessionInfoDecoder.decode(stub, level, SERVER), level, stub.length);
            } catch (NdrFormatException e) {
                if (e.offset() < 0 || e.offset() > stub.length) {
                    throw new AssertionError("offset " + e.offset() + " outside a " + stub.length + "-byte stub", e);
                }
            }
        }
        // The dcerpc path reads the stub from a stream first; it must fail the same way, as an IOException.
        NetrSessionEnumResponse response = new NetrSessionEnumResponse(InfoLevel.LEVEL_502, SERVER);
        try {
            response.unmarshal(new PacketInput(new ByteArrayInputStream(stub)));
            checkConsistent(response.decoded(), InfoLevel.LEVEL_502, stub.length);
        } catch (MalformedStubException expected) {
            // a malformed stub, reported with its NdrFormatException
        }
    }

    private static void checkConsistent(DecodedSessionEnum decoded, InfoLevel level, int stubLength) {
        if (decoded.level() != level) {
            throw new AssertionError("decoded level " + decoded.level() + " for a level " + level + " request");
        }
        // Every element takes at least 4 bytes of the stub, so more entries than that means rows were invented.
        if (decoded.entries().size() > stubLength / 4) {
            throw new AssertionError(decoded.entries().size() + " entries from " + stubLength + " bytes");
        }
        boolean bufferMeaningful = decoded.status() == NetApiStatus.NERR_SUCCESS
                || decoded.status() == NetApiStatus.ERROR_MORE_DATA;
        if (!bufferMeaningful && !decoded.entries().isEmpty()) {
            throw new AssertionError("entries returned with status " + decoded.status());
        }
        for (Session session : decoded.entries()) {
            if (session.level() != level || !session.server().equals(SERVER)) {
                throw new AssertionError("inconsistent session " + session);
            }
        }
    }

    /**
     * Every committed vector is a seed, byte for byte, so a regenerated vector cannot leave a stale seed behind. Other
     * files may sit beside them: Jazzer writes each finding there ({@code crash-<sha1>}) to be kept as a regression
     * input once fixed.
     */
    @Test
    void malformedSeedsOfBothKindsAreInTheCorpus() throws IOException {
        Path seeds = NdrVector.directory().resolve(
                "../org/sessionwatch/netapi/srvsvc/SessionInfoDecoderFuzzTestInputs/"
                        + "decoderOnlyEverRejectsWithNdrFormatException").normalize();
        try (Stream<Path> files = Files.list(seeds)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).filteredOn(n -> n.startsWith("truncated_last_string_1_byte_short__")).hasSize(4);
            assertThat(names).filteredOn(n -> n.startsWith("overlong_")).hasSizeGreaterThanOrEqualTo(20);
            for (String name : names.stream().filter(n -> n.contains("__")).toList()) {
                NdrVector vector = NdrVector.named(name.substring(name.indexOf("__") + 2, name.length() - 4));
                byte[] seed = Files.readAllBytes(seeds.resolve(name));
                assertThat(seed).as(name).isNotEqualTo(vector.bytes());
                assertThatThrownBy(() -> SessionInfoDecoder.decode(seed, vector.level(), SERVER)).as(name)
                        .isInstanceOf(NdrFormatException.class);
            }
        }
    }

    @Test
    void everyVectorIsASeed() throws IOException {
        Path seeds = NdrVector.directory().resolve(
                "../org/sessionwatch/netapi/srvsvc/SessionInfoDecoderFuzzTestInputs/"
                        + "decoderOnlyEverRejectsWithNdrFormatException").normalize();
        try (Stream<Path> files = Files.list(seeds)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsAll(NdrVector.all().map(v -> v.name() + ".bin").toList());
        }
        NdrVector.all().forEach(vector -> {
            try {
                assertThat(Files.readAllBytes(seeds.resolve(vector.name() + ".bin"))).as(vector.name())
                        .isEqualTo(vector.bytes());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }
}
