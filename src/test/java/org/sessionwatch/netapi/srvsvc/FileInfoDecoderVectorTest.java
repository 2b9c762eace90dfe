package org.sessionwatch.netapi.srvsvc;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapid7.client.dcerpc.io.PacketInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.FilePermission;
import org.sessionwatch.netapi.OpenFile;

import static org.assertj.core.api.Assertions.assertThat;

/** Every NetrFileEnum, NetrFileClose and NetrSessionDel response vector decodes to the values in its .json. */
class FileInfoDecoderVectorTest {

    private static final String SERVER = "FS01";

    static Stream<NdrVector> fileEnumResponses() {
        return NdrVector.fileVectors().filter(v -> v.kind().equals("response") && v.opnum() == 9);
    }

    static Stream<NdrVector> statusResponses() {
        return NdrVector.fileVectors().filter(v -> v.kind().equals("response") && v.opnum() != 9);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileEnumResponses")
    void decodesEveryFileEnumVector(NdrVector vector) throws Exception {
        JsonNode e = vector.expected();
        FileInfoLevel level = levelOf(vector);

        DecodedFileEnum decoded = FileInfoDecoder.decode(vector.bytes(), level, SERVER);

        assertThat(decoded.level()).isEqualTo(level);
        assertThat(decoded.status()).isEqualTo(e.get("ErrorCode").asLong());
        assertThat(decoded.totalEntries()).isEqualTo(e.get("TotalEntries").asLong());
        assertThat(decoded.resumeHandle()).isEqualTo(e.get("ResumeHandle").isNull() ? null
                : e.get("ResumeHandle").asInt());
        assertThat(decoded.entries()).containsExactlyElementsOf(expectedFiles(e, level));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileEnumResponses")
    void theDcerpcPathDecodesTheSame(NdrVector vector) throws Exception {
        NetrFileEnumResponse response = new NetrFileEnumResponse(levelOf(vector), SERVER);

        response.unmarshal(new PacketInput(new ByteArrayInputStream(vector.bytes())));

        assertThat(response.decoded()).isEqualTo(FileInfoDecoder.decode(vector.bytes(), levelOf(vector), SERVER));
        assertThat(response.getReturnValue()).isEqualTo(vector.expected().get("ErrorCode").asInt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statusResponses")
    void decodesEveryStatusOnlyVector(NdrVector vector) throws Exception {
        NetApiStatusResponse response = new NetApiStatusResponse();

        response.unmarshal(new PacketInput(new ByteArrayInputStream(vector.bytes())));

        assertThat(response.status()).isEqualTo(vector.expected().get("ErrorCode").asLong());
    }

    @Test
    void keepsIdsAbove2To31PositiveAndDecodesThePermissionBits() throws Exception {
        List<OpenFile> files = FileInfoDecoder.decode(NdrVector.fileVector("resp_fileenum_level3_3entries").bytes(),
                FileInfoLevel.LEVEL_3, SERVER).entries();

        assertThat(files).extracting(OpenFile::id).containsExactly(2_622_423_041L, 7L, 4_294_967_295L);
        assertThat(files.get(0).permissionSet()).containsExactly(FilePermission.READ, FilePermission.WRITE);
        assertThat(files.get(1).permissionSet()).isEqualTo(Set.of(FilePermission.values()));
        assertThat(files.get(0).pathName()).hasValue("C:\\srv\\data\\Finance\\budget.xlsx");
        assertThat(files.get(1).userName()).isEmpty();
        assertThat(files.get(1).lockCount()).hasValue(4_294_967_295L);
        assertThat(files.get(2).pathName()).isEmpty();
        assertThat(files.get(2).userName()).hasValue("");
    }

    @Test
    void aRefusalCarriesNoEntriesAndAMoreDataPageDoes() throws Exception {
        DecodedFileEnum denied = FileInfoDecoder.decode(
                NdrVector.fileVector("resp_fileenum_level3_access_denied").bytes(), FileInfoLevel.LEVEL_3, SERVER);
        DecodedFileEnum more = FileInfoDecoder.decode(
                NdrVector.fileVector("resp_fileenum_level3_more_data").bytes(), FileInfoLevel.LEVEL_3, SERVER);

        assertThat(denied.status()).isEqualTo(5);
        assertThat(denied.entries()).isEmpty();
        assertThat(more.hasMoreData()).isTrue();
        assertThat(more.entries()).hasSize(2);
        assertThat(more.resumeHandle()).isEqualTo(0x1002);
    }

    private static FileInfoLevel levelOf(NdrVector vector) {
        return vector.expected().get("InfoStruct.Level").asInt() == 3 ? FileInfoLevel.LEVEL_3 : FileInfoLevel.LEVEL_2;
    }

    private static List<OpenFile> expectedFiles(JsonNode e, FileInfoLevel level) {
        List<OpenFile> files = new ArrayList<>();
        long status = e.get("ErrorCode").asLong();
        if (e.get("Buffer").isNull() || (status != 0 && status != 234)) {
            return files;
        }
        for (JsonNode row : e.get("Buffer")) {
            files.add(level == FileInfoLevel.LEVEL_2
                    ? OpenFile.idOnly(SERVER, row.get("fi2_id").asLong())
                    : new OpenFile(SERVER, level, row.get("fi3_id").asLong(), row.get("fi3_permissions").asLong(),
                    row.get("fi3_num_locks").asLong(), text(row, "fi3_path_name"), text(row, "fi3_username")));
        }
        return files;
    }

    private static String text(JsonNode row, String field) {
        return row.get(field).isNull() ? null : row.get(field).asText();
    }
}
